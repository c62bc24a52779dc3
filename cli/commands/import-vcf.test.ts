import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runPmwProcess } from '../testing/run-pmw-process.js';
import { vcfRequestParts } from './import-vcf.js';

const COHORT = join(REPO_ROOT, 'samples/small/vcf');

describe('pmw import: VCF options', () => {
  it('--samples implies --kind vcf and goes with no other kind', () => {
    expect(vcfRequestParts({}, 'auto')).toEqual({});
    expect(vcfRequestParts({ samples: 's.tsv' }, 'auto')).toEqual({ kind: 'vcf', vcf: { samples: 's.tsv' } });
    expect(() => vcfRequestParts({ samples: 's.tsv' }, 'omop')).toThrow('--samples goes with --kind vcf, not --kind omop');
  });
});

describe('pmw import and pmw link end to end: a VCF', () => {
  let dataDir: string;
  let workspace: string;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-cli-vcf-'));
    workspace = join(dataDir, 'vcf.duckdb');
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('imports the bundled cohort VCF (kind from the content) with its sample mapping, then relinks it', async () => {
    const result = await pmw('import', join(COHORT, 'cohort.vcf'), '--samples', join(COHORT, 'samples.tsv'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^imported .*cohort\.vcf as dataset cohort \(vcf, VCFv4\.2\)\n/);
    expect(result.stdout).toMatch(/samples\s+200\n/);
    expect(result.stdout).toMatch(/records\s+500\n/);
    expect(result.stdout).toMatch(/samples linked to persons\s+200\n/);
    expect(result.stdout).toMatch(/cohort\.genotype\s+[\d,]+ rows \(a view over cohort\.genotype_calls\)/);
    await writeFile(join(dataDir, 'map.csv'), 'sample,person_id\nS00001,4\nNOPE,5\n');
    const link = await pmw('link', 'cohort', join(dataDir, 'map.csv'));
    expect(link.stdout).toBe(`linked 1 sample of cohort to persons\nwarning: 1 sample of ${join(dataDir, 'map.csv')} is not in the VCF: NOPE\n`);
    const query = await pmw('query', 'select sample, person_id from cohort.vcf_sample', '--format', 'csv');
    expect(query.stdout).toBe('sample,person_id\nS00001,4\n');
  });

  it('a bad VCF fails with exit code 1 and the line', async () => {
    await writeFile(join(dataDir, 'bad.vcf'), '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr1\tx\t.\tA\tG\t.\t.\t.\n');
    const result = await pmw('import', join(dataDir, 'bad.vcf'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3 of bad\.vcf: POS "x" is not a position/);
  });
});
