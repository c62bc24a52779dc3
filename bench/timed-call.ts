import type { Progress } from '../workers/engine/api.js';
import { ProgressTimeline, type TimelineStep } from './progress-timeline.js';
import { timed } from './stats.js';

/** An Engine call timed whole, with the steps its progress reports marked. */
export interface TimedCall<T> {
  ms: number;
  cpuMs: number;
  steps: TimelineStep[];
  result: T;
}

/** Runs `call` with a progress listener that records its steps; wall and CPU time cover the whole call. */
export async function timedCall<T>(call: (progress: (p: Progress) => void) => Promise<T>): Promise<TimedCall<T>> {
  const timeline = new ProgressTimeline();
  const run = await timed(() => {
    timeline.restart();
    return call(timeline.listener);
  });
  return { ms: run.ms, cpuMs: run.cpuMs, steps: timeline.steps(run.ms), result: run.result };
}
