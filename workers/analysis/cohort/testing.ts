import { readdirSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../db/quote.js';
import { Task } from '../../db/tasks.js';

export const GIBLEED_DIR = new URL('../../../samples/gibleed/', import.meta.url).pathname;

/**
 * The bundled Eunomia GiBleed tables in schema `gibleed` of an in-memory database, read straight from
 * the Parquet files (not through the importer), for tests of the cohort logic on its own.
 */
export async function gibleedConnection(tables?: string[]): Promise<{ connection: DuckDBConnection; task: Task; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE SCHEMA gibleed');
  for (const file of readdirSync(GIBLEED_DIR).filter((f) => f.endsWith('.parquet'))) {
    const table = file.replace('.parquet', '').toLowerCase();
    if (tables && !tables.includes(table)) continue;
    await connection.run(`CREATE TABLE gibleed.${table} AS SELECT * FROM read_parquet(${quoteLiteral(GIBLEED_DIR + file)})`);
  }
  const task = new Task('test', 'the test', connection, undefined);
  return { connection, task, close: () => { connection.closeSync(); instance.closeSync(); } };
}

export async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
