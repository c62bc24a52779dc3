import { describe, expect, it } from 'vitest';
import { twoGammaMixtureQuantile, type TwoGammaMixture } from './gamma-mixture-quantile.js';
import { logGamma } from './special-functions.js';

function mixture(weight1: number, shape1: number, rate1: number, shape2: number, rate2: number): TwoGammaMixture {
  return { weight1, shape1, rate1, logGammaShape1: logGamma(shape1), shape2, rate2, logGammaShape2: logGamma(shape2) };
}

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('twoGammaMixtureQuantile', () => {
  // Expected values: R 4.2, exp(uniroot(function(u) w*pgamma(exp(u), s1, r1) + (1-w)*pgamma(exp(u), s2, r2) - p,
  // c(-50, 50), tol = 1e-15)$root).
  it.each([
    [0.05, 0.3, 4.2, 0.5, 3, 2.1, 0.45256944852399605],
    [0.95, 0.3, 4.2, 0.5, 3, 2.1, 12.166833047228689],
    // DuMouchel's 1999 FDA prior shapes (α1 = 0.2, β1 = 0.06, α2 = 1.4, β2 = 1.8), almost all weight on the first
    [0.05, 0.999, 0.25, 0.06, 1.4, 1.8, 7.0591518190390488e-5],
    // large counts, a weight of 1e-6 on the first component
    [0.95, 1e-6, 150, 2.2, 148, 7.6, 22.179317802304944],
  ])('p = %s, w = %s, Gamma(%s, %s) and Gamma(%s, %s): %s', (p, w, s1, r1, s2, r2, expected) => {
    expect(relative(twoGammaMixtureQuantile(p, mixture(w, s1, r1, s2, r2)), expected)).toBeLessThan(1e-10);
  });

  it('solves a case by hand: ½·Exp(1) + ½·Gamma(100, 1) at p = 0.25 is ln 2', () => {
    // Gamma(100, 1) has no mass near 0.69, so ½·(1 − e^(−x)) = 0.25 ⇒ x = ln 2.
    expect(relative(twoGammaMixtureQuantile(0.25, mixture(0.5, 1, 1, 100, 1)), Math.LN2)).toBeLessThan(1e-12);
  });

  it('reduces to one gamma when a weight is 0 or 1 (R: qgamma(c(0.05, 0.95), 5, 2))', () => {
    expect(relative(twoGammaMixtureQuantile(0.05, mixture(1, 5, 2, 3, 9)), 0.98507478402976512)).toBeLessThan(1e-10);
    expect(relative(twoGammaMixtureQuantile(0.95, mixture(0, 3, 9, 5, 2)), 4.5767595133187866)).toBeLessThan(1e-10);
  });

  it('returns NaN for a probability outside (0, 1) or an invalid component', () => {
    expect(twoGammaMixtureQuantile(0, mixture(0.5, 1, 1, 2, 2))).toBeNaN();
    expect(twoGammaMixtureQuantile(1, mixture(0.5, 1, 1, 2, 2))).toBeNaN();
    expect(twoGammaMixtureQuantile(0.5, mixture(1.5, 1, 1, 2, 2))).toBeNaN();
    expect(twoGammaMixtureQuantile(0.5, mixture(0.5, 1, -1, 2, 2))).toBeNaN();
  });

  it('finds quantiles far out in the tails and for tiny shapes', () => {
    for (const p of [1e-10, 0.05, 0.95, 1 - 1e-10]) {
      const m = mixture(0.4, 0.02, 0.01, 3000, 2900);
      const x = twoGammaMixtureQuantile(p, m);
      expect(Number.isFinite(x) && x > 0).toBe(true);
    }
  });
});
