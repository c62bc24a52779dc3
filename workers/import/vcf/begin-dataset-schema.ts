import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import type { Dataset } from '../../engine/api.js';
import { claimSchemaName, dropDataset } from '../reports/dataset-schema.js';

/**
 * Opens the import's transaction and creates the dataset's schema in it. The name is claimed again
 * inside the transaction (it may have been taken since it was chosen); the dataset it replaces, if any,
 * is dropped and returned.
 */
export async function beginDatasetSchema(connection: DuckDBConnection, name: string, replace: boolean): Promise<Dataset | null> {
  await connection.run('BEGIN TRANSACTION');
  const replaced = await claimSchemaName(connection, name, replace);
  if (replaced) await dropDataset(connection, replaced);
  await connection.run(`CREATE SCHEMA ${quoteIdentifier(name)}`);
  return replaced;
}
