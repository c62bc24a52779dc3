import type { Progress } from '../workers/engine/api.js';
import { truncateToWidth } from './output/display-width.js';
import type { CliIo } from './io.js';

const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\u001b[2K';

/** `3.2s`, `1m05s` */
export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}

/**
 * One line of progress: what is happening, the percentage, a bar and the time so far, e.g.
 * `reading caers.csv  42% [##########--------------] 3.2s`. With no fraction known, a block slides along the bar.
 */
export function progressLine(progress: Pick<Progress, 'fraction' | 'message' | 'phase'>, elapsedMs: number, columns: number): string {
  const fraction = progress.fraction === null ? null : Math.min(1, Math.max(0, progress.fraction));
  const percent = fraction === null ? '   ' : `${String(Math.floor(fraction * 100)).padStart(3)}%`;
  let bar: string;
  if (fraction === null) {
    const position = Math.floor(elapsedMs / 150) % (BAR_WIDTH - 3);
    bar = ' '.repeat(position) + '###' + ' '.repeat(BAR_WIDTH - 3 - position);
  } else {
    const filled = Math.round(fraction * BAR_WIDTH);
    bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  }
  const tail = ` ${percent} [${bar}] ${formatElapsed(elapsedMs)}`;
  const label = progress.message || progress.phase;
  return truncateToWidth(label, Math.max(8, columns - tail.length - 1)) + tail;
}

/** Draws progress on one terminal line, at most ten times a second, and clears it when done. */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: () => number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(progress: Progress): void {
    const now = this.now();
    if (now - this.lastDraw < REDRAW_INTERVAL_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    this.write(CLEAR_LINE + progressLine(progress, now - this.started, this.columns()));
  }

  clear(): void {
    if (this.drawn) this.write(CLEAR_LINE);
    this.drawn = false;
  }
}

/** A progress bar on stderr when it is a terminal; otherwise callbacks that do nothing. */
export function progressReporter(io: CliIo): { update: (p: Progress) => void; clear: () => void } {
  if (!io.stderrIsTTY) return { update: () => undefined, clear: () => undefined };
  const bar = new ProgressBar(io.err, io.stderrColumns);
  return { update: (p) => bar.update(p), clear: () => bar.clear() };
}
