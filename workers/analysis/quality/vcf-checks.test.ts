import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/helpers/temp-dir.js';
import type { Dataset, QualityReport } from '../../engine/api.js';
import { counts, expectClean, expectCounts, expectFailed, expectListingsMatch, qualityWorkspace, type QualityWorkspace } from './testing.js';

const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;

const VARIANT = 'variant_id INTEGER, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR';

/**
 * 10 variants: row 1 repeats row 0's (chrom, pos, ref, alt); chrom, pos and alt missing once each; REF `R`
 * (an IUPAC code VCF does not allow in REF); ALT `X` and an unsplit `T,C`. Of the 7 rows with a whole key,
 * 2 share it. Samples: S2 twice. Links: S3 is no sample of the VCF, person 99 is in no OMOP dataset, S2
 * linked twice.
 */
const BAD = {
  variant: ["0, '1', 100, 'A', 'G'", "1, '1', 100, 'A', 'G'", "2, NULL, 200, 'C', 'T'", "3, '1', NULL, 'AC', '<DEL>'", "4, '1', 300, 'R', 'T'",
    "5, '1', 400, 'G', 'X'", "6, '2', 500, 'T', NULL", "7, '2', 600, 'N', 'G]17:198982]'", "8, '2', 700, 'g', '*'", "9, '2', 800, 'T', 'T,C'"],
  sample: ["0, 'S1'", "1, 'S2'", "2, 'S2'"],
  vcf_sample: ["'S1', 1", "'S3', 2", "'S2', 99", "'S2', NULL"],
};
/** Every allele form VCF 4.3 allows: bases in either case, `*`, symbolic alleles, mated and single breakends. */
const GOOD = {
  variant: ["0, '1', 100, 'A', 'G'", "1, '1', 100, 'A', 'GT'", "2, '1', 200, 'acgtn', 'c'", "3, '1', 300, 'T', '<DUP:TANDEM>'", "4, '1', 400, 'G', '<*>'",
    "5, '2', 500, 'T', '*'", "6, '2', 600, 'G', 'G]17:198982]'", "7, '2', 700, 'T', ']13:123456]T'", "8, '2', 800, 'C', 'C[<ctg1>:7['",
    "9, '2', 900, 'A', '[17:198983[A'", "10, '3', 100, 'A', '.A'", "11, '3', 200, 'G', 'G.'"],
  sample: ["0, 'S1'", "1, 'S2'"],
  vcf_sample: ["'S1', 1", "'S2', 2"],
};

const EXPECTED: Record<string, [number, number]> = {
  'completeness.variant.chrom': [1, 10],
  'completeness.variant.pos': [1, 10],
  'completeness.variant.alt': [1, 10],
  'conformance.vcf_ref.variant.ref': [1, 10],
  'conformance.vcf_alt.variant.alt': [2, 9],
  'uniqueness.key.variant': [2, 7],
  'uniqueness.key.sample': [2, 3],
  'integrity.sample.vcf_sample': [1, 4],
  'integrity.person.vcf_sample': [1, 3],
  'uniqueness.key.vcf_sample': [2, 4],
};

describe('checks of VCF datasets', () => {
  let ws: QualityWorkspace;
  let bad: Dataset;
  let good: Dataset;
  /** The bad dataset's report before the workspace had an OMOP dataset. */
  let alone: Omit<QualityReport, 'elapsedMs'>;

  async function vcfSchema(schema: string, rows: typeof BAD): Promise<Dataset> {
    await ws.run(`CREATE SCHEMA ${schema}`);
    await ws.table(`${schema}.variant`, VARIANT, rows.variant);
    await ws.table(`${schema}.sample`, 'sample_idx INTEGER, sample VARCHAR', rows.sample);
    await ws.table(`${schema}.vcf_sample`, 'sample VARCHAR, person_id BIGINT', rows.vcf_sample);
    return ws.dataset('vcf', schema, ['variant', 'sample', 'vcf_sample'].map((t) => `${schema}.${t}`));
  }

  beforeAll(async () => {
    ws = await qualityWorkspace();
    bad = await vcfSchema('vbad', BAD);
    good = await vcfSchema('vgood', GOOD);
    alone = await ws.report(bad);
    await ws.run('CREATE SCHEMA clinic');
    await ws.table('clinic.person', 'person_id BIGINT, year_of_birth INTEGER', ['1, 1950', '2, 1960']);
    await ws.dataset('omop', 'clinic', ['clinic.person'], { catalog: true });
  });
  afterAll(() => ws.close());

  it('checks links against OMOP persons only when the workspace has an OMOP dataset', async () => {
    expect(alone.checks.map((c) => c.id)).not.toContain('integrity.person.vcf_sample');
    const linked = await ws.report(bad);
    expect(linked.checks.find((c) => c.id === 'integrity.person.vcf_sample')?.description).toBe('person_id not found in the persons of OMOP dataset clinic');
  });

  it('counts every planted problem exactly and fails exactly those checks', async () => {
    const report = await ws.report(bad);
    expectCounts(report, EXPECTED);
    expectFailed(report, EXPECTED);
    await expectListingsMatch(ws, report.checks);
  });

  it('passes every allele form the spec allows, unique keys and resolving links', async () => {
    const report = await ws.report(good);
    expectClean(report);
    expect(report.checks.filter((c) => c.failing > 0)).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it('passes the imported structural-variant fixture and the linked cohort sample', async () => {
    await ws.importFile({ path: join(SAMPLES, 'small/omop'), kind: 'omop', name: 'omop' });
    const sv = await ws.report(await ws.importFile({ path: join(FIXTURES, 'vcf/va_structural_symbolic.vcf'), kind: 'vcf', name: 'sv' }));
    const cohort = await ws.report(await ws.importFile({
      path: join(SAMPLES, 'small/vcf/cohort.vcf'), kind: 'vcf', name: 'cohort', vcf: { samples: join(SAMPLES, 'small/vcf/samples.tsv') },
    }));
    for (const report of [sv, cohort]) expectClean(report);
    expect(counts(sv, 'conformance.vcf_alt.variant.alt')[0]).toBe(0);
    const links = counts(cohort, 'integrity.person.vcf_sample');
    expect(links[0]).toBe(0);
    expect(links[1]).toBeGreaterThan(0);
  });
});
