import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Dataset, DatasetKind } from '../engine/api.js';
import type { AuditLog } from '../engine/audit-log.js';
import { describeTable, insertDataset } from '../engine/catalog.js';

export interface NewDataset {
  name: string;
  kind: DatasetKind;
  sourceFile: string;
  sha256: string;
  /** `table` or `schema.table`, the main table first: its row count is the dataset's. */
  tables: string[];
  description?: string;
  licence?: string;
  /** What the audit entry records about how the data was read. */
  detail: Record<string, unknown>;
}

/**
 * The last step of an import's transaction: describes the tables as DuckDB sees them, writes the catalog
 * entry and the audit entry, and commits — all under the audit lock, so the chain stays linear.
 */
export async function recordDatasetAndCommit(connection: DuckDBConnection, audit: AuditLog, spec: NewDataset): Promise<Dataset> {
  const tables = [];
  for (const table of spec.tables) tables.push(await describeTable(connection, table));
  const dataset: Dataset = {
    id: randomUUID(),
    name: spec.name,
    kind: spec.kind,
    sourceFile: spec.sourceFile,
    sha256: spec.sha256,
    rows: tables[0]?.rows ?? 0,
    tables,
    importedAt: new Date().toISOString(),
    description: spec.description ?? '',
    licence: spec.licence ?? '',
  };
  await audit.withAppendLock(async (append) => {
    await insertDataset(connection, dataset);
    await append(connection, { action: 'import', dataset: dataset.id, detail: JSON.stringify(spec.detail), rows: dataset.rows });
    await connection.run('COMMIT');
  });
  return dataset;
}
