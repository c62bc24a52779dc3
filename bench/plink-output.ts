import { readFile } from 'node:fs/promises';

/** PLINK's figures for one variant, from its `.frq`, `.hwe`, `.assoc` and `.assoc.fisher` reports. */
export interface PlinkVariant {
  snp: string;
  bp: number;
  /** A1 (the ALT, with `--keep-allele-order`). */
  a1: string;
  /** A1's frequency over all samples (`.frq` MAF). */
  af: number;
  /** Hardy–Weinberg exact test in controls (`.hwe`, TEST `UNAFF`), as pmw's `hwe_p`. */
  hweP: number;
  /** A1's frequency in cases and in controls (`.assoc` F_A, F_U). */
  afCases: number;
  afControls: number;
  chisq: number;
  pChisq: number;
  pFisher: number;
  or: number;
}

/** A PLINK report as rows of named fields (space-padded columns, one header line). */
async function readReport(path: string): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const names = (header ?? '').split(/\s+/);
  return lines.map((line) => {
    const cells = line.split(/\s+/);
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** `NA` (a statistic PLINK could not compute) becomes NaN. */
const numberOf = (text: string | undefined): number => (text === undefined || text === 'NA' ? NaN : Number(text));

/**
 * Every variant of the reports under `prefix`, by SNP id, in file order. A SNP id that appears twice
 * (`.`, or a split record) keeps its first row.
 */
export async function readPlinkVariants(prefix: string): Promise<Map<string, PlinkVariant>> {
  const [freq, hardy, assoc, fisher] = await Promise.all([
    readReport(`${prefix}.frq`), readReport(`${prefix}.hwe`), readReport(`${prefix}.assoc`), readReport(`${prefix}-fisher.assoc.fisher`),
  ]);
  const bySnp = <T>(rows: Record<string, string>[], pick: (row: Record<string, string>) => T): Map<string, T> => {
    const map = new Map<string, T>();
    for (const row of rows) if (!map.has(row.SNP!)) map.set(row.SNP!, pick(row));
    return map;
  };
  const afs = bySnp(freq, (r) => numberOf(r.MAF));
  const hwe = bySnp(hardy.filter((r) => r.TEST === 'UNAFF'), (r) => numberOf(r.P));
  const fisherP = bySnp(fisher, (r) => numberOf(r.P));
  return bySnp(assoc, (r): PlinkVariant => ({
    snp: r.SNP!, bp: numberOf(r.BP), a1: r.A1!,
    af: afs.get(r.SNP!) ?? NaN, hweP: hwe.get(r.SNP!) ?? NaN,
    afCases: numberOf(r.F_A), afControls: numberOf(r.F_U),
    chisq: numberOf(r.CHISQ), pChisq: numberOf(r.P), pFisher: fisherP.get(r.SNP!) ?? NaN, or: numberOf(r.OR),
  }));
}
