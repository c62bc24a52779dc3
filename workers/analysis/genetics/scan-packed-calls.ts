/**
 * Streams `(variant_id, calls)` rows of `genotype_packed` chunk by chunk (DuckDB's 2,048 rows), handing
 * each vector of packed calls to `visit` without turning rows into JS objects. Checks for a cancel and
 * reports progress between chunks.
 */
import { DuckDBBlobVector } from '@duckdb/node-api';
import type { Task } from '../../db/tasks.js';

export async function scanPackedCalls(
  task: Task,
  sql: string,
  expectedRows: number,
  visit: (variantId: number, calls: Uint8Array) => void,
): Promise<number> {
  const result = await task.connection.stream(sql);
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    task.throwIfCancelled();
    const ids = chunk.getColumnVector(0);
    const calls = chunk.getColumnVector(1);
    if (!(calls instanceof DuckDBBlobVector)) throw new Error('genotype_packed.calls is not a BLOB column');
    for (let r = 0; r < chunk.rowCount; r++) {
      const bytes = calls.getItemBytes(r);
      if (bytes) visit(Number(ids.getItem(r)), bytes);
    }
    rows += chunk.rowCount;
    task.report('reading', expectedRows > 0 ? Math.min(rows / expectedRows, 1) : null,
      `counting genotypes: ${rows.toLocaleString('en-US')} of ${expectedRows.toLocaleString('en-US')} variants`);
  }
  return rows;
}
