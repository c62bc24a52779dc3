import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runPmwProcess } from '../testing/run-pmw-process.js';

// The bundled synthetic VCF and its planted association at chr22:36201447 G>A (samples/small/manifest.json).
const VCF_DIR = join(REPO_ROOT, 'samples/small/vcf');
const ASSOC_COLUMNS = 'variant_id,chrom,pos,ref,alt,rsid,ac_cases,an_cases,ac_controls,an_controls,af,hwe_p,chisq,p_chisq,p_fisher,or,or_lo,or_hi,p_trend';

describe('pmw variants, assoc, pgx', () => {
  let dataDir: string;
  let workspace: string;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-variants-cli-'));
    workspace = join(dataDir, 'ws.duckdb');
    const imported = await pmw('import', join(VCF_DIR, 'cohort.vcf'), '--name', 'vcf', '--samples', join(VCF_DIR, 'samples.tsv'));
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('assoc ranks the planted variant first and writes the documented columns', async () => {
    const out = join(dataDir, 'assoc.csv');
    const result = await pmw('assoc', '--dataset', 'vcf', '--pheno', join(VCF_DIR, 'phenotype.tsv'), '--sort', 'p_fisher', '--limit', '1', '--format', 'csv', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    const [header, first] = result.stdout.trim().split('\n');
    expect(header).toBe(ASSOC_COLUMNS);
    expect(first!.split(',').slice(1, 5)).toEqual(['chr22', '36201447', 'G', 'A']);
    const written = (await readFile(out, 'utf8')).trim().split('\n');
    expect(written[0]).toMatch(/^# small-cell policy: /); // the policy the export was made under
    expect(written[1]).toBe(ASSOC_COLUMNS);
    expect(result.stderr).toMatch(/variants; \d+ cases, \d+ controls/);
  });

  it('variants by region and their carriers; pgx reports its source and what it cannot call', async () => {
    const region = await pmw('variants', '--dataset', 'vcf', '--region', 'chr22:36201447-36201447', '--format', 'csv');
    expect(region.code, region.stderr).toBe(0);
    expect(region.stdout).toMatch(/36201447/);
    const chr22 = await pmw('variants', '--dataset', 'vcf', '--region', 'chr22', '--limit', '500', '--format', 'csv');
    expect(chr22.code, chr22.stderr).toBe(0);
    // rare variants: their small carrier counts are hidden with the counts that would give them away (—)
    expect(chr22.stdout).toMatch(/,—,/);
    expect(chr22.stderr).toMatch(/small-cell policy: counts below 5 shown as <5, .*; \d+ small counts hidden, \d+ more to protect them \(shown as —\)/);
    const carriers = await pmw('variants', '--dataset', 'vcf', '--carriers', '--variant', '999999999', '--format', 'csv');
    expect(carriers.code).toBe(0);
    expect(carriers.stdout.trim().split('\n').length).toBe(1); // a header and no carrier of an unknown variant
    const pgx = await pmw('pgx', '--dataset', 'vcf', '--gene', 'HLA-B', '--format', 'csv');
    expect(pgx.code, pgx.stderr).toBe(0);
    expect(pgx.stdout).toMatch(/not determinable/i);
    expect(pgx.stderr).toMatch(/CPIC/);
  });

  it('exits 2 for a wrong command line', async () => {
    expect((await pmw('assoc', '--dataset', 'vcf')).code).toBe(2);
    expect((await pmw('assoc', '--dataset', 'vcf', '--pheno', 'x', '--cases', 'y')).code).toBe(2);
    expect((await pmw('variants', '--dataset', 'vcf')).code).toBe(2);
    expect((await pmw('pgx', '--dataset', 'vcf', '--cross-tab', 'CYP2C19')).code).toBe(2);
  });
});
