import { randomUUID } from 'node:crypto';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Progress, ProgressPhase } from '../engine/api.js';
import { cancelledError } from '../engine/errors.js';
import { connectWithProgress } from './open-database.js';

const PROGRESS_INTERVAL_MS = 250;

/** One running piece of work: its own connection, so cancelling it interrupts nothing else. */
export class Task {
  cancelled = false;

  constructor(
    readonly id: string,
    readonly label: string,
    readonly connection: DuckDBConnection,
    private readonly onProgress: ((p: Progress) => void) | undefined,
  ) {}

  report(phase: ProgressPhase, fraction: number | null, message: string): void {
    this.onProgress?.({ taskId: this.id, phase, fraction, message });
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw cancelledError(this.label);
  }

  /** Runs one DuckDB statement, reporting DuckDB's own progress estimate while it runs. */
  async runWithProgress<T>(phase: ProgressPhase, message: string, run: () => Promise<T>): Promise<T> {
    this.throwIfCancelled();
    this.report(phase, 0, message);
    const timer = this.onProgress
      ? setInterval(() => {
          const percentage = this.connection.progress.percentage;
          this.report(phase, percentage >= 0 ? Math.min(percentage / 100, 1) : null, message);
        }, PROGRESS_INTERVAL_MS)
      : undefined;
    try {
      return await run();
    } finally {
      if (timer) clearInterval(timer);
    }
  }
}

/** The tasks now running, by id, so `cancel(taskId)` can find them. */
export class TaskRegistry {
  private readonly running = new Map<string, Task>();

  async run<T>(
    instance: DuckDBInstance,
    options: { taskId?: string; label: string; onProgress?: (p: Progress) => void },
    work: (task: Task) => Promise<T>,
  ): Promise<T> {
    const id = options.taskId ?? randomUUID();
    if (this.running.has(id)) throw new Error(`task id ${id} is already running`);
    const connection = await connectWithProgress(instance);
    const task = new Task(id, options.label, connection, options.onProgress);
    this.running.set(id, task);
    try {
      return await work(task);
    } finally {
      this.running.delete(id);
      connection.closeSync();
    }
  }

  cancel(taskId: string): void {
    const task = this.running.get(taskId);
    if (!task) return;
    task.cancelled = true;
    task.connection.interrupt();
  }

  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  get size(): number {
    return this.running.size;
  }
}
