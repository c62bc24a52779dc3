import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import { DEMO_KEYS, faersDate, KEPT_VERSIONS, LIVE_VERSIONS, PLAUSIBLE_AGE } from './canonical-faers-sql.js';
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

/**
 * What the import read, set aside and kept. Each figure is one scalar subquery over the staging and
 * canonical tables; see docs/decisions.md ("FAERS and report imports") for what each one means.
 */
function countsSql(schema: string): string {
  const s = quoteIdentifier(schema);
  const figures: Record<string, string> = {
    versionsRead: `SELECT count(*) FROM ${DEMO}`,
    deletedCaseIdsListed: `SELECT count(DISTINCT caseid) FROM ${DELETED}`,
    deletedCases: `SELECT count(DISTINCT caseid) FROM ${DEMO} WHERE caseid IN (SELECT caseid FROM ${DELETED})`,
    deletedVersions: `SELECT count(*) FROM ${DEMO} WHERE caseid IN (SELECT caseid FROM ${DELETED})`,
    liveVersions: `SELECT count(*) FROM ${LIVE_VERSIONS}`,
    reports: `SELECT count(*) FROM ${KEPT_VERSIONS}`,
    // Superseded versions: live (not deleted) versions that are not the one kept for their case.
    versionsDropped: `SELECT (SELECT count(*) FROM ${LIVE_VERSIONS}) - (SELECT count(*) FROM ${KEPT_VERSIONS})`,
    versionsInLaterQuarter: `SELECT count(*) FROM ${LIVE_VERSIONS} WHERE quarter > first_quarter`,
    casesWhereRulesDisagree: `SELECT count(*) FROM ${LIVE_VERSIONS} WHERE fda_rank = 1 AND caseversion_rank <> 1`,
    implausibleAges: `SELECT count(*) FROM ${KEPT_VERSIONS} WHERE age_unchecked IS NOT NULL AND NOT (${PLAUSIBLE_AGE})`,
    agesWithoutUnit: `SELECT count(*) FROM ${KEPT_VERSIONS} WHERE age IS NOT NULL AND age_unchecked IS NULL`,
    partialEventDates: `SELECT count(*) FROM ${KEPT_VERSIONS} WHERE event_dt IS NOT NULL AND ${faersDate('event_dt')} IS NULL`,
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
  for (const child of CHILD_TABLES) {
    figures[child.orphans] = `SELECT count(*) FROM ${stagingTable(child.staged)} c JOIN ${FILES_TABLE} f USING (file_id)
      WHERE c.primaryid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${DEMO_KEYS} k WHERE k.primaryid = c.primaryid AND k.quarter = f.quarter)`;
  }
  return `SELECT ${Object.entries(figures).map(([name, sql]) => `(${sql}) AS ${quoteIdentifier(name)}`).join(',\n  ')}`;
}

export async function collectFaersCounts(connection: DuckDBConnection, schema: string): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(countsSql(schema));
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
