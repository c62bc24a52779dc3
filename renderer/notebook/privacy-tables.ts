/**
 * De-identification results as text (text-table.ts): the scan (per column its verdict and findings with masked
 * examples), the k-anonymity report (smallest class, records below k, the combinations that drive the risk,
 * generalisations to consider) and the transforms a dataset went through.
 */
import type {
  AppliedTransform, ColumnFinding, ColumnScan, FindingKind, KAnonymityClasses, KAnonymityResult, PrivacyScan, Transform,
} from '../../workers/engine/api.js';
import { formatDate, t, type MessageKey } from '../i18n/i18n.js';
import { count, percent, type TextTable } from './text-table.js';

export function findingKindLabel(kind: FindingKind): string {
  return t(`priv.kind.${kind}` as MessageKey);
}

export function verdictLabel(verdict: ColumnScan['verdict']): string {
  return t(`priv.verdict.${verdict}` as MessageKey);
}

/** "phone number, by content: 980 rows (98%); e.g. 138****5678, 139****0001" */
export function findingText(finding: ColumnFinding): string {
  const main = t('priv.finding', {
    kind: findingKindLabel(finding.kind), evidence: t(`priv.evidence.${finding.evidence}` as MessageKey),
    rows: count(finding.rows), share: percent(finding.share),
  });
  return finding.examples.length === 0 ? main : `${main}; ${t('priv.examples', { examples: finding.examples.join(', ') })}`;
}

export function scanSummary(scan: PrivacyScan): string {
  return t('priv.scan.summary', {
    columns: scan.columnsScanned, rows: count(scan.rows), identifiers: scan.identifierColumns,
    quasi: scan.quasiIdentifierColumns, pseudonymous: scan.pseudonymousColumns,
  });
}

const VERDICT_ORDER: ColumnScan['verdict'][] = ['identifier', 'quasi_identifier', 'pseudonymous', 'clear'];

/** Identifiers first, then quasi-identifiers, pseudonymous keys; each group in the scan's order. */
export function columnsInOrder(scan: PrivacyScan): ColumnScan[] {
  return VERDICT_ORDER.flatMap((verdict) => scan.columns.filter((c) => c.verdict === verdict));
}

export function scanTable(columns: readonly ColumnScan[]): TextTable {
  return {
    header: ['place', 'type', 'verdict', 'findings'].map((key) => t(`priv.scan.column.${key}` as MessageKey)),
    rows: columns.map((c) => [`${c.table}.${c.column}`, c.type, verdictLabel(c.verdict), c.findings.map(findingText).join(' · ')]),
    numeric: [false, false, false, false],
  };
}

export function kAnonymitySummary(result: KAnonymityResult): string {
  return t('priv.k.summary', {
    k: result.k, columns: result.columns.join(', '), table: result.table, records: count(result.records), classes: count(result.classes),
    smallest: count(result.smallestClass), below: count(result.recordsBelowK), classesBelow: count(result.classesBelowK),
  });
}

const classCells = (c: KAnonymityClasses): string[] => [count(c.classes), count(c.smallestClass), count(c.recordsBelowK), count(c.classesBelowK)];
const classHeader = (): string[] => ['classes', 'smallest', 'recordsBelow', 'classesBelow'].map((key) => t(`priv.k.column.${key}` as MessageKey));

export function driversTable(result: KAnonymityResult): TextTable {
  return {
    header: [t('priv.k.column.columns'), ...classHeader()],
    rows: result.drivers.map((d) => [d.columns.join(' × '), ...classCells(d)]),
    numeric: [false, true, true, true, true],
  };
}

export function suggestionsTable(result: KAnonymityResult): TextTable {
  return {
    header: [t('priv.k.column.suggestion'), ...classHeader()],
    rows: result.suggestions.map((s) => [s.description || transformText(s.transform), ...classCells(s.result)]),
    numeric: [false, true, true, true, true],
  };
}

/** The columns a transform changes. */
export function transformColumns(transform: Transform): string {
  return transform.kind === 'shiftDates' ? transform.columns.join(', ') : transform.column;
}

export function transformText(transform: Transform): string {
  return `${t(`priv.transform.${transform.kind}` as MessageKey)}: ${transformColumns(transform)}`;
}

export function transformsTable(applied: readonly AppliedTransform[]): TextTable {
  return {
    header: ['kind', 'table', 'columns', 'rows', 'when'].map((key) => t(`priv.transforms.column.${key}` as MessageKey)),
    rows: applied.map((a) => [
      t(`priv.transform.${a.transform.kind}` as MessageKey), a.table, transformColumns(a.transform), count(a.rows),
      formatDate(a.appliedAt, { dateStyle: 'medium', timeStyle: 'short' }),
    ]),
    numeric: [false, false, false, true, false],
  };
}
