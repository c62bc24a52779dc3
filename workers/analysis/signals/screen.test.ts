import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/helpers/temp-dir.js';
import { cellValue } from '../../db/columnar.js';
import type { ResultPage, SignalResult } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { DEFAULT_MGPS_STARTS, OPENEBGM_STARTS } from './mgps-fit.js';
import { compareColumns } from './reference/compare.js';
import { loadCaersScreen, readReferencePriors, type CaersScreen } from './reference/caers-fixture.js';

// Expected values: workers/analysis/signals/reference/caers_reference.R, an independent base-R screen of
// the same file (its output committed beside it). Published fit for comparison: openEBGM's caers example
// (Canida & Ihrie, R Journal 2017) — α1 3.25, β1 0.40, α2 2.02, β2 1.91, P 0.065.

const caers = join(FIXTURES, 'caers.csv');
let engine: WorkspaceEngine;
let reference: CaersScreen;

function columnsByName(page: ResultPage): Record<string, unknown[]> {
  return Object.fromEntries(page.columns.map((c) => [c.name, Array.from({ length: page.rowCount }, (_, i) => cellValue(c, i))]));
}

/** The result table's rows in the reference's order (product, then event). */
async function resultInReferenceOrder(result: SignalResult): Promise<Record<string, Float64Array>> {
  const page = await engine.query(`SELECT * FROM ${result.resultTable}`, { limit: 100_000 });
  const columns = columnsByName(page);
  const row = new Map<string, number>();
  columns.drug!.forEach((drug, i) => row.set(`${drug}\u0000${columns.event![i]}`, i));
  expect(row.size).toBe(reference.keys.length);
  const ordered = (name: string) => Float64Array.from(reference.keys, (key) => {
    const value = columns[name]![row.get(key)!];
    return value === null ? NaN : typeof value === 'boolean' ? Number(value) : Number(value);
  });
  return Object.fromEntries(Object.keys(columns).filter((c) => c !== 'drug' && c !== 'event').map((c) => [c, ordered(c)]));
}

function expectClose(actual: Float64Array, expected: Float64Array, tolerance: number, what: string): void {
  const difference = compareColumns(actual, expected);
  expect(difference.mismatches, `${what}: infinite/NaN mismatches`).toBe(0);
  expect(difference.worst, `${what}: worst relative difference at ${reference.keys[difference.row]}`).toBeLessThan(tolerance);
}

beforeAll(async () => {
  reference = await loadCaersScreen();
  engine = new WorkspaceEngine();
  await engine.openWorkspace(':memory:');
  // Every count shown, to compare every pair with R; signal-suppression.test.ts covers the hidden ones.
  await engine.setPrivacyPolicy({ minCellCount: 0 });
  await engine.importFile({
    path: caers, kind: 'reports',
    reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', strataColumns: ['strat1'] },
  });
});
afterAll(async () => engine.close());

