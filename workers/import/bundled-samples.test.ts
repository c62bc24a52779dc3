import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gibleedDirectory, planSampleImports, samplesDirectory } from './bundled-samples.js';

describe('planSampleImports', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'pmw-samples-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('imports the OMOP folder as one omop dataset, the FAERS folder as one faers dataset, the cohort VCF linked by samples.tsv, and GiBleed', async () => {
    await mkdir(join(directory, 'omop'));
    await mkdir(join(directory, 'faers'));
    await mkdir(join(directory, 'vcf'));
    await mkdir(join(directory, 'gibleed'));
    await writeFile(join(directory, 'omop', 'person.csv'), 'person_id\n1\n');
    await writeFile(join(directory, 'faers', 'DEMO24Q1.txt'), 'primaryid$sex\n1$F\n');
    await writeFile(join(directory, 'vcf', 'cohort.vcf'), '##fileformat=VCFv4.2\n');
    await writeFile(join(directory, 'vcf', 'samples.tsv'), 'sample\tperson_id\n');
    const plan = await planSampleImports(directory, join(directory, 'gibleed'));
    expect(plan.found).toBe(true);
    expect(plan.imports.map((i) => [i.name, i.kind, i.path])).toEqual([
      ['faers', 'faers', join(directory, 'faers')],
      ['omop', 'omop', join(directory, 'omop')],
      ['vcf', 'vcf', join(directory, 'vcf', 'cohort.vcf')],
      ['gibleed', 'omop', join(directory, 'gibleed')],
    ]);
    expect(plan.imports[2]!.vcf).toEqual({ samples: join(directory, 'vcf', 'samples.tsv') });
    expect(plan.imports[3]!.licence).toMatch(/^Apache-2\.0 \(OHDSI Eunomia/);
    expect(plan.notes).toEqual(['skipped gibleed/: not a kind of sample pmw start imports']);
  });

  it('reports a missing folder as not found, and still plans GiBleed', async () => {
    expect(await planSampleImports(join(directory, 'absent'))).toEqual({ found: false, imports: [], notes: [] });
    const plan = await planSampleImports(join(directory, 'absent'), gibleedDirectory({}));
    expect(plan.imports.map((i) => i.name)).toEqual(['gibleed']);
    expect((await planSampleImports(directory, join(directory, 'no_gibleed'))).notes).toEqual([`skipped gibleed: ${join(directory, 'no_gibleed')} does not exist`]);
  });
});

describe('samplesDirectory and gibleedDirectory', () => {
  it('are samples/small and samples/gibleed of this checkout unless PMW_SAMPLES_DIR or PMW_GIBLEED_DIR say otherwise', () => {
    expect(samplesDirectory({})).toBe(join(process.cwd(), 'samples', 'small'));
    expect(samplesDirectory({ PMW_SAMPLES_DIR: '/tmp/s' })).toBe('/tmp/s');
    expect(gibleedDirectory({})).toBe(join(process.cwd(), 'samples', 'gibleed'));
    expect(gibleedDirectory({ PMW_GIBLEED_DIR: '/tmp/g' })).toBe('/tmp/g');
  });
});
