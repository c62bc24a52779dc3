import type { Engine } from '../workers/engine/api.js';
import { cellValue } from '../workers/db/columnar.js';
import { quoteIdentifier } from '../workers/db/quote.js';
import type { PlinkVariant } from './plink-output.js';

/** pmw's association row for one ALT (AssociationResult.resultTable). */
export interface PmwVariant {
  rsid: string;
  alt: string;
  af: number;
  hweP: number;
  acCases: number;
  anCases: number;
  acControls: number;
  anControls: number;
  chisq: number;
  pChisq: number;
  pFisher: number;
  or: number;
}

/** A variant both tools are compared on. */
export interface CrossCheckVariant {
  label: string;
  snp: string;
}

const PMW_COLUMNS = ['rsid', 'alt', 'af', 'hwe_p', 'ac_cases', 'an_cases', 'ac_controls', 'an_controls', 'chisq', 'p_chisq', 'p_fisher', 'or'] as const;

/** Common variants shown; more candidates are taken, as a multi-allelic record (two pmw rows) is passed over. */
const COMMON_SHOWN = 2;
const COMMON_CANDIDATES = 5;

/**
 * The variants to compare: the planted one, the two strongest other signals in PLINK's `.assoc` (chance
 * findings, p near 1/variants) and candidates for common variants spread over the file (a sixth, two sixths, …).
 */
export function crossCheckVariants(plink: ReadonlyMap<string, PlinkVariant>, plantedSnp: string): CrossCheckVariant[] {
  const rows = [...plink.values()].filter((v) => v.snp !== '.' && v.snp !== plantedSnp && Number.isFinite(v.pChisq));
  const strongest = [...rows].sort((a, b) => a.pChisq - b.pChisq).slice(0, 2);
  const commonAfter = (share: number) => rows.slice(Math.floor(rows.length * share)).find((v) => v.af > 0.2 && v.af < 0.8);
  const common = Array.from({ length: COMMON_CANDIDATES }, (_, i) => commonAfter((i + 1) / (COMMON_CANDIDATES + 1)));
  return [
    { label: 'planted', snp: plantedSnp },
    ...strongest.map((v, i) => ({ label: `next ${i + 1}`, snp: v.snp })),
    ...common.flatMap((v) => (v ? [{ label: 'common', snp: v.snp }] : [])),
  ];
}

/** The first two common candidates that are biallelic in pmw's table (one row), or the first two when pmw has none. */
export function keepShownVariants(variants: readonly CrossCheckVariant[], pmw: ReadonlyMap<string, PmwVariant[]> | null): CrossCheckVariant[] {
  const common = variants.filter((v) => v.label === 'common');
  const shown = (pmw ? common.filter((v) => pmw.get(v.snp)?.length === 1) : common).slice(0, COMMON_SHOWN);
  return variants.filter((v) => v.label !== 'common' || shown.includes(v));
}

/** pmw's rows for these rsids, from the association's result table; a split multi-allelic record gives several. */
export async function pmwVariants(engine: Engine, resultTable: string, snps: readonly string[]): Promise<Map<string, PmwVariant[]>> {
  const page = await engine.query(
    `SELECT ${PMW_COLUMNS.map(quoteIdentifier).join(', ')} FROM ${resultTable} WHERE rsid IN (${snps.map(() => '?').join(', ')})`,
    { params: [...snps] },
  );
  const column = (name: string) => page.columns.find((c) => c.name === name)!;
  const byRsid = new Map<string, PmwVariant[]>();
  for (let i = 0; i < page.rowCount; i++) {
    const value = (name: (typeof PMW_COLUMNS)[number]) => cellValue(column(name), i);
    const num = (name: (typeof PMW_COLUMNS)[number]) => { const v = value(name); return v === null ? NaN : Number(v); };
    const row: PmwVariant = {
      rsid: String(value('rsid')), alt: String(value('alt')), af: num('af'), hweP: num('hwe_p'),
      acCases: num('ac_cases'), anCases: num('an_cases'), acControls: num('ac_controls'), anControls: num('an_controls'),
      chisq: num('chisq'), pChisq: num('p_chisq'), pFisher: num('p_fisher'), or: num('or'),
    };
    byRsid.set(row.rsid, [...(byRsid.get(row.rsid) ?? []), row]);
  }
  return byRsid;
}

