import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Dataset, DatasetKind, Transform } from '../engine/api.js';
import type { AuditLog } from '../engine/audit-log.js';
import { insertDataset } from '../engine/catalog.js';
import { privacyGate } from './privacy-gate.js';

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
  /** De-identification transforms the request asked for (the policy may add more). */
  transforms?: Transform[];
  throwIfCancelled?: () => void;
}

/**
 * The last step of an import's transaction: the privacy gate (scan, transforms, the policy's refusal),
 * describes the tables as DuckDB sees them, writes the catalog entry and the audit entry, and commits — all
 * under the audit lock, so the chain stays linear.
 */
export async function recordDatasetAndCommit(connection: DuckDBConnection, audit: AuditLog, spec: NewDataset): Promise<Dataset> {
  const gate = await privacyGate(connection, { tables: spec.tables, transforms: spec.transforms, sourceFile: spec.sourceFile, throwIfCancelled: spec.throwIfCancelled });
  const tables = gate.tables;
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
    privacy: gate.privacy,
  };
  const privacyDetail = {
    identifierColumns: gate.found.columns.filter((c) => c.verdict === 'identifier').map((c) => `${c.table}.${c.column}`),
    transforms: gate.privacy.transforms.map((t) => ({ ...t.transform, table: t.table, rows: t.rows })),
  };
  await audit.withAppendLock(async (append) => {
    await insertDataset(connection, dataset);
    await append(connection, { action: 'import', dataset: dataset.id, detail: JSON.stringify({ ...spec.detail, privacy: privacyDetail }), rows: dataset.rows });
    await connection.run('COMMIT');
  });
  return dataset;
}
