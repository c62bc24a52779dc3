import type { Progress } from '../workers/engine/api.js';

/** One stretch of an Engine call: from the first report of a message to the first report of the next. */
export interface TimelineStep {
  phase: Progress['phase'] | 'before';
  message: string;
  /** When it started, ms after the call began. */
  atMs: number;
  ms: number;
}

/**
 * Records every progress report of one Engine call with its time. The Engine reports each step as it
 * starts (then repeats it at intervals with a fraction), so the first report of each new message marks
 * a step's start and the next new message its end.
 */
export class ProgressTimeline {
  private started = performance.now();
  private readonly reports: { at: number; phase: Progress['phase']; message: string }[] = [];

  readonly listener = (p: Progress): void => {
    this.reports.push({ at: performance.now() - this.started, phase: p.phase, message: p.message });
  };

  /** Starts the clock again; call right before the Engine call. */
  restart(): void {
    this.started = performance.now();
    this.reports.length = 0;
  }

  /** The steps of a call that took `totalMs`, in order; time before the first report is a step of its own. */
  steps(totalMs: number): TimelineStep[] {
    const steps: TimelineStep[] = [];
    for (const report of this.reports) {
      const last = steps.at(-1);
      if (last && last.phase === report.phase && last.message === report.message) continue;
      steps.push({ phase: report.phase, message: report.message, atMs: report.at, ms: 0 });
    }
    if ((steps[0]?.atMs ?? totalMs) > 0) steps.unshift({ phase: 'before', message: '(before the first progress report)', atMs: 0, ms: 0 });
    steps.forEach((step, i) => { step.ms = (steps[i + 1]?.atMs ?? totalMs) - step.atMs; });
    return steps;
  }
}

/**
 * Steps whose messages differ only in numbers (`reading 2023Q1/ASCII/DEMO23Q1.txt (1 of 32)`) summed into
 * one line per kind, in order of first appearance, with how many there were.
 */
export function groupSteps(steps: readonly TimelineStep[]): (TimelineStep & { count: number })[] {
  const groups = new Map<string, TimelineStep & { count: number }>();
  for (const step of steps) {
    const key = `${step.phase} ${step.message.replace(/\s*\(\d+ of \d+\)$/, '').replace(/\d+/g, '#')}`;
    const group = groups.get(key);
    if (group) {
      group.ms += step.ms;
      group.count += 1;
    } else {
      groups.set(key, { ...step, message: step.message.replace(/\s*\(\d+ of \d+\)$/, ''), count: 1 });
    }
  }
  return [...groups.values()].map((g) => (g.count > 1 ? { ...g, message: g.message.replace(/\d+/g, '#') } : g));
}
