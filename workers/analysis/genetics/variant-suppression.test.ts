import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceEngine } from '../../engine/engine.js';
import type { CellKind } from '../privacy/suppress/suppress-cells.js';
import { cellsDeterminedByLinearSystem, cellsPinnedByEquation } from '../privacy/suppress/testing.js';
import { BUNDLED_VCF_DIR, bundledVcfEngine, pageObjects as rowsOf, vcfTextCallsSql } from './testing.js';

const VCF = `${BUNDLED_VCF_DIR}cohort.vcf`;

let engine: WorkspaceEngine;
beforeAll(async () => { engine = await bundledVcfEngine(); });
afterAll(async () => engine.close());

/** Genotype counts per record and ALT straight from the VCF text (the file has no half-calls). */
async function countedFromText(): Promise<Map<string, Record<string, number>>> {
  const page = await engine.query(`
    SELECT chrom, pos, alt,
      count(*) FILTER (WHERE missing)::INTEGER AS n_missing,
      count(*) FILTER (WHERE NOT missing AND copies = 0)::INTEGER AS n_hom_ref,
      count(*) FILTER (WHERE NOT missing AND copies = 1)::INTEGER AS n_het,
      count(*) FILTER (WHERE NOT missing AND copies = 2)::INTEGER AS n_hom_alt
    FROM (${vcfTextCallsSql(VCF)}) GROUP BY ALL`, { limit: 10_000 });
  return new Map(rowsOf(page).map((r) => [`${r.chrom}:${r.pos}:${r.alt}`, r as Record<string, number>]));
}

const COUNTS = ['n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half', 'ac', 'an'] as const;

describe('variant pages with small carrier counts hidden (the bundled cohort VCF)', () => {
  it('hides exactly the small genotype and allele counts, and no hidden count follows from the shown ones', async () => {
    const min = 5;
    const [hidden, full] = await Promise.all([
      engine.variants({ dataset: 'vcf', minCellCount: min, limit: 10_000 }),
      engine.variants({ dataset: 'vcf', limit: 10_000 }),
    ]);
    const counted = await countedFromText();
    const before = rowsOf(full);
    const after = rowsOf(hidden);
    expect(before).toHaveLength(counted.size); // a row per record and ALT (500 records, 21 with two ALTs)
    const small = (x: number) => x > 0 && x < min;
    let primary = 0;
    let complementary = 0;
    before.forEach((row, i) => {
      const key = `${row.chrom}:${row.pos}:${row.alt}`;
      const text = counted.get(key)!;
      for (const c of ['n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing'] as const) expect(row[c], `${key} ${c}`).toBe(text[c]);
      const shown = after[i]!;
      expect(shown.variant_id).toBe(row.variant_id);
      // small: every genotype count but the missing calls, and ac
      for (const c of ['n_hom_ref', 'n_het', 'n_hom_alt', 'n_half', 'ac'] as const) {
        if (small(row[c] as number)) {
          expect(shown[c], `${key} ${c}`).toBeNull();
          primary++;
        }
      }
      for (const c of COUNTS) {
        if (shown[c] === null && !(small(row[c] as number) && c !== 'n_missing' && c !== 'an')) {
          expect(row[c] as number, `${key} ${c} hidden to protect`).toBeGreaterThanOrEqual(min);
          complementary++;
        }
      }
      expect(shown.af === null).toBe(shown.ac === null);

      // What a reader knows: cells 0–4 the genotype counts (adding up to the samples), 5 ac, 6 an, and
      // 7 the ALT copies among half-calls (unknown when there are any; there are none in this file).
      const values = [...['n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half'].map((c) => row[c] as number), row.ac as number, row.an as number, 0];
      const kinds: CellKind[] = values.map((v, j) => (j === 7 ? (values[4]! > 0 ? 'complementary' : 'shown') : shown[COUNTS[j]!] !== null ? 'shown' : v < min ? 'primary' : 'complementary'));
      const samples = values.slice(0, 5).reduce((a, b) => a + b, 0);
      expect(cellsPinnedByEquation(values, kinds, { total: { constant: samples }, parts: [0, 1, 2, 3, 4] }, min, samples + 1), key).toEqual([]);
      const equations: [number, number][][] = [
        [[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]], // = samples
        [[0, 2], [1, 2], [2, 2], [4, 1], [6, -1]], // an
        [[1, 1], [2, 2], [7, 1], [5, -1]], // ac
      ];
      expect(cellsDeterminedByLinearSystem(kinds, equations), key).toEqual([]);
    });
    expect(hidden.suppression).toEqual({ minCellCount: min, columns: [...COUNTS], primary, complementary });
    expect(primary).toBeGreaterThan(100);
    expect(complementary).toBeGreaterThan(100);
    expect(full.suppression).toEqual({ minCellCount: 0, columns: [], primary: 0, complementary: 0 });
  });

  it('counts what it hid over the whole result, not the page', async () => {
    const all = await engine.variants({ dataset: 'vcf', region: 'chr22', minCellCount: 5, limit: 10_000 });
    const page = await engine.variants({ dataset: 'vcf', region: 'chr22', minCellCount: 5, limit: 10, offset: 20 });
    expect(page.rowCount).toBe(10);
    expect(page.suppression).toEqual(all.suppression);
    expect(rowsOf(page)).toEqual(rowsOf(all).slice(20, 30));
  });
});
