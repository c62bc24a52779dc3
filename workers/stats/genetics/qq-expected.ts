/**
 * Expected −log₁₀ p of a QQ plot: the i-th smallest of n p-values is plotted against
 * −log₁₀((i − 0.5)/n), the plotting positions of R's `ppoints` for n > 10 (as qqman draws them) and of
 * PLINK 1.9's `--adjust qq-plot`.
 */
export function expectedMinusLog10P(rank: number, count: number): number {
  return -Math.log10((rank - 0.5) / count);
}

/**
 * The genomic inflation factor λ = median(χ²₁) / 0.454936 (Devlin & Roeder 1999, Biometrics 55:997–1004);
 * 0.454936 is the median of χ²₁. NaN values are skipped; NaN when none is left.
 */
export function genomicInflation(chiSquares: Float64Array): number {
  const finite = chiSquares.filter((x) => !Number.isNaN(x)).sort();
  if (finite.length === 0) return NaN;
  const middle = finite.length >> 1;
  const median = finite.length % 2 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
  return median / CHI_SQUARE_1_MEDIAN;
}

/** qchisq(0.5, 1). */
export const CHI_SQUARE_1_MEDIAN = 0.45493642311957283;
