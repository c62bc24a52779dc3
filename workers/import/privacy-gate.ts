import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnScan, DatasetPrivacy, DatasetTable, PrivacyPolicy, PrivacyScan, Transform } from '../engine/api.js';
import { describeTable } from '../engine/catalog.js';
import { PmwError } from '../engine/errors.js';
import { readPrivacyPolicy, workspaceSecret } from '../engine/privacy-policy.js';
import { scanTables } from '../analysis/privacy/scan/scan-tables.js';
import { applyTransforms } from '../analysis/privacy/transforms/apply-transforms.js';

export interface GateInput {
  /** `table` or `schema.table`, the main table first. */
  tables: string[];
  /** Transforms the import request asked for. */
  transforms?: Transform[];
  sourceFile: string;
  throwIfCancelled?: () => void;
}

export interface GateResult {
  tables: DatasetTable[];
  privacy: DatasetPrivacy;
  /** The scan of the data as read, before any transform. */
  found: PrivacyScan;
}

/**
 * What an import does about identifiers, inside its transaction: scan the new tables, apply the requested
 * transforms and (policy `transform`) one transform per flagged column, scan again, and (policy `refuse`)
 * throw while direct identifiers remain — the caller rolls back, so nothing is imported.
 */
export async function privacyGate(connection: DuckDBConnection, input: GateInput): Promise<GateResult> {
  const policy = await readPrivacyPolicy(connection);
  let tables = await describeAll(connection, input.tables);
  const found: PrivacyScan = { dataset: null, ...(await scanTables(connection, tables, { throwIfCancelled: input.throwIfCancelled })) };
  const requested = input.transforms ?? [];
  const automatic = policy.onIdentifiers === 'transform' ? transformsForScan(found.columns, tables[0]?.table ?? '') : [];
  const transforms = [...requested, ...automatic.filter((t) => !requested.some((r) => targets(r, tables[0]?.table ?? '').some((c) => targets(t, tables[0]?.table ?? '').includes(c))))];
  if (transforms.length === 0) {
    refuseIfIdentifiers(policy, found, input.sourceFile, tables);
    return { tables, privacy: { scan: found, transforms: [] }, found };
  }
  const applied = await applyTransforms(connection, transforms, {
    secretHex: await workspaceSecret(connection), tables, dateShiftDays: policy.dateShiftDays, throwIfCancelled: input.throwIfCancelled,
  });
  tables = await describeAll(connection, input.tables);
  const after: PrivacyScan = { dataset: null, ...(await scanTables(connection, tables, { throwIfCancelled: input.throwIfCancelled })) };
  refuseIfIdentifiers(policy, after, input.sourceFile, tables);
  return { tables, privacy: { scan: after, transforms: applied }, found };
}

async function describeAll(connection: DuckDBConnection, names: string[]): Promise<DatasetTable[]> {
  const tables: DatasetTable[] = [];
  for (const name of names) tables.push(await describeTable(connection, name));
  return tables;
}

/** `table.column` keys a transform touches. */
function targets(transform: Transform, mainTable: string): string[] {
  const table = transform.table ?? mainTable;
  const columns = transform.kind === 'shiftDates' ? transform.columns : [transform.column];
  return columns.map((c) => `${table}.${c}`);
}

/**
 * The transform policy `transform` applies to a flagged column (docs/privacy.md): names, phones, e-mails,
 * addresses and free text holding identifiers are dropped; identity, social security and record numbers are
 * replaced by their keyed hash (still linkable); exact birth dates become the birth year; postcodes keep 3
 * characters. Pseudonymous keys are left alone.
 */
export function transformsForScan(columns: ColumnScan[], mainTable: string): Transform[] {
  const transforms: Transform[] = [];
  for (const scan of columns) {
    const table = scan.table === mainTable ? {} : { table: scan.table };
    const kinds = new Set(scan.findings.map((f) => f.kind));
    const inText = scan.findings.some((f) => f.evidence === 'free_text' && f.kind !== 'pseudonymous_key');
    if (scan.verdict === 'identifier') {
      const hashable = !inText && [...kinds].every((k) => k === 'national_id' || k === 'ssn' || k === 'record_number' || k === 'pseudonymous_key');
      transforms.push(hashable ? { kind: 'hash', column: scan.column, ...table } : { kind: 'drop', column: scan.column, ...table });
    } else if (scan.verdict === 'quasi_identifier' && !inText) {
      if (kinds.has('birth_date') && /^(DATE|TIMESTAMP)/i.test(scan.type)) transforms.push({ kind: 'generalizeDate', column: scan.column, to: 'year', ...table });
      else if (kinds.has('postcode') && /^VARCHAR/i.test(scan.type)) transforms.push({ kind: 'truncate', column: scan.column, keep: 3, ...table });
    } else if (scan.verdict === 'quasi_identifier') {
      transforms.push({ kind: 'drop', column: scan.column, ...table });
    }
  }
  return transforms;
}

function refuseIfIdentifiers(policy: PrivacyPolicy, scan: PrivacyScan, sourceFile: string, tables: DatasetTable[]): void {
  if (policy.onIdentifiers !== 'refuse') return;
  const flagged = scan.columns.filter((c) => c.verdict === 'identifier');
  const first = flagged[0];
  if (!first) return;
  const list = flagged.map((c) => `${c.table}.${c.column} (${[...new Set(c.findings.map((f) => f.kind))].join(', ')})`).join('; ');
  const position = tables.find((t) => t.table === first.table)?.columns.findIndex((c) => c.name === first.column) ?? -1;
  throw new PmwError({
    code: 'IDENTIFIERS_FOUND',
    message: `not imported: the workspace policy refuses direct identifiers, found in ${list}`,
    hint: 'remove or pseudonymise these columns at the source, or import with transforms (e.g. --transform drop:COLUMN or hash:COLUMN); pmw policy shows the policy',
    file: sourceFile,
    ...(position >= 0 ? { column: position + 1 } : {}),
  });
}
