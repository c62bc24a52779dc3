/** The Engine's privacy and quality methods, on one task each (WorkspaceEngine delegates here). */
import type { Task } from '../db/tasks.js';
import type { AppliedTransform, Dataset, DatasetTable, KAnonymityResult, KAnonymitySpec, PrivacyScan, QualityReport, Transform } from './api.js';
import type { AuditLog } from './audit-log.js';
import { describeTable, requireDataset, updateDatasetEntry } from './catalog.js';
import { PmwError } from './errors.js';
import { readPrivacyPolicy, workspaceSecret } from './privacy-policy.js';
import { scanTables } from '../analysis/privacy/scan/scan-tables.js';
import { applyTransforms } from '../analysis/privacy/transforms/apply-transforms.js';
import { kAnonymity } from '../analysis/privacy/k-anonymity/k-anonymity.js';
import { qualityReport } from '../analysis/quality/quality-report.js';

function tableOf(dataset: Dataset, table: string | undefined): DatasetTable {
  const found = table === undefined ? dataset.tables[0] : dataset.tables.find((t) => t.table === table || t.table.endsWith(`.${table}`));
  if (!found) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `dataset ${dataset.name} has no table ${table ?? ''}`, hint: `its tables are: ${dataset.tables.map((t) => t.table).join(', ')}` });
  }
  return found;
}

/** Scans a dataset's tables (or one) and keeps the scan in its catalog entry; audited. */
export async function scanDataset(task: Task, audit: AuditLog, dataset: Dataset, table: string | undefined): Promise<PrivacyScan> {
  const targets = table === undefined ? dataset.tables : [tableOf(dataset, table)];
  const scanned = await scanTables(task.connection, targets, {
    throwIfCancelled: () => task.throwIfCancelled(),
    onTable: (index, count, name) => task.report('checking', count > 0 ? index / count : null, `scanning ${name} for identifiers`),
  });
  const scan: PrivacyScan = { dataset: dataset.id, ...scanned };
  await task.connection.run('BEGIN TRANSACTION');
  try {
    if (table === undefined) await updateDatasetEntry(task.connection, dataset.id, dataset.tables, { scan, transforms: dataset.privacy?.transforms ?? [] });
    await audit.withAppendLock(async (append) => {
      await append(task.connection, {
        action: 'scan', dataset: dataset.id,
        detail: JSON.stringify({ tables: targets.map((t) => t.table), identifierColumns: scan.columns.filter((c) => c.verdict === 'identifier').map((c) => `${c.table}.${c.column}`) }),
        rows: scan.rows,
      });
      await task.connection.run('COMMIT');
    });
  } catch (error) {
    await task.connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return scan;
}

/** Applies transforms to a dataset's tables in one transaction, rescans, and records both in the catalog and audit trail. */
export async function transformDataset(task: Task, audit: AuditLog, dataset: Dataset, transforms: Transform[]): Promise<{ dataset: Dataset; applied: AppliedTransform[] }> {
  if (!Array.isArray(transforms) || transforms.length === 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'no transforms given', hint: 'give at least one, e.g. { "kind": "drop", "column": "name" }' });
  }
  const connection = task.connection;
  const policy = await readPrivacyPolicy(connection);
  const secretHex = await workspaceSecret(connection);
  await connection.run('BEGIN TRANSACTION');
  try {
    const applied = await applyTransforms(connection, transforms, { secretHex, tables: dataset.tables, dateShiftDays: policy.dateShiftDays, throwIfCancelled: () => task.throwIfCancelled() });
    const tables: DatasetTable[] = [];
    for (const t of dataset.tables) tables.push(await describeTable(connection, t.table));
    const scan: PrivacyScan = { dataset: dataset.id, ...(await scanTables(connection, tables, { throwIfCancelled: () => task.throwIfCancelled() })) };
    const privacy = { scan, transforms: [...(dataset.privacy?.transforms ?? []), ...applied] };
    await updateDatasetEntry(connection, dataset.id, tables, privacy);
    await audit.withAppendLock(async (append) => {
      await append(connection, {
        action: 'transform', dataset: dataset.id,
        detail: JSON.stringify({ transforms: applied.map((a) => ({ ...a.transform, table: a.table, rows: a.rows })) }),
        rows: applied.reduce((sum, a) => sum + a.rows, 0),
      });
      await connection.run('COMMIT');
    });
    return { dataset: await requireDataset(connection, dataset.id), applied };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function datasetKAnonymity(task: Task, audit: AuditLog, dataset: Dataset, spec: KAnonymitySpec): Promise<KAnonymityResult> {
  const started = performance.now();
  if (!spec || !Array.isArray(spec.quasiIdentifiers) || spec.quasiIdentifiers.length === 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'k-anonymity needs quasi-identifiers', hint: 'name the columns, e.g. ["age", "sex", "postcode"]' });
  }
  task.report('checking', null, 'counting equivalence classes');
  const result = await kAnonymity(task.connection, tableOf(dataset, spec.table), spec);
  const { taskId: _taskId, ...kept } = spec;
  await audit.append(task.connection, { action: 'analysis', dataset: dataset.id, detail: JSON.stringify({ analysis: 'kAnonymity', spec: kept }), rows: result.records });
  return { ...result, elapsedMs: performance.now() - started };
}

export async function datasetQuality(task: Task, audit: AuditLog, dataset: Dataset): Promise<QualityReport> {
  const started = performance.now();
  const report = await qualityReport(task, dataset);
  await audit.append(task.connection, {
    action: 'quality', dataset: dataset.id,
    detail: JSON.stringify({ checks: report.checks.length, failed: report.checks.filter((c) => c.status === 'fail').map((c) => c.id) }),
    rows: report.failed,
  });
  return { ...report, elapsedMs: performance.now() - started };
}

/** One line per flagged column of a new dataset, for the import's warnings. */
export function privacyWarnings(dataset: Dataset): string[] {
  const lines: string[] = [];
  for (const column of dataset.privacy?.scan?.columns ?? []) {
    if (column.verdict !== 'identifier' && column.verdict !== 'quasi_identifier') continue;
    const what = column.findings.filter((f) => f.kind !== 'pseudonymous_key')
      .map((f) => `${f.kind.replace('_', ' ')} in ${(f.share * 100).toFixed(1)}% of rows (${f.evidence.replace('_', ' ')}), e.g. ${f.examples.join(', ')}`).join('; ');
    lines.push(`${column.verdict === 'identifier' ? 'direct identifier' : 'quasi-identifier'}: ${column.table}.${column.column}: ${what}`);
  }
  for (const applied of dataset.privacy?.transforms ?? []) {
    const t = applied.transform;
    lines.push(`transformed ${applied.table}.${t.kind === 'shiftDates' ? t.columns.join(', ') : t.column}: ${t.kind} (${applied.rows} rows changed)`);
  }
  return lines;
}
