import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '../../db/columnar.js';
import type { ResultPage } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';

// The bundled synthetic FAERS quarters and the generator's own count of the planted pair (diclofenac as
// primary suspect with "Gastrointestinal haemorrhage", after FDA's dedup): samples/small/manifest.json.
const SAMPLES = new URL('../../../samples/small/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${SAMPLES}manifest.json`, 'utf8'));
const { a, b, c, d } = manifest.realized.faers.signalDeduplicated as Record<'a' | 'b' | 'c' | 'd', number>;
const planted = { roles: 'primary' as const, drugs: ['Diclofenac'], events: ['Gastrointestinal haemorrhage'] };

let engine: WorkspaceEngine;
beforeAll(async () => {
  engine = new WorkspaceEngine();
  await engine.openWorkspace(':memory:');
  await engine.importFile({ path: `${SAMPLES}faers`, name: 'faers' });
});
afterAll(async () => engine.close());

function row(page: ResultPage, index: number): Record<string, unknown> {
  return Object.fromEntries(page.columns.map((column) => [column.name, cellValue(column, index)]));
}

describe('signal screen on the bundled FAERS quarters', () => {
  it('finds the planted pair with the generator\'s own 2×2 table', async () => {
    const result = await engine.signals({ dataset: 'faers', ...planted });
    expect(result.page.rowCount).toBe(1);
    const pair = row(result.page, 0);
    expect(pair).toMatchObject({ drug: 'DICLOFENAC', event: 'GASTROINTESTINAL HAEMORRHAGE', n: BigInt(a), n_drug: BigInt(a + b), n_event: BigInt(a + c), n_total: BigInt(a + b + c + d) });
    // PRR = [a/(a+b)] / [c/(c+d)] (Evans 2001), from the manifest's counts
    expect(pair.prr).toBeCloseTo((a / (a + b)) / (c / (c + d)), 10);
    expect(pair.prr_signal).toBe(true);
    const [lo, hi] = manifest.plantedEffects.faersSignal.acceptedPrrRange as [number, number];
    expect(pair.prr as number).toBeGreaterThan(lo);
    expect(pair.prr as number).toBeLessThan(hi);
  });

  it('follows the pair cumulatively by quarter, ending at the full screen', async () => {
    const trend = await engine.signalTrend({ dataset: 'faers', ...planted, period: 'quarter' });
    const rows = Array.from({ length: trend.rowCount }, (_, i) => row(trend, i));
    expect(rows.map((r) => r.quarter)).toEqual(['2024Q1', '2024Q2']);
    expect(rows[1]).toMatchObject({ n: BigInt(a), n_total: BigInt(a + b + c + d) });
    // The first quarter, counted independently on the imported tables: reports of 2024Q1 with diclofenac
    // (prod_ai or drugname, salts aside) as primary suspect and the event.
    const q1 = await engine.query(`
      WITH r AS (SELECT report_id FROM faers.pv_report WHERE quarter = '2024Q1'),
      dic AS (SELECT DISTINCT report_id FROM faers.pv_drug WHERE "role" = 'PS'
              AND upper(coalesce(nullif(ingredient, ''), drug)) LIKE 'DICLOFENAC%'),
      gi AS (SELECT DISTINCT report_id FROM faers.pv_event WHERE upper(pt) = 'GASTROINTESTINAL HAEMORRHAGE'),
      ps AS (SELECT DISTINCT report_id FROM faers.pv_drug WHERE "role" = 'PS'),
      ev AS (SELECT DISTINCT report_id FROM faers.pv_event)
      SELECT (SELECT count(*) FROM r JOIN dic USING (report_id) JOIN gi USING (report_id)) AS n,
             (SELECT count(*) FROM r JOIN dic USING (report_id) JOIN ev USING (report_id)) AS n_drug,
             (SELECT count(*) FROM r JOIN ps USING (report_id) JOIN gi USING (report_id)) AS n_event,
             (SELECT count(*) FROM r JOIN ps USING (report_id) JOIN ev USING (report_id)) AS n_total`);
    const expected = row(q1, 0);
    expect(rows[0]).toMatchObject({ n: expected.n, n_drug: expected.n_drug, n_event: expected.n_event, n_total: expected.n_total });
    expect(Number(rows[0]!.n)).toBeLessThan(a);
  });

  it('needs named pairs and report dates for a trend', async () => {
    await expect(engine.signalTrend({ dataset: 'faers', period: 'quarter' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
