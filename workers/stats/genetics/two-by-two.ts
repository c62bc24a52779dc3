/**
 * The allelic 2×2 table of a case/control test and the measures PLINK 1.9 `--assoc` reports on it.
 * Rows are cases and controls, columns the ALT and REF allele counts:
 *
 *             ALT   REF
 *   cases      a     b
 *   controls   c     d
 *
 * With `--keep-allele-order` PLINK's A1 is the ALT allele, so its OR is the odds ratio of ALT, as here.
 */
import { standardNormalQuantile } from '../normal-distribution.js';
import { chiSquareUpperTail } from '../survival/tail-probabilities.js';

/**
 * Pearson's χ² of the table without continuity correction (PLINK `--assoc` CHISQ, R's
 * `chisq.test(correct = FALSE)`): N(ad − bc)² / (row and column margins). NaN when a margin is 0
 * (PLINK prints NA: a variant with no ALT, or no REF, among cases and controls).
 */
export function allelicChiSquare(a: number, b: number, c: number, d: number): number {
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  if (margins === 0) return NaN;
  const cross = a * d - b * c;
  return ((a + b + c + d) * cross * cross) / margins;
}

/** P(χ²₁ > x); NaN stays NaN. */
export function chiSquare1P(x: number): number {
  return Number.isNaN(x) ? NaN : chiSquareUpperTail(x, 1);
}

/**
 * The odds ratio ad / bc. 0 when a or d is 0 (and bc is not); NaN (NULL, PLINK's NA) when bc is 0, where
 * it is infinite or undefined.
 */
export function oddsRatio(a: number, b: number, c: number, d: number): number {
  const below = b * c;
  return below === 0 ? NaN : (a * d) / below;
}

/** z of a two-sided interval: 1.959964 for 95%, as PLINK's `--ci 0.95`. */
export function intervalZ(level: number): number {
  return standardNormalQuantile(1 - (1 - level) / 2);
}

/**
 * Woolf's interval (Woolf 1955, Ann Hum Genet 19:251–253): exp(ln OR ± z·√(1/a + 1/b + 1/c + 1/d)), as
 * PLINK `--assoc --ci` (its L95/U95). `side` −1 gives the lower limit, +1 the upper. NaN when a cell is 0:
 * the standard error is then infinite (PLINK prints SE inf, L95 0 and U95 nan when a or d is 0, NA when
 * b or c is 0); no continuity correction is made.
 */
export function woolfLimit(a: number, b: number, c: number, d: number, z: number, side: -1 | 1): number {
  if (a === 0 || b === 0 || c === 0 || d === 0) return NaN;
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return ((a * d) / (b * c)) * Math.exp(side * z * se);
}
