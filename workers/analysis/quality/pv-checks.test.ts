import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/helpers/temp-dir.js';
import type { QualityReport } from '../../engine/api.js';
import { expectClean, expectCounts, expectFailed, expectListingsMatch, qualityWorkspace, type QualityWorkspace } from './testing.js';

const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;
const TABLES = ['pv_report', 'pv_drug', 'pv_event', 'pv_therapy'];

/** Report tables in FAERS's canonical shape, in schema `schema`, from the rows given per table. */
async function reportTables(ws: QualityWorkspace, schema: string, rows: Record<string, string[]>): Promise<void> {
  await ws.run(`CREATE SCHEMA ${schema}`);
  await ws.table(`${schema}.pv_report`, 'report_id BIGINT, age_years DOUBLE, event_date DATE', rows.pv_report!);
  await ws.table(`${schema}.pv_drug`, 'report_id BIGINT, seq INTEGER, role VARCHAR, drug VARCHAR, ingredient VARCHAR', rows.pv_drug!);
  await ws.table(`${schema}.pv_event`, 'report_id BIGINT, pt VARCHAR', rows.pv_event!);
  await ws.table(`${schema}.pv_therapy`, 'report_id BIGINT, seq INTEGER, start_date DATE, end_date DATE', rows.pv_therapy!);
}

/**
 * Planted, by table. pv_report (5 rows): report_id NULL once, 4 twice (2 of the 4 non-null ids duplicated),
 * ages 130 and −2, an event in 2999 (of 3 event dates). pv_drug (5): report 3 names neither drug nor ingredient, reports 3 and 9
 * are not in pv_report, the first row repeated. pv_event (4): pt NULL once, report_id NULL once, report 5
 * unknown (of the 3 with an id). pv_therapy (2): one course ends before it starts.
 */
const BAD_ROWS = {
  pv_report: ["1, 34, DATE '2020-01-01'", "2, 130, DATE '2999-01-01'", "NULL, 50, NULL", "4, -2, DATE '2021-05-05'", "4, 60, NULL"],
  pv_drug: ["1, 1, 'PS', 'ASPIRIN', NULL", "2, 1, 'PS', NULL, 'IBUPROFEN'", "3, 1, 'PS', NULL, NULL", "9, 1, 'SS', 'X', NULL", "1, 1, 'PS', 'ASPIRIN', NULL"],
  pv_event: ["1, 'Nausea'", '2, NULL', "NULL, 'Rash'", "5, 'Death'"],
  pv_therapy: ["1, 1, DATE '2020-01-01', DATE '2019-12-01'", "2, 1, DATE '2020-01-01', DATE '2020-01-05'"],
};
const GOOD_ROWS = {
  pv_report: ["1, 34, DATE '2020-01-01'", "2, 120, DATE '2021-01-01'", '3, 0, NULL'],
  pv_drug: ["1, 1, 'PS', 'ASPIRIN', NULL", "2, 1, 'PS', NULL, 'IBUPROFEN'", "3, 1, 'SS', 'X', 'Y'"],
  pv_event: ["1, 'Nausea'", "2, 'Rash'", "3, 'Death'"],
  pv_therapy: ["1, 1, DATE '2020-01-01', DATE '2020-01-01'", "2, 1, DATE '2020-01-01', DATE '2020-01-05'"],
};
const EXPECTED: Record<string, [number, number]> = {
  'completeness.pv_report.report_id': [1, 5],
  'plausibility.future_date.pv_report.event_date': [1, 3],
  'plausibility.negative.pv_report.age_years': [1, 5],
  'plausibility.age_over_120.pv_report.age_years': [1, 5],
  'uniqueness.key.pv_report': [2, 4],
  'completeness.pv_drug.report_id': [0, 5],
  'completeness.pv_drug.drug_or_ingredient': [1, 5],
  'uniqueness.duplicate_rows.pv_drug': [2, 5],
  'integrity.report.pv_drug': [2, 5],
  'completeness.pv_event.report_id': [1, 4],
  'completeness.pv_event.pt': [1, 4],
  'integrity.report.pv_event': [1, 3],
  'plausibility.end_before_start.pv_therapy.end_date': [1, 2],
  'integrity.report.pv_therapy': [0, 2],
};

describe('checks of report tables (faers, reports)', () => {
  let ws: QualityWorkspace;
  let bad: Omit<QualityReport, 'elapsedMs'>;
  let good: Omit<QualityReport, 'elapsedMs'>;

  beforeAll(async () => {
    ws = await qualityWorkspace();
    await reportTables(ws, 'bad', BAD_ROWS);
    await reportTables(ws, 'good', GOOD_ROWS);
    bad = await ws.report(await ws.dataset('faers', 'bad', TABLES.map((t) => `bad.${t}`)));
    good = await ws.report(await ws.dataset('faers', 'good', TABLES.map((t) => `good.${t}`)));
  });
  afterAll(() => ws.close());

  it('counts every planted problem exactly and fails each of those checks', async () => {
    expectCounts(bad, EXPECTED);
    expectFailed(bad, EXPECTED);
    await expectListingsMatch(ws, [...bad.checks, ...good.checks]);
  });

  it('passes the same checks on clean tables (age 120 and a one-day course are fine)', async () => {
    expect(good.checks.map((c) => c.id)).toEqual(bad.checks.map((c) => c.id));
    expectClean(good);
  });

  it('finds nothing wrong in the imported FAERS sample and the CAERS reports, and names the reports checks', async () => {
    const faers = await ws.report(await ws.importFile({ path: join(SAMPLES, 'small/faers'), kind: 'faers', name: 'faers' }));
    const caers = await ws.report(await ws.importFile({
      path: join(FIXTURES, 'caers.csv'), kind: 'reports', name: 'caers',
      reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', strataColumns: ['strat1'] },
    }));
    for (const report of [faers, caers]) {
      expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining([
        'completeness.pv_report.report_id', 'completeness.pv_drug.drug_or_ingredient', 'completeness.pv_event.pt',
        'uniqueness.key.pv_report', 'integrity.report.pv_drug', 'integrity.report.pv_event',
      ]));
    }
    expect(faers.checks.map((c) => c.id)).toContain('plausibility.age_over_120.pv_report.age_years');
  });
});
