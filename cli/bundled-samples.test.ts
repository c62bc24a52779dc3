import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSampleImports, samplesDirectory, sampleTableName } from './bundled-samples.js';

describe('planSampleImports', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'pmw-samples-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('imports OMOP CSV as omop_<file>, the FAERS folder as one faers dataset, and skips VCF with a note', async () => {
    await mkdir(join(directory, 'omop'));
    await mkdir(join(directory, 'faers'));
    await mkdir(join(directory, 'vcf'));
    await writeFile(join(directory, 'omop', 'person.csv'), 'person_id\n1\n');
    await writeFile(join(directory, 'omop', 'README.md'), 'not data');
    await writeFile(join(directory, 'faers', 'DEMO24Q1.txt'), 'primaryid$sex\n1$F\n');
    await writeFile(join(directory, 'vcf', 'cohort.vcf'), '##fileformat=VCFv4.2\n');
    const plan = await planSampleImports(directory);
    expect(plan.found).toBe(true);
    expect(plan.imports.map((i) => [i.name, i.kind, i.path])).toEqual([
      ['faers', 'faers', join(directory, 'faers')],
      ['omop_person', undefined, join(directory, 'omop', 'person.csv')],
    ]);
    expect(plan.notes).toEqual(['skipped vcf/: VCF import arrives with the genomics work']);
  });

  it('reports a missing folder as not found', async () => {
    expect(await planSampleImports(join(directory, 'absent'))).toEqual({ found: false, imports: [], notes: [] });
  });
});

describe('sampleTableName', () => {
  it('lower-cases the file stem, dropping .gz and the extension', () => {
    expect(sampleTableName('faers_', 'DRUG24Q2.txt.gz')).toBe('faers_drug24q2');
    expect(sampleTableName('omop_', 'condition_occurrence.csv')).toBe('omop_condition_occurrence');
  });
});

describe('samplesDirectory', () => {
  it('is samples/small of this checkout unless PMW_SAMPLES_DIR says otherwise', () => {
    expect(samplesDirectory({})).toBe(join(process.cwd(), 'samples', 'small'));
    expect(samplesDirectory({ PMW_SAMPLES_DIR: '/tmp/s' })).toBe('/tmp/s');
  });
});
