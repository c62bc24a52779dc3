import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../db/quote.js';
import { Task } from '../../db/tasks.js';

/** For tests only: an in-memory database with a task on it, and OMOP tables loaded by hand. */

export const GIBLEED_DIR = new URL('../../../samples/gibleed/', import.meta.url).pathname;

export interface TestDatabase {
  connection: DuckDBConnection;
  task: Task;
  close: () => void;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const task = new Task('table1-test', 'Table 1', connection, undefined);
  return { connection, task, close: () => { connection.closeSync(); instance.closeSync(); } };
}

/** Copies GiBleed tables (lower-case names, e.g. `person`) from the bundled Parquet files into `schema`. */
export async function loadGibleed(connection: DuckDBConnection, schema: string, tables: string[]): Promise<void> {
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  for (const table of tables) {
    const file = quoteLiteral(`${GIBLEED_DIR}${table.toUpperCase()}.parquet`);
    await connection.run(`CREATE TABLE ${schema}.${table} AS SELECT * FROM read_parquet(${file})`);
  }
}

/**
 * `CREATE TABLE name AS VALUES …` with typed columns: `columns` is `person_id BIGINT, year_of_birth INTEGER`,
 * each row a list of SQL literals (`NULL` and `DATE '2020-01-01'` included).
 */
export async function createTableFromRows(connection: DuckDBConnection, name: string, columns: string, rows: string[][]): Promise<void> {
  const definitions = columns.split(',').map((c) => c.trim().split(/\s+/));
  const casts = definitions.map(([column, type]) => `${column}::${type} AS ${column}`).join(', ');
  const names = definitions.map(([column]) => column).join(', ');
  const values = rows.map((row) => `(${row.join(', ')})`).join(',\n');
  await connection.run(`CREATE TABLE ${name} AS SELECT ${casts} FROM (VALUES ${values}) AS t(${names})`);
}
