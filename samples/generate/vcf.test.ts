import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITTED_SMALL, SqlSession, sqlPath } from './duckdb-testkit.js';
import { NSAID_GI_BLEED_EFFECT, PHARMACOGENOMIC_SITES, VARIANT_ASSOCIATION_EFFECT } from './effects.js';
import type { SampleManifest } from './generate.js';
import { phenotypeColumn } from './vcf.js';

const directory = join(COMMITTED_SMALL, 'vcf');
const vcfPath = join(directory, 'cohort.vcf');
const manifest = JSON.parse(readFileSync(join(COMMITTED_SMALL, 'manifest.json'), 'utf8')) as SampleManifest;
const lines = readFileSync(vcfPath, 'utf8').split('\n').slice(0, -1);
const metaLines = lines.filter((line) => line.startsWith('##'));
const header = (lines[metaLines.length] ?? '').split('\t');
const records = lines.slice(metaLines.length + 1).map((line) => line.split('\t'));

let sql: SqlSession;

beforeAll(async () => {
  sql = await SqlSession.open();
  await sql.run(`create table vcf as select * from read_csv(${sqlPath(vcfPath)}, delim = '\t', skip = ${metaLines.length}, header = true, all_varchar = true)`);
  await sql.run(`create table phenotype as select * from read_csv(${sqlPath(join(directory, 'phenotype.tsv'))}, delim = '\t', header = true)`);
  await sql.run(`create table vcf_sample as select * from read_csv(${sqlPath(join(directory, 'samples.tsv'))}, delim = '\t', header = true)`);
});
afterAll(() => sql.close());

describe('cohort VCF', () => {
  it('has a VCF 4.2 header with contig lengths, INFO AC/AN/AF and FORMAT GT:DP:GQ', () => {
    expect(metaLines[0]).toBe('##fileformat=VCFv4.2');
    expect(metaLines).toContain('##contig=<ID=chr10,length=133797422,assembly=GRCh38>');
    for (const id of ['AC', 'AN', 'AF']) expect(metaLines.some((line) => line.startsWith(`##INFO=<ID=${id},`)), id).toBe(true);
    for (const id of ['GT', 'DP', 'GQ']) expect(metaLines.some((line) => line.startsWith(`##FORMAT=<ID=${id},`)), id).toBe(true);
    expect(header.slice(0, 9)).toEqual(['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT']);
    expect(header.length - 9).toBe(manifest.contents.vcfSamples);
    expect(records.length).toBe(manifest.contents.vcfVariants);
  });

  it('sorts records by contig (header order) and position', () => {
    const contigs = metaLines.filter((line) => line.startsWith('##contig')).map((line) => /ID=([^,>]+)/.exec(line)?.[1]);
    const keys = records.map(([chrom, pos]) => contigs.indexOf(chrom) * 1e10 + Number(pos));
    expect(keys.every((key, i) => i === 0 || key > (keys[i - 1] as number))).toBe(true);
    expect(records.every(([chrom]) => contigs.includes(chrom))).toBe(true);
  });

  it('computes AC, AN and AF from the genotypes, multi-allelic sites and missing calls included', () => {
    let multiAllelic = 0;
    let missing = 0;
    for (const record of records) {
      const alts = (record[4] ?? '').split(',');
      if (alts.length > 1) multiAllelic++;
      const counts = alts.map(() => 0);
      let called = 0;
      for (const cell of record.slice(9)) {
        const gt = cell.split(':')[0] ?? '';
        if (gt === './.') {
          missing++;
          continue;
        }
        for (const allele of gt.split('/').map(Number)) {
          called++;
          if (allele > 0) counts[allele - 1] = (counts[allele - 1] ?? 0) + 1;
        }
      }
      const info = Object.fromEntries((record[7] ?? '').split(';').map((entry) => entry.split('=')));
      expect(info.AC).toBe(counts.join(','));
      expect(Number(info.AN)).toBe(called);
      const frequencies = String(info.AF).split(',').map(Number);
      frequencies.forEach((frequency, i) => expect(frequency).toBeCloseTo((counts[i] ?? 0) / called, 3));
    }
    expect(multiAllelic).toBe(manifest.realized.vcf.multiAllelicVariants);
    expect(multiAllelic).toBeGreaterThan(0);
    expect(missing).toBe(manifest.realized.vcf.missingCalls);
    expect(missing).toBeGreaterThan(0);
  });

  it('carries the CYP2C19 and CYP2C9 sites with their rsids', () => {
    for (const site of PHARMACOGENOMIC_SITES) {
      const record = records.find(([chrom, pos]) => chrom === site.chrom && Number(pos) === site.pos);
      expect(record?.slice(2, 5), site.rsid).toEqual([site.rsid, site.ref, site.alt]);
    }
  });

  it('links every sample to an OMOP person, and phenotypes to the OMOP outcome', async () => {
    await sql.run(`create table condition_occurrence as select * from read_csv(${sqlPath(join(COMMITTED_SMALL, 'omop', 'condition_occurrence.csv'))}, header = true)`);
    await sql.run(`create table person as select * from read_csv(${sqlPath(join(COMMITTED_SMALL, 'omop', 'person.csv'))}, header = true)`);
    const column = phenotypeColumn();
    const check = await sql.one(`
      select count(*) as samples,
             count(p.person_id) as linked,
             count(*) filter (where ph.${column} = (exists (select 1 from condition_occurrence c where c.person_id = s.person_id
               and c.condition_concept_id = ${NSAID_GI_BLEED_EFFECT.outcome.conceptId}))::int) as phenotype_agrees
      from vcf_sample s left join person p using (person_id) join phenotype ph using (sample)`);
    expect(check).toEqual({ samples: manifest.contents.vcfSamples, linked: manifest.contents.vcfSamples, phenotype_agrees: manifest.contents.vcfSamples });
    expect(header.slice(9)).toEqual((await sql.rows(`select sample from vcf_sample order by sample`)).map((row) => row.sample));
  });
});

