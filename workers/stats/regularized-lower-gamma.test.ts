import { describe, expect, it } from 'vitest';
import { gammaCdf } from './gamma-distribution.js';
import { regularizedLowerGamma } from './regularized-lower-gamma.js';
import { logGamma } from './special-functions.js';

describe('regularizedLowerGamma', () => {
  it('agrees with @stdlib’s gamma CDF over shapes 0.01–999 and x from 1e-3·a to 1,800·a', () => {
    let worst = 0;
    for (const a of [0.01, 0.05, 0.2, 0.7, 1, 1.2, 2.02, 3.26, 5.5, 10, 33.3, 100.2, 400, 999]) {
      const logGammaA = logGamma(a);
      for (let k = -280; k <= 300; k++) {
        const x = a * Math.exp(k / 40);
        const expected = gammaCdf(x, a, 1);
        if (expected < 1e-280) continue;
        // Relative to the smaller tail, P or 1 − P: what a quantile at either end depends on.
        const error = Math.abs(regularizedLowerGamma(a, x, logGammaA) - expected) / Math.min(expected, 1 - expected || 1);
        worst = Math.max(worst, error);
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('is exact at the ends and for the exponential distribution', () => {
    expect(regularizedLowerGamma(2, 0, logGamma(2))).toBe(0);
    expect(regularizedLowerGamma(2, Infinity, logGamma(2))).toBe(1);
    expect(regularizedLowerGamma(2, NaN, logGamma(2))).toBeNaN();
    // a = 1: P(1, x) = 1 − e^(−x)
    expect(regularizedLowerGamma(1, 0.3, 0)).toBeCloseTo(-Math.expm1(-0.3), 15);
    expect(regularizedLowerGamma(1, 4, 0)).toBeCloseTo(1 - Math.exp(-4), 15);
  });
});
