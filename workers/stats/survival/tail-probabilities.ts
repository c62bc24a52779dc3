/** Upper-tail probabilities computed directly (not as 1 − CDF), so tiny p-values keep their digits. */
import { regularizedGammaQ } from '../regularized-lower-gamma.js';

/**
 * P(X > x) for X ~ χ²(df): the regularized upper incomplete gamma Q(df/2, x/2). Our own Q: @stdlib's
 * `gammainc` is wrong for arguments above 1000 (workers/stats/reference/README.md).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** P(|Z| > |z|) for Z ~ N(0, 1); equal to P(χ²(1) > z²). */
export function twoSidedNormalP(z: number): number {
  return chiSquareUpperTail(z * z, 1);
}
