import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, Dataset, DatasetKind, DatasetTable } from './api.js';
import { quoteIdentifier } from '../db/quote.js';
import { PmwError } from './errors.js';

export const CATALOG_TABLE_SQL = `CREATE TABLE IF NOT EXISTS _catalog (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL UNIQUE,
  kind VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  rows BIGINT NOT NULL,
  columns JSON NOT NULL,
  imported_at VARCHAR NOT NULL,
  description VARCHAR NOT NULL DEFAULT '',
  licence VARCHAR NOT NULL DEFAULT ''
)`;

const SELECT_DATASETS =
  'SELECT id, name, kind, source_file, sha256, rows, columns, imported_at, description, licence FROM _catalog';

function toDataset(row: unknown[]): Dataset {
  return {
    id: String(row[0]),
    name: String(row[1]),
    kind: String(row[2]) as DatasetKind,
    sourceFile: String(row[3]),
    sha256: String(row[4]),
    rows: Number(row[5]),
    tables: JSON.parse(String(row[6])) as DatasetTable[],
    importedAt: String(row[7]),
    description: String(row[8]),
    licence: String(row[9]),
  };
}

export async function listDatasets(connection: DuckDBConnection): Promise<Dataset[]> {
  const reader = await connection.runAndReadAll(`${SELECT_DATASETS} ORDER BY imported_at, name`);
  return reader.getRowsJS().map(toDataset);
}

export async function findDataset(connection: DuckDBConnection, nameOrId: string): Promise<Dataset | null> {
  const reader = await connection.runAndReadAll(`${SELECT_DATASETS} WHERE id = $1 OR name = $1`, [nameOrId]);
  const row = reader.getRowsJS()[0];
  return row ? toDataset(row) : null;
}

export async function requireDataset(connection: DuckDBConnection, nameOrId: string): Promise<Dataset> {
  const dataset = await findDataset(connection, nameOrId);
  if (dataset) return dataset;
  const names = (await listDatasets(connection)).map((d) => d.name);
  throw new PmwError({
    code: 'DATASET_NOT_FOUND',
    message: `no dataset named ${nameOrId} in this workspace`,
    hint: names.length ? `the datasets are: ${names.join(', ')}` : 'the workspace is empty; import a file first',
  });
}

export async function datasetsWithHash(connection: DuckDBConnection, sha256: string): Promise<Dataset[]> {
  const reader = await connection.runAndReadAll(`${SELECT_DATASETS} WHERE sha256 = $1 ORDER BY imported_at`, [sha256]);
  return reader.getRowsJS().map(toDataset);
}

export async function insertDataset(connection: DuckDBConnection, dataset: Dataset): Promise<void> {
  await connection.run(
    `INSERT INTO _catalog (id, name, kind, source_file, sha256, rows, columns, imported_at, description, licence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      dataset.id, dataset.name, dataset.kind, dataset.sourceFile, dataset.sha256, dataset.rows,
      JSON.stringify(dataset.tables), dataset.importedAt, dataset.description, dataset.licence,
    ],
  );
}

export async function deleteDatasetEntry(connection: DuckDBConnection, id: string): Promise<void> {
  await connection.run('DELETE FROM _catalog WHERE id = $1', [id]);
}

/** `gibleed.person` → `"gibleed"."person"`. */
export function quoteTableName(table: string): string {
  return table.split('.').map(quoteIdentifier).join('.');
}

/** Row count and columns of a table as DuckDB sees it now. */
export async function describeTable(connection: DuckDBConnection, table: string): Promise<DatasetTable> {
  const qualifiedName = quoteTableName(table);
  const columnsReader = await connection.runAndReadAll(`DESCRIBE ${qualifiedName}`);
  const columns: ColumnInfo[] = columnsReader.getRowsJS().map((r) => ({ name: String(r[0]), type: String(r[1]) }));
  const countReader = await connection.runAndReadAll(`SELECT count(*) FROM ${qualifiedName}`);
  const rows = Number(countReader.getRowsJS()[0]?.[0] ?? 0);
  return { table, rows, columns };
}
