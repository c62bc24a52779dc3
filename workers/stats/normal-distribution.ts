/** The standard normal distribution, over @stdlib. */
import stdlibNormalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Φ⁻¹(p): the x with P(Z ≤ x) = p for Z ~ N(0, 1). */
export function standardNormalQuantile(p: number): number {
  return stdlibNormalQuantile(p, 0, 1);
}
