import type { Task } from '../../db/tasks.js';

/**
 * The same task, with the fractions it reports scaled into [from, to]: a step written for one file
 * (scanSource reports 0..1) then moves the bar forward across many files instead of restarting it.
 * Cancellation and the connection are the task's own (read through the prototype).
 */
export function taskSlice(task: Task, from: number, to: number): Task {
  return Object.create(task, {
    report: {
      value: (phase: Parameters<Task['report']>[0], fraction: number | null, message: string) =>
        task.report(phase, fraction === null ? null : from + (to - from) * fraction, message),
    },
  }) as Task;
}
