import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, Dataset, DatasetKind, DatasetPrivacy, DatasetTable } from './api.js';
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
  licence VARCHAR NOT NULL DEFAULT '',
  privacy JSON
)`;

/** Format 1 workspaces gain the `privacy` column (format 2). */
export const CATALOG_MIGRATIONS_SQL = ['ALTER TABLE _catalog ADD COLUMN IF NOT EXISTS privacy JSON'];

const SELECT_DATASETS =
  'SELECT id, name, kind, source_file, sha256, rows, columns, imported_at, description, licence, privacy FROM _catalog';

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
    privacy: row[10] === null || row[10] === undefined ? null : JSON.parse(String(row[10])) as DatasetPrivacy,
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
    `INSERT INTO _catalog (id, name, kind, source_file, sha256, rows, columns, imported_at, description, licence, privacy)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      dataset.id, dataset.name, dataset.kind, dataset.sourceFile, dataset.sha256, dataset.rows,
      JSON.stringify(dataset.tables), dataset.importedAt, dataset.description, dataset.licence,
      dataset.privacy === null ? null : JSON.stringify(dataset.privacy),
    ],
  );
}

/** Rewrites what the catalog says about a dataset's tables and de-identification (after transforms or a scan). */
export async function updateDatasetEntry(connection: DuckDBConnection, id: string, tables: DatasetTable[], privacy: DatasetPrivacy | null): Promise<void> {
  const rows = tables[0]?.rows ?? 0;
  await connection.run('UPDATE _catalog SET columns = $1, rows = $2, privacy = $3 WHERE id = $4',
    [JSON.stringify(tables), rows, privacy === null ? null : JSON.stringify(privacy), id]);
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
