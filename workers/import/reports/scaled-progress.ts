import type { Task } from '../../db/tasks.js';
import type { ProgressPhase } from '../../engine/api.js';

const PROGRESS_INTERVAL_MS = 250;

/**
 * Runs one statement of a multi-statement import, reporting DuckDB's own progress for it scaled into
 * the slice [from, to] of the whole phase, so the bar moves forward across files instead of restarting.
 */
export async function runInSlice<T>(task: Task, phase: ProgressPhase, message: string, from: number, to: number, run: () => Promise<T>): Promise<T> {
  task.throwIfCancelled();
  task.report(phase, from, message);
  const timer = setInterval(() => {
    const percentage = task.connection.progress.percentage;
    if (percentage >= 0) task.report(phase, from + (to - from) * Math.min(percentage / 100, 1), message);
  }, PROGRESS_INTERVAL_MS);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