describe('signal screen on the real CAERS data, against an independent R screen', () => {
  it('matches every pair: counts, PRR, χ², ROR, IC and MGPS, and the fitted prior (openEBGM\'s starts, as R)', async () => {
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', limit: 10, mgps: { starts: OPENEBGM_STARTS.map((s) => Array.from(s)) } });
    expect(result.reports).toBe(3356);
    expect(result.pairs).toBe(17189);
    const r = reference.reference;
    const ours = await resultInReferenceOrder(result);
    for (const c of ['n', 'n_drug', 'n_event', 'n_total'] as const) expect(Array.from(ours[c]!)).toEqual(Array.from(r[c]));
    for (const c of ['e', 'prr', 'prr_lo', 'prr_hi', 'chisq', 'ror', 'ror_lo', 'ror_hi', 'ic', 'ic025', 'ic975'] as const) {
      expectClose(ours[c]!, r[c], 1e-9, c);
    }
    expect(Array.from(ours.ror_corrected!)).toEqual(Array.from(r.ror_corrected));
    for (const c of ['ebgm', 'eb05', 'eb95'] as const) expectClose(ours[c]!, r[c], 1e-4, c);

    const prior = readReferencePriors().unstratified;
    expect(result.fit.converged).toBe(true);
    expect(result.fit.logLik).toBeGreaterThanOrEqual(prior.logLik - 1e-6);
    expect(result.fit.logLik).toBeCloseTo(prior.logLik, 4);
    for (const key of ['alpha1', 'beta1', 'alpha2', 'beta2', 'p'] as const) {
      expect(Math.abs(result.fit[key] - prior[key]) / prior[key], key).toBeLessThan(1e-3);
    }
    // and the published openEBGM fit, to its two digits
    expect([result.fit.alpha1, result.fit.beta1, result.fit.alpha2, result.fit.beta2].map((v) => Number(v.toFixed(2)))).toEqual([3.26, 0.4, 2.02, 1.91]);
  });

  it('fits the prior from more starting points by default, reaching the higher maximum R confirms', async () => {
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', limit: 1 });
    const higher = readReferencePriors().higherMaximum;
    expect(result.fit.starts).toHaveLength(DEFAULT_MGPS_STARTS.length);
    expect(result.fit.logLik).toBeCloseTo(higher.logLik, 4);
    expect(Math.abs(result.fit.alpha1 - higher.alpha1) / higher.alpha1).toBeLessThan(1e-3);
  });

  it('stratified by sex: E summed over strata, IC and MGPS on it, the prior refitted', async () => {
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', strata: ['strat1'] });
    const r = reference.reference;
    const ours = await resultInReferenceOrder(result);
    expectClose(ours.e!, r.e_strat, 1e-9, 'e_strat');
    expectClose(ours.ic025!, r.ic025_strat, 1e-9, 'ic025_strat');
    expectClose(ours.prr!, r.prr, 1e-9, 'prr (crude)');
    for (const [c, ref] of [['ebgm', r.ebgm_strat], ['eb05', r.eb05_strat], ['eb95', r.eb95_strat]] as const) expectClose(ours[c]!, ref, 1e-4, c);
    expect(result.fit.logLik).toBeCloseTo(readReferencePriors().stratifiedBySex.logLik, 4);
  });

  it('flags each measure by its documented rule', async () => {
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim' });
    const page = await engine.query(`SELECT
        count(*) FILTER (WHERE prr_signal <> (prr >= 2 AND chisq >= 4 AND n >= 3)) AS prr_wrong,
        count(*) FILTER (WHERE ror_signal <> (ror_lo > 1 AND n >= 3)) AS ror_wrong,
        count(*) FILTER (WHERE ic_signal <> (ic025 > 0)) AS ic_wrong,
        count(*) FILTER (WHERE ebgm_signal <> (eb05 >= 2)) AS ebgm_wrong,
        count(*) FILTER (WHERE ebgm_signal) AS ebgm_signals
      FROM ${result.resultTable}`);
    const counts = columnsByName(page);
    expect([counts.prr_wrong, counts.ror_wrong, counts.ic_wrong, counts.ebgm_wrong].map((v) => Number(v![0]))).toEqual([0, 0, 0, 0]);
    expect(Number(counts.ebgm_signals![0])).toBeGreaterThan(0);
  });

  it('shows a subset with the same numbers as the full screen (margins and prior from every pair)', async () => {
    const full = await engine.signals({ dataset: 'caers', names: 'verbatim' });
    const subset = await engine.signals({ dataset: 'caers', names: 'verbatim', drugs: ['REUMOFAN PLUS'], events: ['WEIGHT INCREASED', 'NAUSEA'], orderBy: 'event' });
    expect(subset.fit.logLik).toBe(full.fit.logLik);
    const shown = columnsByName(subset.page);
    expect(shown.event).toEqual(['NAUSEA', 'WEIGHT INCREASED']);
    const same = await engine.query(`SELECT eb05, prr FROM ${full.resultTable} WHERE drug = 'REUMOFAN PLUS' AND event IN ('NAUSEA', 'WEIGHT INCREASED') ORDER BY event`);
    expect(columnsByName(same).eb05).toEqual(shown.eb05);
  });

  it('leaves out pairs below the minimum count and sorts as asked', async () => {
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', minCount: 3, orderBy: 'eb05 desc', limit: 5 });
    const expected = Array.from(reference.reference.n).filter((n) => n >= 3).length;
    expect(result.page.totalRows).toBe(expected);
    const eb05 = columnsByName(result.page).eb05 as number[];
    expect(eb05).toEqual([...eb05].sort((a, b) => b - a));
    await expect(engine.signals({ dataset: 'caers', orderBy: 'eb05; drop table x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('records the run in the audit trail and exports the result', async () => {
    const temp = join(process.env.TMPDIR ?? '/tmp', `pmw-signals-${process.pid}.csv`);
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', minCount: 5 });
    const exported = await engine.exportResult({ table: result.resultTable }, temp);
    expect(exported.rows).toBe(result.page.totalRows);
    expect(existsSync(temp)).toBe(true);
    const [last, analysis] = await engine.audit({ limit: 2 });
    expect(last!.action).toBe('export');
    expect(analysis!.action).toBe('analysis');
    const detail = JSON.parse(analysis!.detail);
    expect(detail.resultTable).toBe(result.resultTable);
    expect(detail.fit.alpha1).toBe(result.fit.alpha1);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('refuses a dataset that holds no reports, and an unknown stratum', async () => {
    await engine.importFile({ path: caers, name: 'caers_table', onDuplicate: 'import' });
    await expect(engine.signals({ dataset: 'caers_table' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(engine.signals({ dataset: 'caers', strata: ['age'] })).rejects.toMatchObject({ code: 'BAD_REQUEST', hint: expect.stringContaining('strat1') });
  });
});
