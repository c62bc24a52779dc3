import { quoteIdentifier } from '../../db/quote.js';
import type { FaersOptions } from '../../engine/api.js';
import { stagingTable } from './faers-columns.js';
import { FILES_TABLE } from './stage-faers-sql.js';

export type DedupRule = NonNullable<FaersOptions['dedup']>;

/** Temporary tables between staging and the canonical tables. */
export const LIVE_VERSIONS = 'faers_live_versions';
export const KEPT_VERSIONS = 'faers_kept_versions';

/** A FAERS date: `YYYYMMDD` only; partial (`YYYY`, `YYYYMM`) and impossible dates become NULL. */
export function faersDate(expression: string): string {
  return `CASE WHEN regexp_full_match(${expression}, '[0-9]{8}') THEN TRY_STRPTIME(${expression}, '%Y%m%d')::DATE END`;
}

/** Age in years from `age` and its unit `age_cod`; NULL when either is missing or the unit is unknown. */
const AGE_IN_YEARS = `CASE upper(trim(age_cod))
    WHEN 'DEC' THEN TRY_CAST(age AS DOUBLE) * 10
    WHEN 'YR' THEN TRY_CAST(age AS DOUBLE)
    WHEN 'MON' THEN TRY_CAST(age AS DOUBLE) / 12
    WHEN 'WK' THEN TRY_CAST(age AS DOUBLE) * 7 / 365.25
    WHEN 'DY' THEN TRY_CAST(age AS DOUBLE) / 365.25
    WHEN 'HR' THEN TRY_CAST(age AS DOUBLE) / 8766
  END`;

/** Ages outside [0, 120] years are taken as data-entry errors. */
export const PLAUSIBLE_AGE = 'age_unchecked BETWEEN 0 AND 120';

/** The age bands of `pv_report.age_band`, for stratification. */
export const AGE_BAND = `CASE
    WHEN age_years IS NULL THEN NULL
    WHEN age_years < 18 THEN '0-17'
    WHEN age_years < 45 THEN '18-44'
    WHEN age_years < 65 THEN '45-64'
    WHEN age_years < 75 THEN '65-74'
    ELSE '75+'
  END`;

/**
 * The order of a case's versions under each rule, best first: FDA's (latest fda_dt, then highest
 * primaryid) and caseversion's (highest caseversion, then highest primaryid). Later quarter, then later
 * file, then later line break what is left (the same primaryid sent twice).
 */
export function versionOrder(rule: DedupRule): string {
  const first = rule === 'caseversion' ? 'version DESC NULLS LAST' : 'fda_date DESC NULLS LAST';
  return `${first}, primaryid DESC, quarter_id DESC, file_id DESC, row_key DESC`;
}

/** The rule not chosen: only counted (`casesWhereRulesDisagree`), never applied. */
export function otherRule(rule: DedupRule): DedupRule {
  return rule === 'caseversion' ? 'fda' : 'caseversion';
}

/** Staged quarters by number: `quarter_id` follows the quarters' order (2023Q4 < 2024Q1). */
const QUARTERS = `(SELECT DISTINCT quarter_id, quarter FROM ${FILES_TABLE} WHERE quarter_id IS NOT NULL)`;

/**
 * Every DEMO row with its keys, not on a deleted-case list, ranked within its case under the chosen
 * rule (`kept_rank`), with its case's first quarter and number of live versions. Only the keys and
 * the few values the counts need go through the window sort (`row_key` points back to the staged
 * row): sorting the whole DEMO row made this step several times slower. The deleted-case anti-join is
 * left out when no deleted-case list was read.
 */
export function liveVersionsSql(rule: DedupRule, deletedLists: boolean): string {
  const notDeleted = deletedLists
    ? `\n    AND NOT EXISTS (SELECT 1 FROM ${stagingTable('DELETED')} x WHERE x.caseid = d.caseid)`
    : '';
  return `CREATE TEMP TABLE ${LIVE_VERSIONS} AS
SELECT *,
  row_number() OVER (PARTITION BY caseid ORDER BY ${versionOrder(rule)}) AS kept_rank,
  min(quarter_id) OVER (PARTITION BY caseid) AS first_quarter_id,
  count(*) OVER (PARTITION BY caseid) AS case_versions
FROM (
  SELECT d.rowid AS row_key, d.primaryid, d.caseid, f.quarter_id, d.file_id,
    ${faersDate('d.fda_dt')} AS fda_date, TRY_CAST(d.caseversion AS INTEGER) AS version,
    ${AGE_IN_YEARS} AS age_unchecked, d.age IS NOT NULL AS age_given
  FROM ${stagingTable('DEMO')} d JOIN ${FILES_TABLE} f USING (file_id)
  WHERE d.primaryid IS NOT NULL AND d.caseid IS NOT NULL${notDeleted}
)`;
}

