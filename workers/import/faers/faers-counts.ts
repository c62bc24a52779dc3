import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import { KEPT_VERSIONS, LIVE_VERSIONS, otherRule, PLAUSIBLE_AGE, versionOrder, type DedupRule } from './canonical-faers-sql.js';
import { stagingTable } from './faers-columns.js';
import type { FaersTable } from './faers-file-names.js';
import { FILES_TABLE } from './stage-faers-sql.js';

/** Staged tables whose rows hang off a DEMO row, with the count name for their orphans. */
const CHILD_TABLES: { staged: Exclude<FaersTable, 'DEMO'>; orphans: string }[] = [
  { staged: 'DRUG', orphans: 'orphanDrugRows' },
  { staged: 'REAC', orphans: 'orphanEventRows' },
  { staged: 'OUTC', orphans: 'orphanOutcomeRows' },
  { staged: 'INDI', orphans: 'orphanIndicationRows' },
  { staged: 'THER', orphans: 'orphanTherapyRows' },
  { staged: 'RPSR', orphans: 'orphanReportSourceRows' },
];

const DEMO = stagingTable('DEMO');
const DELETED = stagingTable('DELETED');

export interface FaersCountOptions {
  rule: DedupRule;
  /** False when the extract has no deleted-case list: the deleted counts are then 0 without a look. */
  deletedLists: boolean;
}

/**
 * What the import read, set aside and kept. Each figure is one scalar subquery over the staging and
 * canonical tables; see docs/decisions.md ("FAERS and report imports") for what each one means.
 */
function countsSql(schema: string, options: FaersCountOptions): string {
  const s = quoteIdentifier(schema);
  const ifDeleted = (sql: string) => (options.deletedLists ? sql : 'SELECT 0');
  const figures: Record<string, string> = {
    versionsRead: `SELECT count(*) FROM ${DEMO}`,
    deletedCaseIdsListed: ifDeleted(`SELECT count(DISTINCT caseid) FROM ${DELETED}`),
    deletedCases: ifDeleted(`SELECT count(DISTINCT caseid) FROM ${DEMO} WHERE caseid IN (SELECT caseid FROM ${DELETED})`),
    deletedVersions: ifDeleted(`SELECT count(*) FROM ${DEMO} WHERE caseid IN (SELECT caseid FROM ${DELETED})`),
    liveVersions: `SELECT count(*) FROM ${LIVE_VERSIONS}`,
    reports: `SELECT count(*) FROM ${KEPT_VERSIONS}`,
    // Superseded versions: live (not deleted) versions that are not the one kept for their case.
    versionsDropped: `SELECT (SELECT count(*) FROM ${LIVE_VERSIONS}) - (SELECT count(*) FROM ${KEPT_VERSIONS})`,
    versionsInLaterQuarter: `SELECT count(*) FROM ${LIVE_VERSIONS} WHERE quarter_id > first_quarter_id`,
    // Cases whose best version under the other rule is not the one kept. A case with one live version
    // cannot disagree, so only cases with several are ranked again.
    casesWhereRulesDisagree: `SELECT count(*) FROM (
      SELECT kept_rank FROM ${LIVE_VERSIONS} WHERE case_versions > 1
      QUALIFY row_number() OVER (PARTITION BY caseid ORDER BY ${versionOrder(otherRule(options.rule))}) = 1
    ) WHERE kept_rank <> 1`,
    implausibleAges: `SELECT count(*) FROM ${KEPT_VERSIONS} WHERE age_unchecked IS NOT NULL AND NOT (${PLAUSIBLE_AGE})`,
    agesWithoutUnit: `SELECT count(*) FROM ${KEPT_VERSIONS} WHERE age_given AND age_unchecked IS NULL`,
    // pv_report holds event_dt as read (event_date_raw) and as a full date or NULL (event_date).
    partialEventDates: `SELECT count(*) FROM ${s}.pv_report WHERE event_date_raw IS NOT NULL AND event_date IS NULL`,
    rowsWithoutKey: [DEMO, ...CHILD_TABLES.map((c) => stagingTable(c.staged))]
      .map((t) => `(SELECT count(*) FROM ${t} WHERE primaryid IS NULL${t === DEMO ? ' OR caseid IS NULL' : ''})`).join(' + '),
    drugRows: `SELECT count(*) FROM ${s}.pv_drug`,
    eventRows: `SELECT count(*) FROM ${s}.pv_event`,
    outcomeRows: `SELECT count(*) FROM ${s}.pv_outcome`,
    indicationRows: `SELECT count(*) FROM ${s}.pv_indication`,
    therapyRows: `SELECT count(*) FROM ${s}.pv_therapy`,
    reportSourceRows: `SELECT count(*) FROM ${s}.pv_report_source`,
    reportsWithoutDrug: `SELECT count(*) FROM ${s}.pv_report r WHERE NOT EXISTS (SELECT 1 FROM ${s}.pv_drug d WHERE d.report_id = r.report_id)`,
    reportsWithoutEvent: `SELECT count(*) FROM ${s}.pv_report r WHERE NOT EXISTS (SELECT 1 FROM ${s}.pv_event e WHERE e.report_id = r.report_id)`,
  };
  // Orphans: rows with a primaryid that no DEMO row of their quarter has (deleted and superseded
  // versions count as DEMO rows). Counted as keyed rows minus those a semi join finds.
  const demoKeys = `(SELECT d.primaryid, f.quarter_id FROM ${DEMO} d JOIN ${FILES_TABLE} f USING (file_id))`;
  for (const child of CHILD_TABLES) {
    const t = stagingTable(child.staged);
    figures[child.orphans] = `SELECT (SELECT count(*) FROM ${t} WHERE primaryid IS NOT NULL) - (SELECT count(*) FROM ${t} c JOIN ${FILES_TABLE} f USING (file_id)
      SEMI JOIN ${demoKeys} k ON k.primaryid = c.primaryid AND k.quarter_id = f.quarter_id)`;
  }
  return `SELECT ${Object.entries(figures).map(([name, sql]) => `(${sql}) AS ${quoteIdentifier(name)}`).join(',\n  ')}`;
}

export async function collectFaersCounts(connection: DuckDBConnection, schema: string, options: FaersCountOptions): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(countsSql(schema, options));
  const names = reader.columnNames();
  const row = reader.getRowsJS()[0] ?? [];
  const counts: Record<string, number> = {};
  names.forEach((name, i) => { counts[name] = Number(row[i] ?? 0); });
  return counts;
}

/** Rows each staged file contributed, by file id: a quarter whose files hold only a header shows up as 0. */
export async function rowsPerFile(connection: DuckDBConnection): Promise<Map<number, number>> {
  const tables = [DEMO, DELETED, ...CHILD_TABLES.map((c) => stagingTable(c.staged))];
  const reader = await connection.runAndReadAll(
    `SELECT f.file_id, coalesce(n.rows, 0) FROM ${FILES_TABLE} f LEFT JOIN (
       ${tables.map((t) => `SELECT file_id, count(*) AS rows FROM ${t} GROUP BY file_id`).join(' UNION ALL ')}
     ) n USING (file_id)`,
  );
  return new Map(reader.getRowsJS().map((r) => [Number(r[0]), Number(r[1])]));
}
