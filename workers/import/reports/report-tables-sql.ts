import { quoteIdentifier } from '../../db/quote.js';

/** The source table a report import reads into first: temporary, on the import's own connection. */
export const REPORTS_SOURCE = 'reports_source';

/** The mapped columns as they are named and typed in the source table. */
export interface MappedColumns {
  report: string;
  /** `BIGINT` for whole-number ids, `VARCHAR` for anything else. */
  reportType: 'BIGINT' | 'VARCHAR';
  drug: string;
  event: string;
  strata: string[];
}

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER']);

export function reportIdType(sourceType: string): 'BIGINT' | 'VARCHAR' {
  return INTEGER_TYPES.has(sourceType.toUpperCase()) ? 'BIGINT' : 'VARCHAR';
}

const reportId = (m: MappedColumns) => `CAST(${quoteIdentifier(m.report)} AS ${m.reportType})`;

/**
 * `pv_report`: one row per report id, with the strata columns under their own names. A report whose
 * rows disagree on a stratum takes the values of its first row in the file (the source table keeps
 * file order, so `rowid` is that order).
 */
export function reportTableSql(schema: string, m: MappedColumns): string {
  const strata = m.strata.map(quoteIdentifier);
  return `CREATE TABLE ${quoteIdentifier(schema)}.pv_report AS
SELECT report_id${strata.map((s) => `, ${s}`).join('')} FROM (
  SELECT ${reportId(m)} AS report_id${strata.map((s) => `, ${s}`).join('')},
    row_number() OVER (PARTITION BY ${quoteIdentifier(m.report)} ORDER BY rowid) AS row_in_report
  FROM ${REPORTS_SOURCE} WHERE ${quoteIdentifier(m.report)} IS NOT NULL
) WHERE row_in_report = 1
ORDER BY report_id`;
}

/**
 * `pv_drug`: each distinct (report, drug) once, numbered in the order the drug first appears in the
 * report; no role or ingredient is known for a generic table.
 */
export function drugTableSql(schema: string, m: MappedColumns): string {
  return `CREATE TABLE ${quoteIdentifier(schema)}.pv_drug AS
SELECT report_id, CAST(row_number() OVER (PARTITION BY report_id ORDER BY first_row) AS INTEGER) AS seq,
  NULL::VARCHAR AS role, drug, NULL::VARCHAR AS ingredient
FROM (
  SELECT ${reportId(m)} AS report_id, CAST(${quoteIdentifier(m.drug)} AS VARCHAR) AS drug, min(rowid) AS first_row
  FROM ${REPORTS_SOURCE} WHERE ${quoteIdentifier(m.report)} IS NOT NULL AND ${quoteIdentifier(m.drug)} IS NOT NULL
  GROUP BY ALL
)
ORDER BY report_id, seq`;
}

/** `pv_event`: each distinct (report, event) once, in order of first appearance. */
export function eventTableSql(schema: string, m: MappedColumns): string {
  return `CREATE TABLE ${quoteIdentifier(schema)}.pv_event AS
SELECT report_id, pt FROM (
  SELECT ${reportId(m)} AS report_id, CAST(${quoteIdentifier(m.event)} AS VARCHAR) AS pt, min(rowid) AS first_row
  FROM ${REPORTS_SOURCE} WHERE ${quoteIdentifier(m.report)} IS NOT NULL AND ${quoteIdentifier(m.event)} IS NOT NULL
  GROUP BY ALL
)
ORDER BY report_id, first_row`;
}

/** A report's rows disagree on a stratum: two different values, or a value on some rows and NULL on others. */
function disagreesSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(count(DISTINCT ${c}) > 1 OR (count(${c}) > 0 AND count(${c}) < count(*)))`;
}

/** Counts of what the report import read, kept and left out. */
export function reportCountsSql(schema: string, m: MappedColumns): string {
  const s = quoteIdentifier(schema);
  const [r, d, e] = [m.report, m.drug, m.event].map(quoteIdentifier);
  const conflicting = m.strata.length === 0
    ? 'SELECT 0'
    : `SELECT count(*) FROM (SELECT 1 FROM ${REPORTS_SOURCE} WHERE ${r} IS NOT NULL GROUP BY ${r} HAVING ${m.strata.map(disagreesSql).join(' OR ')})`;
  const figures: Record<string, string> = {
    rows: `SELECT count(*) FROM ${REPORTS_SOURCE}`,
    rowsWithoutReport: `SELECT count(*) FROM ${REPORTS_SOURCE} WHERE ${r} IS NULL`,
    rowsWithoutDrug: `SELECT count(*) FROM ${REPORTS_SOURCE} WHERE ${r} IS NOT NULL AND ${d} IS NULL`,
    rowsWithoutEvent: `SELECT count(*) FROM ${REPORTS_SOURCE} WHERE ${r} IS NOT NULL AND ${e} IS NULL`,
    reports: `SELECT count(*) FROM ${s}.pv_report`,
    drugRows: `SELECT count(*) FROM ${s}.pv_drug`,
    eventRows: `SELECT count(*) FROM ${s}.pv_event`,
    drugEventPairs: `SELECT count(*) FROM (SELECT DISTINCT d.drug, e.pt FROM ${s}.pv_drug d JOIN ${s}.pv_event e USING (report_id))`,
    reportsWithoutDrug: `SELECT count(*) FROM ${s}.pv_report p WHERE NOT EXISTS (SELECT 1 FROM ${s}.pv_drug d WHERE d.report_id = p.report_id)`,
    reportsWithoutEvent: `SELECT count(*) FROM ${s}.pv_report p WHERE NOT EXISTS (SELECT 1 FROM ${s}.pv_event e WHERE e.report_id = p.report_id)`,
    reportsWithConflictingStrata: conflicting,
  };
  return `SELECT ${Object.entries(figures).map(([name, sql]) => `(${sql}) AS ${quoteIdentifier(name)}`).join(',\n  ')}`;
}

/** A few report ids whose rows disagree on a stratum, for the warning. */
export function conflictingReportsSql(m: MappedColumns, limit: number): string {
  const r = quoteIdentifier(m.report);
  return `SELECT CAST(${r} AS VARCHAR) FROM ${REPORTS_SOURCE} WHERE ${r} IS NOT NULL GROUP BY ${r}
HAVING ${m.strata.map(disagreesSql).join(' OR ')} ORDER BY min(rowid) LIMIT ${Math.trunc(limit)}`;
}
