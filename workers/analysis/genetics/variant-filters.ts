/**
 * SQL conditions on a dataset's `variant` table (alias `v`) for the filters users give: region, gene,
 * consequence, impact, allele frequency. Values are written as quoted literals, so a condition can be
 * embedded anywhere (a saved table's SELECT, a subquery). Gene, consequence and impact are those of the
 * variant's most severe annotation (the `variant` row's own columns, as cohort genotype rules use).
 */
import { quoteLiteral } from '../../db/quote.js';
import { PmwError } from '../../engine/errors.js';

export interface VariantFilter {
  region?: string;
  gene?: string;
  consequence?: string;
  impact?: string[];
}

export const IMPACTS = ['HIGH', 'MODERATE', 'LOW', 'MODIFIER'] as const;

/** A parsed region: chromosome without any `chr` prefix (lower case), 1-based inclusive positions. */
export interface Region {
  chrom: string;
  from: number | null;
  to: number | null;
}

const REGION = /^\s*([^:\s]+)(?::([\d,]+)(?:-([\d,]*))?)?\s*$/;

/** `chr22:16,050,000-16,060,000`, `22:16050000` (one position), `22:16050000-` (to the end), `chrX` (all of it). */
export function parseRegion(text: string): Region {
  const match = REGION.exec(text);
  const from = match?.[2] !== undefined ? Number(match[2].replaceAll(',', '')) : null;
  const toText = match?.[3];
  const to = toText === undefined ? from : toText === '' ? null : Number(toText.replaceAll(',', ''));
  if (!match || (from !== null && !Number.isSafeInteger(from)) || (to !== null && !Number.isSafeInteger(to)) || (from !== null && to !== null && to < from)) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `the region "${text}" is not of the form chr:from-to`,
      hint: 'write e.g. chr22:16050000-16060000 (1-based, both ends included), 22:16050075 or chrX',
    });
  }
  return { chrom: chromKey(match[1]!), from, to };
}

/** The chromosome as compared: lower case, without a `chr` prefix. */
function chromKey(chrom: string): string {
  return chrom.toLowerCase().replace(/^chr/, '');
}

export function regionSql(region: Region): string {
  const tests = [`regexp_replace(lower(v.chrom), '^chr', '') = ${quoteLiteral(region.chrom)}`];
  if (region.from !== null) tests.push(`v.pos >= ${region.from}`);
  if (region.to !== null) tests.push(`v.pos <= ${region.to}`);
  return tests.join(' AND ');
}

export function checkImpacts(impacts: string[] | undefined, place = 'impact'): string[] {
  const upper = (impacts ?? []).map((i) => String(i).trim().toUpperCase());
  const unknown = upper.find((i) => !(IMPACTS as readonly string[]).includes(i));
  if (unknown !== undefined) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${place}: "${unknown}" is not an impact`, hint: `use ${IMPACTS.join(', ')}` });
  }
  return upper;
}

export function impactSql(impacts: string[]): string {
  return `upper(v.impact) IN (${impacts.map(quoteLiteral).join(', ')})`;
}

export function geneSql(gene: string): string {
  return `upper(v.gene) = ${quoteLiteral(gene.trim().toUpperCase())}`;
}

/** A consequence term matches any of the `&`-joined terms of a variant's consequence, in any case. */
export function consequenceSql(consequence: string): string {
  return `list_contains(string_split(lower(v.consequence), '&'), ${quoteLiteral(consequence.trim().toLowerCase())})`;
}

/** ALT frequency over all called alleles (`ac / an` of the variant table) at most `maxAf`. */
export function maxAfSql(maxAf: number): string {
  return `v.an > 0 AND v.ac <= ${checkedFraction(maxAf, 'maxAf', 1)} * v.an`;
}

/** Minor allele frequency over all called alleles at least `minMaf` (this ALT against all other alleles). */
export function minMafSql(minMaf: number): string {
  return `v.an > 0 AND least(v.ac, v.an - v.ac) >= ${checkedFraction(minMaf, 'minMaf', 0.5)} * v.an`;
}

export function checkedFraction(value: number, name: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${name} must be a number from 0 to ${max}, not ${String(value)}` });
  }
  return value;
}

/** All the filters as one condition (`TRUE` when there are none). */
export function variantFilterSql(filter: VariantFilter): string {
  const tests: string[] = [];
  if (filter.region !== undefined && filter.region !== '') tests.push(regionSql(parseRegion(filter.region)));
  if (filter.gene !== undefined && filter.gene !== '') tests.push(geneSql(filter.gene));
  if (filter.consequence !== undefined && filter.consequence !== '') tests.push(consequenceSql(filter.consequence));
  const impacts = checkImpacts(filter.impact);
  if (impacts.length) tests.push(impactSql(impacts));
  return tests.length ? tests.map((t) => `(${t})`).join(' AND ') : 'TRUE';
}
