import { rm } from 'node:fs/promises';

/** Deletes a DuckDB file and what DuckDB keeps beside it (write-ahead log, spill folder). */
export async function removeDatabase(path: string): Promise<void> {
  await Promise.all([path, `${path}.wal`, `${path}.tmp`].map((p) => rm(p, { force: true, recursive: true })));
}