/** The statistics compared, as PLINK's and pmw's rows give them. */
function comparedStatistics(plink: PlinkVariant, pmw: PmwVariant): [string, number, number][] {
  return [
    ['AF', plink.af, pmw.af], ['HWE p', plink.hweP, pmw.hweP], ['AF cases', plink.afCases, pmw.acCases / pmw.anCases],
    ['AF controls', plink.afControls, pmw.acControls / pmw.anControls], ['OR', plink.or, pmw.or], ['chi²', plink.chisq, pmw.chisq],
    ['p (chi²)', plink.pChisq, pmw.pChisq], ['p (Fisher)', plink.pFisher, pmw.pFisher],
  ];
}

/** PLINK prints 4 significant digits; a larger relative difference is a disagreement. */
const PRINTED_PRECISION = 5e-4;

/**
 * Whether pmw agrees with PLINK on every compared statistic of the biallelic variants (one pmw row) to
 * PLINK's printed precision, else the statistics that differ.
 */
export function crossCheckVerdict(variants: readonly CrossCheckVariant[], plink: ReadonlyMap<string, PlinkVariant>, pmw: ReadonlyMap<string, PmwVariant[]>): string {
  const differences: string[] = [];
  let compared = 0;
  for (const { snp } of variants) {
    const [fromPlink, fromPmw] = [plink.get(snp), pmw.get(snp)];
    if (!fromPlink || fromPmw?.length !== 1) continue;
    for (const [name, expected, actual] of comparedStatistics(fromPlink, fromPmw[0]!)) {
      if (Number.isNaN(expected) && Number.isNaN(actual)) continue;
      compared++;
      const relative = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
      if (!(relative <= PRINTED_PRECISION)) differences.push(`${snp} ${name}: PLINK ${statistic(expected)}, pmw ${statistic(actual)}`);
    }
  }
  return differences.length === 0
    ? `pmw agrees with PLINK on all ${compared} compared statistics, to PLINK's printed 4 significant digits`
    : `pmw differs from PLINK on ${differences.length} of ${compared} statistics: ${differences.join('; ')}`;
}

/** A statistic to 4 significant digits, p values below 0.001 as `1.23e-45`. */
function statistic(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** One line per tool and variant: AF, HWE p (controls), ALT frequency in cases and controls, OR, χ², its p and Fisher's p. */
export function crossCheckLines(variants: readonly CrossCheckVariant[], plink: ReadonlyMap<string, PlinkVariant> | null, pmw: ReadonlyMap<string, PmwVariant[]> | null): string[] {
  const header = ['variant', 'tool', 'AF', 'HWE p ctrls', 'AF cases', 'AF ctrls', 'OR', 'chi²', 'p (chi²)', 'p (Fisher)'];
  const rows: string[][] = [];
  for (const { label, snp } of variants) {
    const name = `${snp} (${label})`;
    const fromPlink = plink?.get(snp);
    if (fromPlink) rows.push([name, 'plink1.9', ...[fromPlink.af, fromPlink.hweP, fromPlink.afCases, fromPlink.afControls, fromPlink.or, fromPlink.chisq, fromPlink.pChisq, fromPlink.pFisher].map(statistic)]);
    for (const row of pmw?.get(snp) ?? []) {
      const tool = (pmw?.get(snp)?.length ?? 0) > 1 ? `pmw ALT ${row.alt}` : 'pmw';
      rows.push([fromPlink ? '' : name, tool, ...[row.af, row.hweP, row.acCases / row.anCases, row.acControls / row.anControls, row.or, row.chisq, row.pChisq, row.pFisher].map(statistic)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [line(header), ...rows.map(line)];
}
