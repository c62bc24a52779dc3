import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceEngine } from '../../engine/engine.js';
import { bundledVcfEngine, pageObjects } from '../genetics/testing.js';
import type { CellKind } from '../privacy/suppress/suppress-cells.js';
import { cellsDeterminedBySystem, cellsPinnedByEquation } from '../privacy/suppress/testing.js';
import { suppressCrossTab } from './pgx-suppression.js';

describe('the pharmacogenomic summary with small counts left out (the bundled VCF)', () => {
  let engine: WorkspaceEngine;
  beforeAll(async () => { engine = await bundledVcfEngine(); });
  afterAll(async () => engine.close());

  it('leaves out the small phenotype counts and those that would give them away through the samples', async () => {
    const min = 6;
    const full = await engine.pgx({ dataset: 'vcf' });
    const hidden = await engine.pgx({ dataset: 'vcf', minCellCount: min });
    // The counts from the calls table (one row per sample and gene), by SQL
    const counted = pageObjects(await engine.query(`SELECT gene, coalesce(phenotype, 'not determinable') AS phenotype, count(*)::INTEGER AS samples
      FROM ${full.callsTable} GROUP BY ALL`, { limit: 1000 }));
    expect(new Set(full.summary.map((r) => `${r.gene} ${r.phenotype} ${r.samples}`))).toEqual(new Set(counted.map((r) => `${r.gene} ${r.phenotype} ${r.samples}`)));
    const shown = new Set(hidden.summary.map((r) => `${r.gene} ${r.phenotype}`));
    for (const row of full.summary) {
      if (row.samples < min) expect(shown.has(`${row.gene} ${row.phenotype}`), `${row.gene} ${row.phenotype}`).toBe(false);
    }
    // CYP2C19: Poor and not determinable 5 each: two hidden counts of 1…5 summing to 10 are both 5, so the
    // smallest other count, Ultrarapid's 6, goes too. CYP2C9: Intermediate 5 alone; Poor (7) goes with it.
    const left = full.summary.filter((r) => !shown.has(`${r.gene} ${r.phenotype}`)).map((r) => `${r.gene} ${r.phenotype} ${r.samples}`);
    expect(left).toEqual([
      'CYP2C19 Ultrarapid Metabolizer 6', 'CYP2C19 not determinable 5', 'CYP2C19 Poor Metabolizer 5',
      'CYP2C9 Poor Metabolizer 7', 'CYP2C9 Intermediate Metabolizer 5',
    ]);
    expect(hidden.warnings.find((w) => w.startsWith('phenotype counts below'))).toBe('phenotype counts below the minimum cell count 6 are left out of the summary: ' +
      'CYP2C19 Ultrarapid Metabolizer (hidden so that the others cannot reveal a small one); CYP2C19 not determinable (<6); CYP2C19 Poor Metabolizer (<6); ' +
      'CYP2C9 Poor Metabolizer (hidden so that the others cannot reveal a small one); CYP2C9 Intermediate Metabolizer (<6)');
    // What a reader sees per gene: the shown counts, the hidden ones with their bounds, 200 samples in all
    for (const gene of new Set(full.summary.map((r) => r.gene))) {
      const rows = full.summary.filter((r) => r.gene === gene);
      const values = rows.map((r) => r.samples);
      const kinds = rows.map((r): CellKind => (shown.has(`${r.gene} ${r.phenotype}`) ? 'shown' : r.samples < min ? 'primary' : 'complementary'));
      const equation = { total: { constant: 200 }, parts: rows.map((_, i) => i) };
      expect(cellsPinnedByEquation(values, kinds, equation, min, 201), gene).toEqual([]);
    }
  });
});

describe('suppressCrossTab', () => {
  const crossTab = (rows: [number, number][]) => ({
    gene: 'CYP2C19', phenotype: 'Poor Metabolizer', oddsRatio: 1, pFisher: 1,
    rows: rows.map(([exposed, withOutcome], i) => ({ group: `group ${i}`, exposed, withOutcome })),
  });

  it('hides a small count with or without the outcome, and a group that would give a small group away', () => {
    // 40 poor metabolizers exposed, 3 with the outcome (small); others 100 (20); 10 undetermined; 3 unlinked
    const result = suppressCrossTab(crossTab([[40, 3], [100, 20], [10, 0], [3, 0]]), 5);
    // 3 with the outcome: hidden, and the 37 without it (never printed, but 40 − 3) goes with it, so 40 stays
    expect(result.kinds[0]).toEqual({ exposed: 'shown', withOutcome: 'primary' });
    // the 3 unlinked are small; Σ exposed = 153 would give them away: the smallest other group (10) goes too
    expect(result.kinds[3]).toEqual({ exposed: 'primary', withOutcome: 'shown' });
    expect(result.kinds[2]).toEqual({ exposed: 'complementary', withOutcome: 'shown' });
    expect(result.tableHidden).toBe(true);
    // 3 with the outcome, 3 unlinked, 3 unlinked without the outcome; 37 without the outcome, 10 undetermined, 10 undetermined without
    expect([result.primary, result.complementary]).toEqual([3, 3]);
  });

  it('a reader cannot work out a hidden count from the groups and their sum, alone or together', () => {
    const rows: [number, number][] = [[40, 3], [100, 20], [10, 0], [3, 0]];
    const result = suppressCrossTab(crossTab(rows), 5);
    // cells per group g: with (3g), without (3g + 1), exposed (3g + 2)
    const values = rows.flatMap(([exposed, withOutcome]) => [withOutcome, exposed - withOutcome, exposed]);
    const kinds = rows.flatMap((_, g): CellKind[] => {
      const { exposed, withOutcome } = result.kinds[g]!;
      // "without" is printed only by subtraction: a reader has it when both others are shown
      const without: CellKind = exposed === 'shown' && withOutcome === 'shown' ? 'shown' : values[3 * g + 1]! < 5 ? 'primary' : 'complementary';
      return [withOutcome, without, exposed];
    });
    const equations = [
      ...rows.map((_, g) => ({ total: 3 * g + 2, parts: [3 * g, 3 * g + 1] })),
      { total: { constant: 153 }, parts: rows.map((_, g) => 3 * g + 2) },
    ];
    for (const equation of equations) expect(cellsPinnedByEquation(values, kinds, equation, 5, 154)).toEqual([]);
    expect(cellsDeterminedBySystem(kinds, equations)).toEqual([]);
  });
});
