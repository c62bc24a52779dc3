import type { DuckDBConnection } from '@duckdb/node-api';
import type { AppliedTransform, DatasetTable, Transform } from '../../../engine/api.js';
import { PmwError } from '../../../engine/errors.js';

export interface TransformContext {
  /** The workspace's secret key, 64 hex characters (32 bytes). */
  secretHex: string;
  /** The dataset's tables; a transform without `table` applies to the first (main) one. */
  tables: DatasetTable[];
  /** Default ± days for `shiftDates` without `maxDays`. */
  dateShiftDays: number;
  throwIfCancelled?: () => void;
}

/**
 * STUB (replaced by the transforms helper): checks every transform first (BAD_REQUEST naming the transform,
 * table and column), then rewrites the tables in DuckDB. Runs inside the caller's transaction.
 */
export async function applyTransforms(_connection: DuckDBConnection, _transforms: Transform[], _context: TransformContext): Promise<AppliedTransform[]> {
  throw new PmwError({ code: 'INTERNAL', message: 'applyTransforms is not implemented yet' });
}
