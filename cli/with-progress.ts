import type { Engine, Progress } from '../workers/engine/api.js';
import { cancelOnInterrupt } from './cancel-on-interrupt.js';
import type { CliIo } from './io.js';
import { progressReporter } from './progress-bar.js';

/** Runs engine work with a progress bar on a terminal and Ctrl-C cancelling task `taskId`. */
export async function withProgress<T>(engine: Engine, io: CliIo, taskId: string, work: (progress: (p: Progress) => void) => Promise<T>): Promise<T> {
  const progress = progressReporter(io);
  const interrupt = cancelOnInterrupt(io, engine, taskId);
  try {
    return await work((p) => { interrupt.repeat(); progress.update(p); });
  } finally {
    progress.clear();
    interrupt.dispose();
  }
}
