import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PHENOTYPE_FILE, VCF_FILE, writeVcf } from './generate-vcf.js';

const SAMPLES = 40;
const RECORDS = 300;

/** ALT copies of each ALT in a record's GT fields, and the called alleles. */
function countAlleles(sampleFields: string[], alts: number): { ac: number[]; an: number } {
  const ac = new Array<number>(alts).fill(0);
  let an = 0;
  for (const field of sampleFields) {
    for (const allele of field.split(':')[0]!.split('|')) {
      if (allele === '.') continue;
      an++;
      if (allele !== '0') ac[Number(allele) - 1]!++;
    }
  }
  return { ac, an };
}

describe('writeVcf', () => {
  let dir = '';
  afterEach(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('writes a VCF whose INFO counts, positions and manifest agree with its genotypes, the same bytes for the same seed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vcf-'));
    const manifest = await writeVcf(join(dir, 'a'), SAMPLES, RECORDS, 7, () => undefined);
    await writeVcf(join(dir, 'b'), SAMPLES, RECORDS, 7, () => undefined);
    const file = await readFile(join(dir, 'a', VCF_FILE));
    expect((await readFile(join(dir, 'b', VCF_FILE))).equals(file)).toBe(true);

    const lines = gunzipSync(file).toString('latin1').trimEnd().split('\n');
    expect(lines[0]).toBe('##fileformat=VCFv4.2');
    const header = lines.find((l) => l.startsWith('#CHROM'))!.split('\t');
    expect(header).toHaveLength(9 + SAMPLES);
    const records = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
    expect(records).toHaveLength(RECORDS);
    expect(manifest.textBytes).toBe(lines.join('\n').length + 1);

    let nonReference = 0;
    let previousPos = 0;
    for (const fields of records) {
      expect(fields).toHaveLength(9 + SAMPLES);
      expect(Number(fields[1])).toBeGreaterThan(previousPos);
      previousPos = Number(fields[1]);
      const alts = fields[4]!.split(',');
      const { ac, an } = countAlleles(fields.slice(9), alts.length);
      expect(fields[7]).toMatch(new RegExp(`^AC=${ac.join(',')};AN=${an};AF=[^;]+;DP=\\d+$`));
      nonReference += fields.slice(9).filter((f) => /[1-9]/.test(f.split(':')[0]!)).length;
    }
    expect(manifest.nonReferenceCalls).toBe(nonReference);
    expect(manifest.altAlleles).toBe(RECORDS + manifest.multiallelicRecords);

    const planted = records.find((f) => f[2] === manifest.planted.rsid)!;
    const phenotype = new Map((await readFile(join(dir, 'a', PHENOTYPE_FILE), 'utf8')).trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string]));
    const inCases = planted.slice(9).filter((_, i) => phenotype.get(header[9 + i]!) === 'case');
    expect(countAlleles(inCases, 1)).toEqual({ ac: [manifest.planted.acCases], an: manifest.planted.anCases });
    expect(manifest.cases).toBe(inCases.length);
  });
});
