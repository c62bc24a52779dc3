import { isInterrupt } from '../../db/duckdb-errors.js';
import type { Task } from '../../db/tasks.js';
import { PmwError } from '../../engine/errors.js';
import { fileReadError } from './read-errors.js';
import type { ScannedFile } from './scan-folder-files.js';

/**
 * Runs a statement that reads `scanned`; a DuckDB error becomes a PmwError naming the file, line and column
 * (see read-errors.ts). `types` are those asked of the file's columns, `origin` who asks for them.
 */
export async function readOrExplain(task: Task, scanned: ScannedFile, types: Record<string, string>, origin: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (task.cancelled || isInterrupt(error) || error instanceof PmwError) throw error;
    // The error aborted the import's transaction; end it, so the explanation can look into the file.
    await task.connection.run('ROLLBACK').catch(() => undefined);
    throw await fileReadError(task.connection, error, scanned, types, origin);
  }
}
