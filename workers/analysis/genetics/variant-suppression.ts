/**
 * Small carrier counts in variant pages (privacy/suppress/suppress-cells.ts), row by row in SQL.
 *
 * A variant's genotype counts split its samples: n_hom_ref + n_het + n_hom_alt + n_missing + n_half is the
 * same for every variant of the dataset (less its haploid calls, which a reader of the dataset may know),
 * so that sum is an equation with a known total. Its allele counts tie it further: ac = n_het + 2·n_hom_alt
 * (+ the ALT copies of half-calls and haploid calls), an = 2·(n_hom_ref + n_het + n_hom_alt) + n_half
 * (+ haploid calls), af = ac / an.
 *
 * - Hidden when small (1…minCellCount − 1): n_het, n_hom_alt, n_half and n_hom_ref (genotypes of a few
 *   persons), and ac. n_missing says nothing about a genotype and stays shown when small.
 * - The genotype counts are protected against their total (suppressionSql's partition rule): the
 *   smallest shown count of at least the minimum goes with a hidden one.
 * - ac and af are hidden when any carrier count is (ac − n_het over 2 is n_hom_alt, and so on); an is
 *   hidden when n_missing or n_half is (2·samples − an − 2·n_missing = n_half, for diploid calls).
 * The tests check on the bundled VCF that no hidden count follows from the shown ones by linear algebra.
 */
import { nullWhenSql, partitionSuppressionSql, smallCountSql, suppressionOf } from '../privacy/suppress/suppression-sql.js';
import type { Suppression } from '../../engine/api.js';

/** The genotype counts, in the order ties are broken (carriers first). */
const GENOTYPE_COUNTS = ['n_het', 'n_hom_alt', 'n_half', 'n_missing', 'n_hom_ref'] as const;
const SENSITIVE = ['n_het', 'n_hom_alt', 'n_half', 'n_hom_ref'];

/** The page columns where a null means hidden. */
export const VARIANT_COUNT_COLUMNS = ['n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half', 'ac', 'an'] as const;

function flaggedSql(rows: string, minCellCount: number): string {
  const partitioned = partitionSuppressionSql(rows, [...GENOTYPE_COUNTS], minCellCount, SENSITIVE);
  return `SELECT *, ${smallCountSql('ac', minCellCount)} OR hidden_n_het OR hidden_n_hom_alt OR hidden_n_half AS hidden_ac,
      hidden_n_missing OR hidden_n_half AS hidden_an
    FROM (${partitioned})`;
}

/**
 * The variant rows of `rows` (a SELECT with the page's columns) with small counts hidden, ordered by
 * `orderBy`, and a one-row query counting what was hidden (primary, complementary).
 */
export function suppressedVariantsSql(rows: string, minCellCount: number, orderBy: string): { select: string; counts: string } {
  const flagged = flaggedSql(rows, minCellCount);
  const hiddenColumns = VARIANT_COUNT_COLUMNS.map((c) => `hidden_${c}`);
  const replaced = [...VARIANT_COUNT_COLUMNS.map((c) => nullWhenSql(c, `hidden_${c}`)), nullWhenSql('af', 'hidden_ac')];
  const isPrimary = (c: string) => (c === 'ac' || SENSITIVE.includes(c) ? smallCountSql(c, minCellCount) : 'FALSE');
  const primary = VARIANT_COUNT_COLUMNS.map((c) => `count(*) FILTER (WHERE ${isPrimary(c)})`).join(' + ');
  const complementary = VARIANT_COUNT_COLUMNS.map((c) => `count(*) FILTER (WHERE hidden_${c} AND NOT ${isPrimary(c)} AND ${c} > 0)`).join(' + ');
  return {
    select: `SELECT * EXCLUDE (${hiddenColumns.join(', ')}) REPLACE (${replaced.join(', ')}) FROM (${flagged}) ORDER BY ${orderBy}`,
    counts: `SELECT (${primary})::BIGINT, (${complementary})::BIGINT FROM (${flagged})`,
  };
}

export function variantSuppression(minCellCount: number, primary: number, complementary: number): Suppression {
  return suppressionOf(minCellCount, [...VARIANT_COUNT_COLUMNS], primary, complementary);
}
