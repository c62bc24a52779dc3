import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, toIdentifier } from '../../db/quote.js';
import type { Dataset } from '../../engine/api.js';
import { deleteDatasetEntry, findDataset, quoteTableName } from '../../engine/catalog.js';
import { PmwError } from '../../engine/errors.js';

/** Schemas DuckDB keeps for itself. */
const SYSTEM_SCHEMAS = new Set(['main', 'information_schema', 'pg_catalog', 'temp']);

export interface SchemaName {
  name: string;
  /** Why the name differs from the one asked for, when it does. */
  note: string | null;
}

/**
 * The schema (and dataset) name for a multi-table import: folded to a plain identifier, with `_data`
 * added when the plain name would not work unquoted in SQL — a reserved word, a system schema, or the
 * name of the workspace database itself (`caers.pv_report` would be ambiguous in workspace caers.duckdb).
 */
export async function chooseSchemaName(connection: DuckDBConnection, wanted: string): Promise<SchemaName> {
  const name = toIdentifier(wanted);
  const reader = await connection.runAndReadAll(
    `SELECT
       (SELECT count(*) FROM duckdb_keywords() WHERE keyword_name = $1 AND keyword_category IN ('reserved', 'type_function')),
       (SELECT count(*) FROM duckdb_databases() WHERE lower(database_name) = $1)`,
    [name],
  );
  const [reserved, database] = (reader.getRowsJS()[0] ?? [0, 0]).map(Number);
  if (reserved) return { name: `${name}_data`, note: `${name} is an SQL keyword` };
  if (SYSTEM_SCHEMAS.has(name)) return { name: `${name}_data`, note: `${name} is a schema DuckDB keeps for itself` };
  if (database) return { name: `${name}_data`, note: `${name} is the name of the workspace database, so ${name}.pv_report would be ambiguous in SQL` };
  return { name, note: null };
}

/**
 * Fails when the name is taken by a dataset (unless replacing it) or by a schema or table that is not a
 * dataset's; returns the dataset to replace.
 */
export async function claimSchemaName(connection: DuckDBConnection, name: string, replace: boolean): Promise<Dataset | null> {
  const existing = await findDataset(connection, name);
  if (existing) {
    if (replace) return existing;
    throw new PmwError({ code: 'DATASET_EXISTS', message: `a dataset named ${name} already exists`, hint: 'choose another name (--name), or replace it (--replace)' });
  }
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM duckdb_schemas() WHERE lower(schema_name) = $1 AND NOT internal)
          + (SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND lower(table_name) = $1)`,
    [name],
  );
  if (Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0) {
    throw new PmwError({ code: 'DATASET_EXISTS', message: `the workspace already has a schema or table named ${name}`, hint: 'choose another name for this dataset (--name)' });
  }
  return null;
}

/**
 * Removes a dataset being replaced: its tables, its schema when it has one of its own (with anything
 * else kept there, such as saved screen results), and its catalog entry.
 */
export async function dropDataset(connection: DuckDBConnection, dataset: Dataset): Promise<void> {
  const schemas = new Set<string>();
  for (const { table } of dataset.tables) {
    await connection.run(`DROP TABLE IF EXISTS ${quoteTableName(table)}`);
    const dot = table.indexOf('.');
    if (dot > 0) schemas.add(table.slice(0, dot));
  }
  for (const schema of schemas) await connection.run(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  await deleteDatasetEntry(connection, dataset.id);
}
