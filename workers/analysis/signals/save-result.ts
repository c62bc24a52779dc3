import { randomBytes } from 'node:crypto';
import type { Task } from '../../db/tasks.js';
import type { AuditLog } from '../../engine/audit-log.js';
import type { Dataset } from '../../engine/api.js';
import { countRows } from './measure-pairs.js';

export const RESULTS_SCHEMA = 'results';

/**
 * Creates a result table in the `results` schema from a SELECT and records the analysis in the audit
 * trail, in one transaction. Returns the table's name.
 */
export async function saveResultTable(
  task: Task,
  audit: AuditLog,
  dataset: Dataset,
  prefix: string,
  selectSql: string,
  detail: Record<string, unknown>,
): Promise<{ table: string; rows: number }> {
  const connection = task.connection;
  const table = `${RESULTS_SCHEMA}.${prefix}_${dataset.name}_${randomBytes(3).toString('hex')}`;
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${RESULTS_SCHEMA}`);
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`CREATE TABLE ${table} AS ${selectSql}`);
    const rows = await countRows(connection, table);
    await audit.withAppendLock(async (append) => {
      await append(connection, { action: 'analysis', dataset: dataset.id, detail: JSON.stringify({ ...detail, resultTable: table }), rows });
      await connection.run('COMMIT');
    });
    return { table, rows };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
