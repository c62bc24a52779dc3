import type { Progress } from '../workers/engine/api.js';

/** Where an Engine import spent its time, in ms. */
export interface ImportPhases {
  /** From the call: inspecting the file, its connection, the SHA-256 + NUL/UTF-8 scan, lookups, BEGIN. */
  checking: number;
  /** DuckDB's CREATE TABLE AS SELECT * FROM read_csv(...). */
  reading: number;
  /** Describing the table, catalog row, audit entry, COMMIT. */
  finishing: number;
  /** False when no 'reading' report came, so the CREATE TABLE is counted in checking. */
  readingSeen: boolean;
}

/**
 * Records when each progress phase first reports, relative to the start of one import. The Engine
 * reports every phase as it starts (then at intervals), so first reports are the phase edges.
 */
export class PhaseRecorder {
  private readonly started = performance.now();
  private readonly first = new Map<Progress['phase'], number>();

  readonly listener = (p: Progress): void => {
    if (!this.first.has(p.phase)) this.first.set(p.phase, performance.now() - this.started);
  };

  /** Splits the import's total wall time at the phase edges seen. */
  phases(totalMs: number): ImportPhases {
    const finishingAt = this.first.get('finishing') ?? totalMs;
    const readingAt = this.first.get('reading') ?? finishingAt;
    return {
      checking: readingAt,
      reading: finishingAt - readingAt,
      finishing: totalMs - finishingAt,
      readingSeen: this.first.has('reading'),
    };
  }
}