describe('planted genetic association', () => {
  it('shows the documented case and control allele frequencies at the planted site', async () => {
    const effect = VARIANT_ASSOCIATION_EFFECT;
    const samples = header.slice(9).map((name) => `"${name}"`).join(', ');
    const rows = await sql.rows(`
      with calls as (
        unpivot (select * from vcf where "#CHROM" = '${effect.chrom}' and POS = '${effect.pos}')
        on ${samples} into name sample value call
      ), alleles as (
        select sample, split_part(call, ':', 1) as gt from calls where split_part(call, ':', 1) <> './.'
      )
      select ph.${phenotypeColumn()} as is_case,
             sum((split_part(gt, '/', 1) <> '0')::int + (split_part(gt, '/', 2) <> '0')::int) / (2 * count(*)) as alt_frequency,
             2 * count(*) as alleles
      from alleles join phenotype ph using (sample) group by is_case order by is_case desc`);
    const [cases, controls] = rows as { alt_frequency: number; alleles: number }[];
    if (!cases || !controls) throw new Error('expected both cases and controls');
    // Tolerance: three binomial standard errors around each true frequency.
    const tolerance = (p: number, n: number): number => 3 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(cases.alt_frequency - effect.caseAlleleFrequency)).toBeLessThan(tolerance(effect.caseAlleleFrequency, cases.alleles));
    expect(Math.abs(controls.alt_frequency - effect.controlAlleleFrequency)).toBeLessThan(tolerance(effect.controlAlleleFrequency, controls.alleles));
    expect(cases.alt_frequency - controls.alt_frequency).toBeGreaterThan(0.1);
    expect(cases.alt_frequency).toBeCloseTo(manifest.realized.vcf.plantedCaseAlleleFrequency, 3);
    expect(controls.alt_frequency).toBeCloseTo(manifest.realized.vcf.plantedControlAlleleFrequency, 3);
  });
});
