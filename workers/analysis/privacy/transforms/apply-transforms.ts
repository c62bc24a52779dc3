import type { DuckDBConnection } from '@duckdb/node-api';
import type { AppliedTransform, DatasetTable, Transform } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';
import { quoteTableName } from '../../../engine/catalog.js';
import { checkTransforms, type PlannedTransform } from './check-transforms.js';
import { readCount } from './read-count.js';
import { changedRowSql, transformedSelect, type TransformKeys } from './transform-sql.js';

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
 * Checks every transform first (BAD_REQUEST naming the transform, table and column; nothing changed),
 * then rewrites the tables in DuckDB one transform at a time, in the order given. Runs inside the
 * caller's transaction and never begins or commits one. Each result records the transform with its
 * table and defaults written out and the rows whose value it changed (for `drop`: the table's rows).
 *
 * Tables are rebuilt with CREATE OR REPLACE … AS SELECT * REPLACE (…), which keeps the column order and
 * the other columns' types but not constraints or indexes (dataset tables have none). Row order is not
 * kept by `suppressRare`, whose window count may regroup the rows.
 */
export async function applyTransforms(connection: DuckDBConnection, transforms: Transform[], context: TransformContext): Promise<AppliedTransform[]> {
  const keys: Required<TransformKeys> = { secretHex: context.secretHex, dateShiftDays: context.dateShiftDays };
  const planned = await checkTransforms(connection, transforms, context.tables.map((t) => t.table), keys);
  const applied: AppliedTransform[] = [];
  for (const step of planned) {
    const rows = await applyOne(connection, step, keys, () => context.throwIfCancelled?.());
    applied.push({ transform: step.transform, table: step.table, rows, appliedAt: new Date().toISOString() });
  }
  return applied;
}

/**
 * One transform, returning the rows it changed. The rebuilt table carries a flag column for the changed
 * rows, counted and then dropped: one pass over the data instead of computing every new value twice.
 */
async function applyOne(connection: DuckDBConnection, step: PlannedTransform, keys: TransformKeys, throwIfCancelled: () => void): Promise<number> {
  const table = quoteTableName(step.table);
  throwIfCancelled();
  if (step.transform.kind === 'drop') {
    const rows = await readCount(connection, `SELECT count(*) FROM ${table}`);
    throwIfCancelled();
    await connection.run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(step.transform.column)}`);
    return rows;
  }
  const flag = quoteIdentifier(unusedColumnName(step.types, '_pmw_changed'));
  await connection.run(`CREATE OR REPLACE TABLE ${table} AS ${transformedSelect(table, step.transform, step.types, keys, `${changedRowSql(step.transform, step.types, keys)} AS ${flag}`)}`);
  throwIfCancelled();
  const rows = await readCount(connection, `SELECT count(*) FROM ${table} WHERE ${flag}`);
  throwIfCancelled();
  await connection.run(`ALTER TABLE ${table} DROP COLUMN ${flag}`);
  return rows;
}

/** `base`, or `base_2`, `base_3`, … : the first name the table does not use (names compared as DuckDB does, ignoring case). */
function unusedColumnName(types: ReadonlyMap<string, string>, base: string): string {
  const taken = new Set([...types.keys()].map((name) => name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}