/** One version per case: its keys and the values computed while ranking, not a copy of its DEMO row. */
export function keptVersionsSql(): string {
  return `CREATE TEMP TABLE ${KEPT_VERSIONS} AS
SELECT row_key, primaryid, quarter_id, first_quarter_id, fda_date, version, age_unchecked, age_given
FROM ${LIVE_VERSIONS} WHERE kept_rank = 1`;
}

/**
 * `pv_report`: one row per case, the kept version, read from its staged DEMO row. Sorted by report id:
 * without the sort the order of the rows would change from one import of the same files to the next.
 */
export function reportTableSql(schema: string): string {
  return `CREATE TABLE ${quoteIdentifier(schema)}.pv_report AS
SELECT report_id, case_id, version, sex, age_years, ${AGE_BAND} AS age_band, country, occurrence_country,
  event_date, event_date_raw, received_date, initial_received_date, quarter, first_quarter, year,
  reporter_type, report_type
FROM (
  SELECT d.primaryid AS report_id, d.caseid AS case_id, k.version, d.sex,
    CASE WHEN ${PLAUSIBLE_AGE} THEN age_unchecked END AS age_years,
    d.reporter_country AS country, d.occr_country AS occurrence_country,
    ${faersDate('d.event_dt')} AS event_date, d.event_dt AS event_date_raw,
    k.fda_date AS received_date, ${faersDate('d.init_fda_dt')} AS initial_received_date,
    q.quarter, fq.quarter AS first_quarter, CAST(left(q.quarter, 4) AS INTEGER) AS year,
    d.occp_cod AS reporter_type, d.rept_cod AS report_type
  FROM ${stagingTable('DEMO')} d JOIN ${KEPT_VERSIONS} k ON d.rowid = k.row_key
  JOIN ${QUARTERS} q ON q.quarter_id = k.quarter_id
  JOIN ${QUARTERS} fq ON fq.quarter_id = k.first_quarter_id
)
ORDER BY report_id`;
}

/**
 * A per-report table from one staged FAERS table: its rows whose (primaryid, quarter) is a kept version,
 * sorted by report id for the same reason as pv_report.
 */
function childTableSql(schema: string, table: string, staged: 'DRUG' | 'REAC' | 'OUTC' | 'RPSR' | 'THER' | 'INDI', select: string, where = 'TRUE'): string {
  return `CREATE TABLE ${quoteIdentifier(schema)}.${table} AS
SELECT s.primaryid AS report_id, ${select}
FROM ${stagingTable(staged)} s JOIN ${FILES_TABLE} f USING (file_id)
JOIN ${KEPT_VERSIONS} k ON k.primaryid = s.primaryid AND k.quarter_id = f.quarter_id
WHERE ${where}
ORDER BY report_id`;
}

/** The canonical child tables, each with the statement that builds it. */
export function childTablesSql(schema: string): { table: string; sql: string }[] {
  return [
    { table: 'pv_drug', sql: childTableSql(schema, 'pv_drug', 'DRUG',
      'TRY_CAST(s.drug_seq AS INTEGER) AS seq, s.role_cod AS role, s.drugname AS drug, s.prod_ai AS ingredient',
      's.drugname IS NOT NULL OR s.prod_ai IS NOT NULL') },
    { table: 'pv_event', sql: childTableSql(schema, 'pv_event', 'REAC', 's.pt', 's.pt IS NOT NULL') },
    { table: 'pv_outcome', sql: childTableSql(schema, 'pv_outcome', 'OUTC', 's.outc_cod AS outcome', 's.outc_cod IS NOT NULL') },
    { table: 'pv_indication', sql: childTableSql(schema, 'pv_indication', 'INDI',
      'TRY_CAST(s.indi_drug_seq AS INTEGER) AS seq, s.indi_pt AS pt', 's.indi_pt IS NOT NULL') },
    { table: 'pv_therapy', sql: childTableSql(schema, 'pv_therapy', 'THER',
      `TRY_CAST(s.dsg_drug_seq AS INTEGER) AS seq, ${faersDate('s.start_dt')} AS start_date, ${faersDate('s.end_dt')} AS end_date`) },
    { table: 'pv_report_source', sql: childTableSql(schema, 'pv_report_source', 'RPSR', 's.rpsr_cod AS source', 's.rpsr_cod IS NOT NULL') },
  ];
}
