import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_TABLE_SQL, insertDataset } from '../../engine/catalog.js';
import { CASE, CONTROL } from './count-calls.js';
import { resolvePhenotype } from './phenotype.js';
import { readPhenotypeFile } from './phenotype-file.js';
import { fixtureDataset, fixtureWorkspace, packGenotype, writeVcfTables } from './testing.js';

const folder = mkdtempSync(join(tmpdir(), 'pmw-phenotype-'));
const SAMPLES = ['A', 'B', 'C', 'D', 'E'];

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('phenotype file', () => {
  it('reads case/control words with a header, tab-separated', async () => {
    const p = await readPhenotypeFile(file('words.tsv', 'sample\tstatus\nA\tcase\nB\tControl\nC\tNA\nD\tCASE\n'), SAMPLES);
    expect(Array.from(p.status)).toEqual([CASE, CONTROL, 0, CASE, 0]);
    expect([p.cases, p.controls, p.withoutPhenotype]).toEqual([2, 1, 2]);
    expect(p.warnings).toEqual(['2 of 5 samples have no case/control status and are left out']);
  });

  it('reads 1/0, comma-separated, without a header; -9 and empty are unknown', async () => {
    const p = await readPhenotypeFile(file('ones.csv', 'A,1\r\nB,0\r\nC,-9\r\nD,\r\nE,0\r\n'), SAMPLES);
    expect(Array.from(p.status)).toEqual([CASE, CONTROL, 0, 0, CONTROL]);
  });

  it('reads PLINK 2/1 when any 2 is present (0 is then unknown), and says so', async () => {
    const p = await readPhenotypeFile(file('plink.txt', 'A\t2\nB\t1\nC\t0\nD\t-9\nE\t2\n'), SAMPLES);
    expect(Array.from(p.status)).toEqual([CASE, CONTROL, 0, 0, CASE]);
    expect(p.warnings[0]).toMatch(/PLINK's coding/);
  });

  it('counts samples of the file that are not in the VCF', async () => {
    const p = await readPhenotypeFile(file('strangers.tsv', 'A\t1\nB\t0\nZ1\t1\nZ2\t0\n'), SAMPLES);
    expect(p.warnings[0]).toBe('2 samples of ' + join(folder, 'strangers.tsv') + ' are not in the VCF (Z1, Z2)');
  });

  it('refuses unknown values, extra fields and conflicting lines, naming the line', async () => {
    await expect(readPhenotypeFile(file('bad-value.tsv', 'A\t1\nB\tmaybe\n'), SAMPLES)).rejects.toMatchObject({ code: 'FILE_FORMAT', line: 2 });
    await expect(readPhenotypeFile(file('three.tsv', 'F1\tA\t1\n'), SAMPLES)).rejects.toThrow(/has 3 fields; a phenotype file has two/);
    await expect(readPhenotypeFile(file('conflict.tsv', 'A\t1\nA\t0\n'), SAMPLES)).rejects.toThrow(/line 2 .* gives A another status than line 1/);
    await expect(readPhenotypeFile(join(folder, 'absent.tsv'), SAMPLES)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('phenotype from two cohorts', () => {
  let ws: Awaited<ReturnType<typeof fixtureWorkspace>>;

  beforeAll(async () => {
    ws = await fixtureWorkspace();
    const calls = Uint8Array.from(SAMPLES, () => packGenotype('0/1', 1));
    // A, B, C, D linked to persons 1–4; D also to person 5; E unlinked.
    await writeVcfTables(ws.connection, 'vcf', SAMPLES, [{ chrom: '1', pos: 1, ref: 'A', alt: 'G', calls }],
      [{ sample: 'A', personId: 1 }, { sample: 'B', personId: 2 }, { sample: 'C', personId: 3 }, { sample: 'D', personId: 4 }, { sample: 'D', personId: 5 }]);
    await ws.connection.run(CATALOG_TABLE_SQL);
    await insertDataset(ws.connection, { ...fixtureDataset('cdm'), kind: 'omop' });
    await ws.connection.run('CREATE SCHEMA results');
    for (const [name, persons] of [['cases', [1, 3, 4, 9]], ['controls', [2, 3, 5]]] as const) {
      await ws.connection.run(`CREATE TABLE results.${name} AS SELECT unnest([${persons.join(', ')}])::BIGINT AS person_id,
        DATE '2020-01-01' AS cohort_start_date, DATE '2020-12-31' AS cohort_end_date,
        DATE '2019-01-01' AS observation_start_date, DATE '2021-12-31' AS observation_end_date`);
    }
  });

  afterAll(() => ws?.close());

  it('maps persons to samples; a person in both cohorts and a sample linked to a case and a control are left out', async () => {
    const p = await resolvePhenotype(ws.task, '"vcf"', {
      cases: { cohortTable: 'results.cases', dataset: 'cdm', name: 'cases' },
      controls: { cohortTable: 'results.controls', dataset: 'cdm', name: 'controls' },
    });
    // A case; B control; C (person 3 in both) out; D (persons 4 case and 5 control) out; E unlinked.
    expect(Array.from(p.status)).toEqual([CASE, CONTROL, 0, 0, 0]);
    expect([p.cases, p.controls, p.withoutPhenotype]).toEqual([1, 1, 3]);
    expect(p.warnings).toEqual([
      '1 person is in both cases and controls, and left out of both',
      '1 sample is linked to a case and a control person, and left out',
      '1 person of cases (cases) has no sample in the VCF',
      '3 of 5 samples have no case/control status and are left out',
    ]);
  });

  it('refuses cohorts when no sample is linked to a person', async () => {
    await ws.connection.run('CREATE SCHEMA unlinked; CREATE TABLE unlinked.sample AS SELECT * FROM vcf.sample; CREATE TABLE unlinked.vcf_sample AS SELECT * FROM vcf.vcf_sample WHERE FALSE');
    await expect(resolvePhenotype(ws.task, '"unlinked"', {
      cases: { cohortTable: 'results.cases', dataset: 'cdm' }, controls: { cohortTable: 'results.controls', dataset: 'cdm' },
    })).rejects.toThrow(/not linked to persons/);
  });
});
