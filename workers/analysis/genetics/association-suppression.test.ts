import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationResult, ResultPage } from '../../engine/api.js';
import type { WorkspaceEngine } from '../../engine/engine.js';
import { BUNDLED_VCF_DIR, bundledVcfEngine, pageObjects, vcfTextCallsSql } from './testing.js';

const VCF = `${BUNDLED_VCF_DIR}cohort.vcf`;
const PHENOTYPE = `${BUNDLED_VCF_DIR}phenotype.tsv`;
const STATISTICS = ['af', 'chisq', 'p_chisq', 'p_fisher', 'or', 'or_lo', 'or_hi', 'p_trend'];

let engine: WorkspaceEngine;
beforeAll(async () => {
  engine = await bundledVcfEngine();
  // The bundled VCF has no annotations: for a burden test, each 100 kb window is a "gene" of HIGH-impact
  // variants. The genotypes and phenotypes are the file's own.
  await engine.query(`UPDATE vcf.variant SET gene = chrom || '_' || (pos // 100000), impact = 'HIGH'`, { write: true });
});
afterAll(async () => engine.close());

const rowsOf = async (page: Promise<ResultPage>) => pageObjects(await page);
const tableRows = (table: string, order: string) => rowsOf(engine.query(`SELECT * FROM ${table} ORDER BY ${order}`, { limit: 100_000 }));

/** The calls of the VCF text with each sample's status from the phenotype file (1 case, 0 control). */
const CALLS_WITH_STATUS = `SELECT c.*, p.gastrointestinal_hemorrhage AS status FROM (${vcfTextCallsSql(VCF)}) c
  JOIN read_csv('${PHENOTYPE}', delim = '\t', header = true) p USING (sample)`;

describe('association and burden with small counts hidden (the bundled VCF and phenotype)', () => {
  const min = 5;
  let hidden: AssociationResult;
  let full: AssociationResult;
  beforeAll(async () => {
    const spec = { dataset: 'vcf', phenotype: { file: PHENOTYPE }, burden: { impact: ['HIGH'] }, limit: 1 };
    [hidden, full] = [await engine.association({ ...spec, minCellCount: min }), await engine.association(spec)];
  });

  it('hides the small allele counts of each group, with every statistic of the row computed from them', async () => {
    // ALT copies per variant and group from the VCF text, calls with a missing allele left out
    const counted = new Map((await rowsOf(engine.query(`SELECT chrom, pos, alt,
        sum(copies) FILTER (WHERE status = 1 AND NOT missing)::INTEGER AS ac_cases,
        sum(copies) FILTER (WHERE status = 0 AND NOT missing)::INTEGER AS ac_controls
      FROM (${CALLS_WITH_STATUS}) GROUP BY ALL`, { limit: 10_000 }))).map((r) => [`${r.chrom}:${r.pos}:${r.alt}`, r]));
    const before = await tableRows(full.resultTable, 'variant_id');
    const after = await tableRows(hidden.resultTable, 'variant_id');
    expect(after).toHaveLength(counted.size);
    const small = (x: unknown) => Number(x) > 0 && Number(x) < min;
    let primary = 0;
    before.forEach((row, i) => {
      const text = counted.get(`${row.chrom}:${row.pos}:${row.alt}`)!;
      expect([row.ac_cases, row.ac_controls]).toEqual([text.ac_cases, text.ac_controls]);
      const shown = after[i]!;
      const [casesSmall, controlsSmall] = [small(text.ac_cases), small(text.ac_controls)];
      expect(shown.ac_cases === null).toBe(casesSmall);
      expect(shown.ac_controls === null).toBe(controlsSmall);
      for (const c of STATISTICS) expect(shown[c], c).toEqual(casesSmall || controlsSmall ? null : row[c]);
      expect(shown.hwe_p).toEqual(controlsSmall ? null : row.hwe_p);
      expect([shown.an_cases, shown.an_controls]).toEqual([row.an_cases, row.an_controls]);
      primary += Number(casesSmall) + Number(controlsSmall);
    });
    expect(primary).toBeGreaterThan(20);
    expect(hidden.suppression.minCellCount).toBe(min);
    expect(hidden.page.suppression).toEqual(hidden.suppression);
  });

  it('hides small carrier counts of the burden table, with the odds ratio and Fisher\'s p', async () => {
    // Carriers per window and group: samples with a copy of any variant of the window (missing calls carry nothing)
    const counted = new Map((await rowsOf(engine.query(`SELECT chrom || '_' || (pos // 100000) AS gene,
        count(DISTINCT sample) FILTER (WHERE status = 1 AND copies > 0)::INTEGER AS carriers_cases,
        count(DISTINCT sample) FILTER (WHERE status = 0 AND copies > 0)::INTEGER AS carriers_controls
      FROM (${CALLS_WITH_STATUS}) GROUP BY ALL`, { limit: 10_000 }))).map((r) => [r.gene, r]));
    const before = await tableRows(full.burdenTable!, 'gene');
    const after = await tableRows(hidden.burdenTable!, 'gene');
    expect(before.length).toBeGreaterThan(5);
    const small = (x: unknown) => Number(x) > 0 && Number(x) < min;
    let primary = 0;
    before.forEach((row, i) => {
      const text = counted.get(row.gene)!;
      expect([row.carriers_cases, row.carriers_controls]).toEqual([text.carriers_cases, text.carriers_controls]);
      const shown = after[i]!;
      const [casesSmall, controlsSmall] = [small(row.carriers_cases), small(row.carriers_controls)];
      expect([shown.carriers_cases === null, shown.carriers_controls === null]).toEqual([casesSmall, controlsSmall]);
      expect([shown.or, shown.p_fisher]).toEqual(casesSmall || controlsSmall ? [null, null] : [row.or, row.p_fisher]);
      expect([shown.cases, shown.controls]).toEqual([row.cases, row.controls]);
      primary += Number(casesSmall) + Number(controlsSmall);
    });
    expect(primary).toBeGreaterThan(0);
    // the association's own small counts plus the burden table's
    const associationPrimary = (await tableRows(hidden.resultTable, 'variant_id')).reduce((n, r) => n + Number(r.ac_cases === null) + Number(r.ac_controls === null), 0);
    expect(hidden.suppression).toEqual({
      minCellCount: min, columns: ['ac_cases', 'ac_controls', 'carriers_cases', 'carriers_controls'], primary: associationPrimary + primary, complementary: 0,
    });
    expect(full.suppression).toEqual({ minCellCount: 0, columns: [], primary: 0, complementary: 0 });
  });
});
