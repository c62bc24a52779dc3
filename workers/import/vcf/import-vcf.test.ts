import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRows } from '../../../test/helpers/page-rows.js';
import { FIXTURES, useTempDir } from '../../../test/helpers/temp-dir.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { vcfText, writeVcf } from './testing/vcf-text.js';

const VCF = join(FIXTURES, 'vcf');
const EXPECTED = JSON.parse(readFileSync(join(VCF, 'bcftools-expected.json'), 'utf8')) as {
  files: Record<string, { records: number; variants: number; samples: number; ac: number; an: number }>;
};
const SAMPLES = new URL('../../../samples/small/vcf/', import.meta.url).pathname;

describe('importVcf', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
  });
  afterEach(async () => {
    await engine.close();
  });

  async function rows(sql: string): Promise<unknown[][]> {
    return pageRows(await engine.query(sql, { limit: 10_000 }));
  }

  it.each(Object.keys(EXPECTED.files))('%s: records, split variants, samples and per-ALT AC/AN equal bcftools', async (file) => {
    const expected = EXPECTED.files[file]!;
    const result = await engine.importFile({ path: join(VCF, file), name: 'v' });
    expect(result.dataset.kind).toBe('vcf');
    expect(result.counts).toMatchObject({ records: expected.records, variants: expected.variants, samples: expected.samples });
    const [[ac, an]] = await rows('SELECT sum(ac)::INTEGER, sum(an)::INTEGER FROM v.variant') as [[number, number]];
    expect({ ac: ac ?? 0, an: an ?? 0 }).toEqual({ ac: expected.ac, an: expected.an });
    // The sparse view holds exactly the non-reference and (partly) missing calls the packed bytes say.
    const [[sparse, fromCounts]] = await rows(`SELECT (SELECT count(*) FROM v.genotype)::INTEGER,
      (SELECT sum(ac)::INTEGER FROM v.variant) - (SELECT coalesce(sum(alt_count), 0)::INTEGER FROM v.genotype)`) as [[number, number]];
    expect(sparse).toBe(result.counts!.sparseCalls);
    expect(fromCounts ?? 0).toBe(0);
  });

  it('the bundled cohort: linked through samples.tsv, and the planted variant has AF 0.30 in cases and 0.10 in controls', async () => {
    const result = await engine.importFile({ path: join(SAMPLES, 'cohort.vcf'), vcf: { samples: join(SAMPLES, 'samples.tsv') } });
    expect(result.dataset.name).toBe('cohort');
    expect(result.counts).toMatchObject({ samples: 200, records: 500, linkedSamples: 200, vcfVersion: 4.2 });
    const [[cases, controls]] = await rows(`WITH pheno AS (SELECT * FROM read_csv('${join(SAMPLES, 'phenotype.tsv')}', delim = '\t', header = true))
      SELECT
        sum(g.alt_count) FILTER (WHERE p.gastrointestinal_hemorrhage = 1) / (2 * 100),
        sum(g.alt_count) FILTER (WHERE p.gastrointestinal_hemorrhage = 0) / (2 * 100)
      FROM cohort.variant v JOIN cohort.genotype g USING (variant_id) JOIN pheno p ON p.sample = g.sample
      WHERE v.chrom = 'chr22' AND v.pos = 36201447 AND v.ref = 'G' AND v.alt = 'A'`) as [[number, number]];
    expect(cases).toBeCloseTo(0.3, 1);
    expect(controls).toBeCloseTo(0.1, 1);
    expect(await rows('SELECT count(*)::INTEGER FROM cohort.vcf_sample s JOIN cohort.sample USING (sample)')).toEqual([[200]]);
  });

  it('VEP CSQ: entries by the header field order, matched to split ALTs by ALLELE_NUM, the most severe on the variant', async () => {
    const result = await engine.importFile({ path: join(VCF, 'bcftools_split-vep_CSQ.vcf'), name: 'vep' });
    expect(result.counts!.annotations).toBeGreaterThan(800);
    expect(await rows(`SELECT v.alt, a.gene, a.consequence, a.impact, a.feature, a.biotype, a.hgvs_c FROM vep.annotation a JOIN vep.variant v USING (variant_id)
      WHERE v.pos = 14976 AND a.feature = 'ENST00000423562' ORDER BY v.alt`)).toEqual([
      ['A', 'WASH7P', 'non_coding_transcript_exon_variant', 'MODIFIER', 'ENST00000423562', 'unprocessed_pseudogene', 'ENST00000423562.1:n.1196C>T'],
      ['C', 'WASH7P', 'non_coding_transcript_exon_variant', 'MODIFIER', 'ENST00000423562', 'unprocessed_pseudogene', 'ENST00000423562.1:n.1196C>G'],
    ]);
    const [[unmatched]] = await rows(`SELECT count(*)::INTEGER FROM vep.variant v WHERE v.impact IS NOT NULL AND v.impact <> (
      SELECT CASE max(CASE a.impact WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 WHEN 'MODIFIER' THEN 1 END)
        WHEN 4 THEN 'HIGH' WHEN 3 THEN 'MODERATE' WHEN 2 THEN 'LOW' ELSE 'MODIFIER' END FROM vep.annotation a WHERE a.variant_id = v.variant_id)`) as [[number]];
    expect(unmatched).toBe(0);
  });

  it('SnpEff EFF: effect, impact, gene and transcript from EFFECT(IMPACT|…)', async () => {
    await engine.importFile({ path: join(VCF, 'cyvcf2_snpeff_EFF.vcf'), name: 'eff' });
    expect(await rows(`SELECT v.pos, v.gene, v.consequence, v.impact, v.hgvs_p FROM eff.variant v WHERE v.pos IN (69270, 69428) ORDER BY v.pos`)).toEqual([
      [69270, 'OR4F5', 'SYNONYMOUS_CODING', 'LOW', 'S60'],
      [69428, 'OR4F5', 'NON_SYNONYMOUS_CODING', 'MODERATE', 'F113C'],
    ]);
    expect(await rows(`SELECT count(*)::INTEGER, count(DISTINCT source) FROM eff.annotation`)).toEqual([[expect.any(Number), 1n]]);
    // GQ is a Float in this file: rounded to an integer.
    expect(await rows(`SELECT g.gt, g.dp, g.gq FROM eff.genotype g JOIN eff.variant v USING (variant_id) WHERE v.pos = 69270 ORDER BY g.sample_idx`)).toEqual([
      ['./.', null, null], ['./.', null, null], ['1/1', 3, 9], ['1/1', 6, 18],
    ]);
  });

  it('plain, gzip (several members) and bgzip copies of one file give the same tables', async () => {
    const text = readFileSync(join(VCF, 'hail_x-chromosome.vcf'), 'utf8');
    const copies = [writeVcf(temp(), 'x.vcf', text), writeVcf(temp(), 'x.vcf.gz', text, 3), join(VCF, 'hail_sample.100s.chr20.vcf.bgz')];
    const digest = async (name: string) => rows(`SELECT count(*), sum(hash(v.chrom, v.pos, v.alt, v.ac, v.an, v.n_het)), (SELECT sum(hash(calls)) FROM ${name}.genotype_packed) FROM ${name}.variant v`);
    await engine.importFile({ path: copies[0]!, name: 'plain' });
    await engine.importFile({ path: copies[1]!, name: 'gzipped', onDuplicate: 'import' });
    expect(await digest('gzipped')).toEqual(await digest('plain'));
    const bgzf = await engine.importFile({ path: copies[2]!, name: 'bgzf' });
    expect(bgzf.counts).toMatchObject({ records: 346, variants: 346 });
  });

  it('types INFO columns from the header, keeps undeclared keys as text, decodes 4.3 percent-encoding, renames repeated samples', async () => {
    const text = vcfText(['s1', 's1'], ['chr1\t5\t.\tA\tG,T\t.\tPASS\tAC=1,2;AN=4;NOTE=a%3Bb;XY=z\tGT\t0/1\t2/2'])
      .replace('VCFv4.2', 'VCFv4.3');
    const result = await engine.importFile({ path: writeVcf(temp(), 'typed.vcf', text), name: 'typed' });
    expect(await rows('SELECT alt, info_ac, info_an, info_note, info_xy, info_db FROM typed.variant ORDER BY variant_id')).toEqual([
      ['G', 1, 4, 'a;b', 'z', false], ['T', 2, 4, 'a;b', 'z', false],
    ]);
    expect(await rows('SELECT sample FROM typed.sample ORDER BY sample_idx')).toEqual([['s1'], ['s1_2']]);
    expect(result.warnings).toEqual(expect.arrayContaining([
      '1 repeated sample name was renamed: s1 → s1_2',
      'INFO keys used but not declared in the header, kept as text: XY (info_xy)',
    ]));
    expect(await rows(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'typed' AND table_name = 'variant' AND column_name LIKE 'info_%' ORDER BY ordinal_position`)).toEqual([
      ['info_ac', 'INTEGER'], ['info_an', 'INTEGER'], ['info_ad', 'INTEGER[]'], ['info_gl', 'DOUBLE[]'], ['info_db', 'BOOLEAN'], ['info_note', 'VARCHAR'], ['info_xy', 'VARCHAR'],
    ]);
  });

  it('the genotype view gives each sparse call with its sample, GT as written, DP and GQ', async () => {
    const text = vcfText(['a', 'b', 'c'], ['chr1\t7\trs7\tC\tT\t30\tPASS\t.\tGT:DP:GQ\t0|0:10:40\t1|0:12:30\t./1:.:9']);
    await engine.importFile({ path: writeVcf(temp(), 'view.vcf', text), name: 'view' });
    expect(await rows('SELECT variant_id, sample_idx, sample, alt_count, called, phased, gt, dp, gq, code FROM view.genotype ORDER BY sample_idx')).toEqual([
      [0, 1, 'b', 1, 2, true, '1|0', 12, 30, 0x51],
      [0, 2, 'c', 1, 1, false, './1', null, 9, 0x89],
    ]);
    expect(await rows('SELECT rsid, qual, ac, an, n_hom_ref, n_het, n_hom_alt, n_missing, n_half, line FROM view.variant')).toEqual([['rs7', 30, 2, 5, 1, 1, 0, 0, 1, 13n]]);
  });
});
