import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../../test/helpers/temp-dir.js';
import { resolveImportKind } from './detect-import-kind.js';
import { SAMPLE_FAERS, writeFiles } from './testing/faers-fixture.js';
import { writeZip } from './testing/write-zip.js';

describe('resolveImportKind', () => {
  const temp = useTempDir();

  it('a folder or zip of FAERS quarters is faers; a plain file, an unrelated zip or a damaged zip not named .zip is a table', async () => {
    expect(await resolveImportKind({ path: SAMPLE_FAERS })).toBe('faers');
    const faersZip = join(temp(), 'q.zip');
    writeZip(faersZip, [{ name: 'faers_ascii_2024Q1/ASCII/REAC24Q1.txt', data: readFileSync(join(SAMPLE_FAERS, 'REAC24Q1.txt')) }]);
    expect(await resolveImportKind({ path: faersZip, kind: 'auto' })).toBe('faers');

    const csvZip = join(temp(), 'caers.zip');
    writeZip(csvZip, [{ name: 'caers.csv', data: readFileSync(join(FIXTURES, 'caers.csv')) }]);
    expect(await resolveImportKind({ path: csvZip })).toBe('table');
    expect(await resolveImportKind({ path: join(FIXTURES, 'caers.csv') })).toBe('table');
    expect(await resolveImportKind({ path: join(temp(), 'missing.csv') })).toBe('table');
    const damaged = writeFiles(temp(), { 'damaged.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(await resolveImportKind({ path: join(damaged, 'damaged.csv') })).toBe('table');
    writeFiles(temp(), { 'damaged.zip': Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    await expect(resolveImportKind({ path: join(temp(), 'damaged.zip') })).rejects.toMatchObject({ code: 'FILE_COMPRESSION' });
  });

  it('an explicit kind is taken as given; a folder without FAERS files is refused under auto', async () => {
    expect(await resolveImportKind({ path: SAMPLE_FAERS, kind: 'table' })).toBe('table');
    const folder = writeFiles(join(temp(), 'notes'), { 'a.txt': 'x' });
    await expect(resolveImportKind({ path: folder })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/is a folder, and holds no FAERS quarterly files/) as unknown as string });
  });

  it('a folder holding a person table in any case (or any request with an OMOP mapping) is omop; FAERS is looked for first', async () => {
    for (const name of ['PERSON.csv', 'person.parquet', 'Person.tsv', 'cdm/PERSON.csv.gz']) {
      const folder = writeFiles(join(temp(), name.replace(/\W/g, '_')), { [name]: 'person_id\n1\n' });
      expect([name, await resolveImportKind({ path: folder })]).toEqual([name, 'omop']);
    }
    expect(await resolveImportKind({ path: temp(), omop: { mapping: 'map.json' } })).toBe('omop');
    const both = writeFiles(join(temp(), 'both'), { 'PERSON.csv': 'person_id\n1\n', 'DEMO24Q1.txt': readFileSync(join(SAMPLE_FAERS, 'DEMO24Q1.txt')) });
    expect(await resolveImportKind({ path: both })).toBe('faers');
  });

  it('a VCF is found by its content (plain, gzip or BGZF) or its name; --samples implies it', async () => {
    const vcf = join(FIXTURES, 'vcf');
    for (const name of ['hail_haploid.vcf', 'bio2zarr_1kg2020_chrM.vcf.gz', 'hail_sample.100s.chr20.vcf.bgz']) {
      expect([name, await resolveImportKind({ path: join(vcf, name) })]).toEqual([name, 'vcf']);
    }
    const renamed = writeFiles(temp(), { 'calls.txt': readFileSync(join(vcf, 'hail_haploid.vcf')), 'damaged.vcf': 'not a vcf' });
    expect(await resolveImportKind({ path: join(renamed, 'calls.txt') })).toBe('vcf');
    expect(await resolveImportKind({ path: join(renamed, 'damaged.vcf') })).toBe('vcf');
    expect(await resolveImportKind({ path: join(FIXTURES, 'caers.csv'), vcf: { samples: 'map.tsv' } })).toBe('vcf');
  });
});
