/**
 * The gamma distribution with shape α and **rate** β (mean α/β), as DuMouchel (1999) and the BCPNN
 * posterior (Norén et al. 2013) write it. Thin typed wrappers over @stdlib.
 */
import stdlibGammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import stdlibGammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';

/** P(X ≤ x) for X ~ Gamma(shape, rate). */
export function gammaCdf(x: number, shape: number, rate: number): number {
  return stdlibGammaCdf(x, shape, rate);
}

/** The x with P(X ≤ x) = p for X ~ Gamma(shape, rate). */
export function gammaQuantile(p: number, shape: number, rate: number): number {
  return stdlibGammaQuantile(p, shape, rate);
}

/**
 * ln of the gamma density at x > 0, given ln Γ(shape) (callers evaluating many points of one shape pass it
 * precomputed; it is the costly part).
 */
export function gammaLogDensity(x: number, shape: number, rate: number, logGammaShape: number): number {
  return shape * Math.log(rate) + (shape - 1) * Math.log(x) - rate * x - logGammaShape;
}
