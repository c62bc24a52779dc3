/**
 * Test-only: the committed reference outputs (make_reference.sh) read back, and the comparison of a number
 * with one PLINK printed (4 significant digits, `NA`, `inf`, `nan`).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';

export const REFERENCE_DIR = new URL('./', import.meta.url).pathname;

/** The reference datasets: name, VCF and phenotype file under data/. */
export const REFERENCE_DATASETS = [
  { name: 'hail_sample', vcf: 'hail_sample.100s.chr20.vcf.bgz', phenotype: 'hail_sample.pheno.tsv' },
  { name: 'chr22_100s', vcf: 'bio2zarr_1kg2020_chr22.100s.vcf.gz', phenotype: 'chr22_100s.pheno.csv' },
  { name: 'hail_sample2', vcf: 'hail_sample2.100s.chr22.multiallelic.gt.vcf.gz', phenotype: 'hail_sample2.pheno.txt' },
  { name: 'hwe_test', vcf: 'hail_HWE_test.vcf', phenotype: 'hwe_test.pheno.tsv' },
  { name: 'casecontrol', vcf: 'hail_casecontrolcount.vcf', phenotype: 'casecontrol.pheno.tsv' },
] as const;

export function dataPath(file: string): string {
  return `${REFERENCE_DIR}data/${file}`;
}

/** A whitespace-separated output (PLINK's, or a TSV) as rows of fields, header first. */
export function readOutput(file: string): string[][] {
  const text = gunzipSync(readFileSync(`${REFERENCE_DIR}out/${file}.gz`)).toString('utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
}

/** Rows of an output as objects keyed by its header. */
export function readOutputRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = readOutput(file);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** Our number equals what PLINK printed, to the digits it printed (4 significant); NA/nan as NaN. */
export function expectPrinted(ours: number, printed: string, where: string): void {
  if (printed === 'NA' || printed === 'nan') {
    expect(Number.isNaN(ours), `${where}: PLINK ${printed}, ours ${ours}`).toBe(true);
    return;
  }
  const value = Number(printed);
  expect(Number.isNaN(value), `${where}: cannot read "${printed}"`).toBe(false);
  if (value === 0) {
    expect(Math.abs(ours), `${where}: PLINK 0, ours ${ours}`).toBeLessThan(5e-5);
    return;
  }
  const digits = printed.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').length;
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const halfUnit = 0.5 * 10 ** (exponent - Math.max(digits, 4) + 1);
  expect(Math.abs(ours - value), `${where}: PLINK ${printed}, ours ${ours}`).toBeLessThanOrEqual(halfUnit * (1 + 1e-9) + 1e-300);
}

/** Our number equals the exact reference (repr of a double, or NA) to a relative 1e-10. */
export function expectExact(ours: number, reference: string, where: string, relative = 1e-10): void {
  if (reference === 'NA') {
    expect(Number.isNaN(ours), `${where}: reference NA, ours ${ours}`).toBe(true);
    return;
  }
  const value = Number(reference);
  if (Math.abs(value) < 1e-300) {
    expect(Math.abs(ours), `${where}: reference ${reference}, ours ${ours}`).toBeLessThan(1e-290);
    return;
  }
  expect(Math.abs(ours - value) / Math.abs(value), `${where}: reference ${reference}, ours ${ours}`).toBeLessThan(relative);
}
