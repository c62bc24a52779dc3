import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/helpers/temp-dir.js';
import { cellValue } from '../../db/columnar.js';
import type { ResultPage } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { loadCaersScreen, type CaersScreen } from './reference/caers-fixture.js';
import { SIGNAL_COUNT_COLUMNS } from './signal-suppression.js';

const SAMPLES = new URL('../../../samples/small/', import.meta.url).pathname;
const MEASURES = ['prr', 'prr_lo', 'prr_hi', 'chisq', 'p_chisq', 'ror', 'ror_lo', 'ror_hi', 'ic', 'ic025', 'ic975', 'ebgm', 'eb05', 'eb95', 'prr_signal', 'ror_signal', 'ic_signal', 'ebgm_signal', 'ror_corrected'];

let engine: WorkspaceEngine;
let caers: CaersScreen;
beforeAll(async () => {
  caers = await loadCaersScreen();
  engine = new WorkspaceEngine();
  await engine.openWorkspace(':memory:');
  await engine.setPrivacyPolicy({ minCellCount: 0 }); // each test asks for its own minimum
  await engine.importFile({ path: join(FIXTURES, 'caers.csv'), kind: 'reports', reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2' } });
  await engine.importFile({ path: `${SAMPLES}faers`, name: 'faers' });
});
afterAll(async () => engine.close());

function rowsOf(page: ResultPage): Record<string, unknown>[] {
  return Array.from({ length: page.rowCount }, (_, i) => Object.fromEntries(page.columns.map((c) => [c.name, cellValue(c, i)])));
}

describe('a signal screen with small counts hidden (CAERS)', () => {
  it('hides exactly the pairs, drugs and events with 1 to 4 reports, with every measure of their rows', async () => {
    const min = 5;
    const [hidden, full] = await Promise.all([
      engine.signals({ dataset: 'caers', names: 'verbatim', minCellCount: min, limit: 0 }),
      engine.signals({ dataset: 'caers', names: 'verbatim', limit: 0 }),
    ]);
    // The counts per pair straight from the CSV (caers-fixture.ts: distinct report ids per pair, product, event).
    const { n, n_drug: nDrug, n_event: nEvent } = caers.counts;
    const small = (x: number) => x > 0 && x < min;
    const expectedPrimary = caers.keys.reduce((sum, _k, i) => sum + [n[i]!, nDrug[i]!, nEvent[i]!].filter(small).length, 0);
    expect(hidden.suppression).toEqual({ minCellCount: min, columns: ['n', 'n_drug', 'n_event'], primary: expectedPrimary, complementary: 0 });
    expect(hidden.page.suppression).toEqual(hidden.suppression);
    expect(full.suppression).toEqual({ minCellCount: 0, columns: [], primary: 0, complementary: 0 });

    const shown = new Map(rowsOf(await engine.query(`SELECT * FROM ${hidden.resultTable}`, { limit: 100_000 })).map((r) => [`${r.drug}\u0000${r.event}`, r]));
    const whole = new Map(rowsOf(await engine.query(`SELECT * FROM ${full.resultTable}`, { limit: 100_000 })).map((r) => [`${r.drug}\u0000${r.event}`, r]));
    expect(shown.size).toBe(caers.keys.length);
    let pairsHidden = 0;
    caers.keys.forEach((key, i) => {
      const row = shown.get(key)!;
      const original = whole.get(key)!;
      const pairHidden = small(n[i]!) || small(nDrug[i]!) || small(nEvent[i]!);
      const marginHidden = small(nDrug[i]!) || small(nEvent[i]!);
      expect(row.n === null, key).toBe(pairHidden);
      expect(row.n_drug === null, key).toBe(small(nDrug[i]!));
      expect(row.n_event === null, key).toBe(small(nEvent[i]!));
      expect(row.e === null, key).toBe(marginHidden);
      expect(row.n_total).toBe(original.n_total);
      for (const measure of MEASURES) expect(row[measure], `${key} ${measure}`).toEqual(pairHidden ? null : original[measure]);
      if (pairHidden) pairsHidden++;
    });
    expect(pairsHidden).toBeGreaterThan(1000); // most CAERS pairs have a report or two
    // the fit uses every pair, hidden or not
    expect(hidden.fit.logLik).toBe(full.fit.logLik);
  });

  it('sorts with hidden counts last, not by their values', async () => {
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', minCellCount: 5, orderBy: 'n asc', limit: 3 });
    const rows = rowsOf(result.page);
    expect(rows.every((r) => Number(r.n) >= 5)).toBe(true);
  });
});

describe('a signal trend with small counts hidden (bundled FAERS quarters)', () => {
  const pairs = { roles: 'primary' as const, drugs: ['Diclofenac', 'Celecoxib', 'Ibuprofen'], events: ['Gastrointestinal haemorrhage', 'Nausea', 'Headache'] };

  /** Per quarter, cumulative distinct reports with the drug (PS, ingredient or name) and the event, counted on the imported tables. */
  async function countedBySql(): Promise<Map<string, Record<string, number>>> {
    const page = await engine.query(`
      WITH quarters AS (SELECT DISTINCT quarter FROM faers.pv_report),
      ps AS (SELECT DISTINCT report_id, upper(regexp_extract(coalesce(nullif(ingredient, ''), drug), '^[A-Za-z]+')) AS drug FROM faers.pv_drug WHERE "role" = 'PS'),
      ev AS (SELECT DISTINCT report_id, upper(pt) AS event FROM faers.pv_event)
      SELECT q.quarter, ps.drug, ev.event, count(DISTINCT r.report_id)::INTEGER AS n
      FROM quarters q JOIN faers.pv_report r ON r.quarter <= q.quarter JOIN ps USING (report_id) JOIN ev USING (report_id)
      WHERE ps.drug IN ('DICLOFENAC', 'CELECOXIB', 'IBUPROFEN') AND ev.event IN ('GASTROINTESTINAL HAEMORRHAGE', 'NAUSEA', 'HEADACHE')
      GROUP BY ALL`, { limit: 1000 });
    return new Map(rowsOf(page).map((r) => [`${r.quarter} ${r.drug} ${r.event}`, { n: Number(r.n) }]));
  }

  it('hides small counts and a count whose next quarter differs from it by less than the minimum', async () => {
    const min = 15;
    const [hidden, full] = await Promise.all([
      engine.signalTrend({ ...pairs, dataset: 'faers', period: 'quarter', minCellCount: min }),
      engine.signalTrend({ ...pairs, dataset: 'faers', period: 'quarter' }),
    ]);
    const counted = await countedBySql();
    const key = (r: Record<string, unknown>) => `${r.quarter} ${r.drug} ${r.event}`;
    const before = rowsOf(full);
    const after = new Map(rowsOf(hidden).map((r) => [key(r), r]));
    for (const row of before) expect(Number(row.n), key(row)).toBe(counted.get(key(row))!.n);

    // Diclofenac with headache: 20 reports by 2024Q1, 34 by 2024Q2 — both shown, the 14 received in
    // 2024Q2 would be a small count: the 20 is hidden as well (complementary).
    expect(before.filter((r) => r.drug === 'DICLOFENAC' && r.event === 'HEADACHE').map((r) => Number(r.n))).toEqual([20, 34]);
    expect(after.get('2024Q1 DICLOFENAC HEADACHE')!.n).toBeNull();
    expect(after.get('2024Q2 DICLOFENAC HEADACHE')!.n).toBe(34n);

    const small = (x: unknown) => x !== null && Number(x) > 0 && Number(x) < min;
    let primary = 0;
    let complementary = 0;
    for (const row of before) {
      const shown = after.get(key(row))!;
      for (const column of SIGNAL_COUNT_COLUMNS) {
        if (small(row[column])) {
          expect(shown[column], `${key(row)} ${column}`).toBeNull();
          primary++;
        } else if (shown[column] === null) complementary++;
      }
      // what a reader sees: shown counts of a series never differ by 1…min − 1 from a later one
      for (const later of before.filter((l) => String(l.quarter) > String(row.quarter))) {
        for (const column of SIGNAL_COUNT_COLUMNS) {
          const sameSeries = column === 'n' ? later.drug === row.drug && later.event === row.event : column === 'n_drug' ? later.drug === row.drug : later.event === row.event;
          const [a, b] = [shown[column], after.get(key(later))![column]];
          if (sameSeries && a !== null && b !== null) expect(small(Number(b) - Number(a)), `${key(row)} → ${key(later)} ${column}`).toBe(false);
        }
      }
      if (shown.n === null) for (const measure of MEASURES) expect(shown[measure]).toBeNull();
    }
    expect(hidden.suppression).toEqual({ minCellCount: min, columns: ['n', 'n_drug', 'n_event'], primary, complementary });
    expect(complementary).toBeGreaterThan(0);
  });
});
