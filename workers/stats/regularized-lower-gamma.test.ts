import { describe, expect, it } from 'vitest';
import { readGammaReference, relativeDifference } from './reference/gamma-reference.js';
import { gammaPrefactor, regularizedGammaP, regularizedGammaQ, regularizedLowerGamma, regularizedLowerGammaWithPrefactor } from './regularized-lower-gamma.js';
import { logGamma } from './special-functions.js';

const reference = readGammaReference();

/** The error of one evaluation in the smaller tail, relative: what a quantile in that tail depends on. */
function smallerTailError(a: number, x: number, p: number, q: number): number {
  return p <= q ? relativeDifference(regularizedGammaP(a, x), p) : relativeDifference(regularizedGammaQ(a, x), q);
}

describe('regularizedGammaP and regularizedGammaQ against mpmath (workers/stats/reference/gamma_reference.json)', () => {
  // 884 points: a from 1e-3 to 1e7 + 0.5, x from 1e-300 to both far tails (P or Q down to 1e-308), across
  // every hand-over between methods. Observed worst: 3.6e-13 (a = 1e7, x = a − 4.5√a: the series' 15,000 terms).
  it('hold the smaller tail to 1e-12 relative at every point', () => {
    let worst = { error: 0, a: NaN, x: NaN };
    for (const { a, x, p, q } of reference.incompleteGamma) {
      const error = smallerTailError(a, x, p, q);
      if (!(error <= worst.error)) worst = { error, a, x };
    }
    expect(worst.error, `worst at a = ${worst.a}, x = ${worst.x}`).toBeLessThan(1e-12);
  });

  it('hold the larger tail to 2e-15 absolute', () => {
    let worst = 0;
    for (const { a, x, p, q } of reference.incompleteGamma) {
      worst = Math.max(worst, p > q ? Math.abs(regularizedGammaP(a, x) - p) : Math.abs(regularizedGammaQ(a, x) - q));
    }
    expect(worst).toBeLessThan(2e-15);
  });

  it('agree with SciPy to 1e-10 wherever SciPy agrees with mpmath, and SciPy errs only in the lower tail of a ≥ 1e6', () => {
    // SciPy's series for P stops at 2,000 terms (cephes igam.c MAXITER), too few for a ≥ ~1e5 away from x ≈ a.
    const scipyWrong: string[] = [];
    for (const { a, x, p, q, scipyP, scipyQ } of reference.incompleteGamma) {
      const scipySmaller = p <= q ? scipyP : scipyQ;
      if (relativeDifference(scipySmaller, Math.min(p, q)) > 1e-10) {
        scipyWrong.push(`${a} ${p <= q ? 'P' : 'Q'}`);
        continue;
      }
      const ours = p <= q ? regularizedGammaP(a, x) : regularizedGammaQ(a, x);
      expect(relativeDifference(ours, scipySmaller), `a = ${a}, x = ${x}`).toBeLessThan(1e-10);
    }
    expect(new Set(scipyWrong)).toEqual(new Set(['1000000.5 P', '10000000.5 P']));
  });

  it('get right what @stdlib got wrong: P(1001, 1001) = 0.50420 (@stdlib: 0.49159)', () => {
    expect(relativeDifference(regularizedGammaP(1001, 1001), 0.5042031431105558)).toBeLessThan(1e-13);
    expect(relativeDifference(regularizedGammaQ(999, 999 * 1.01), 0.3723786989593431)).toBeLessThan(1e-12);
  });

  it('are exact at the ends and for the exponential distribution, and NaN for an invalid shape', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
    expect(regularizedGammaP(2, NaN)).toBeNaN();
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaQ(-1, 1)).toBeNaN();
    for (const x of [1e-3, 0.3, 1, 4, 30, 500]) {
      expect(relativeDifference(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-14);
      expect(relativeDifference(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(1e-14);
    }
  });
});

describe('gammaPrefactor', () => {
  // (Its accuracy is tested through P and Q above; here only that both of its forms agree, to the naive
  // form's own accuracy, ~1e-16·(a·ln x + x + ln Γ(a)).)
  it('is x^a·e^(−x)/Γ(a), and continuous at shape 10 where it changes form', () => {
    for (const a of [0.5, 3, 9.999, 10, 10.001, 37.5, 100]) {
      for (const x of [0.5 * a, a, a + 1, 2 * a]) {
        const naive = Math.exp(a * Math.log(x) - x - logGamma(a));
        expect(relativeDifference(gammaPrefactor(a, x), naive), `a = ${a}, x = ${x}`).toBeLessThan(2e-13);
      }
    }
  });
});

describe('regularizedLowerGamma and regularizedLowerGammaWithPrefactor (the posterior-quantile loop)', () => {
  it('match the reference: P to 1e-12 relative where P ≤ ½, to 1e-14 absolute everywhere', () => {
    let worstRelative = 0;
    let worstAbsolute = 0;
    for (const { a, x, p, q } of reference.incompleteGamma) {
      const ours = regularizedLowerGamma(a, x, logGamma(a));
      if (p <= q) worstRelative = Math.max(worstRelative, relativeDifference(ours, p));
      worstAbsolute = Math.max(worstAbsolute, Math.abs(ours - p));
    }
    expect(worstRelative).toBeLessThan(1e-12);
    expect(worstAbsolute).toBeLessThan(1e-14);
  });

  it('ignore the given prefactor above shape 400, where they compute P on their own', () => {
    expect(regularizedLowerGammaWithPrefactor(1001, 1001, NaN)).toBe(regularizedGammaP(1001, 1001));
    expect(regularizedLowerGammaWithPrefactor(400, 400, gammaPrefactor(400, 400))).toBeCloseTo(regularizedGammaP(400, 400), 14);
  });

  it('are exact at the ends and for the exponential distribution', () => {
    expect(regularizedLowerGamma(2, 0, logGamma(2))).toBe(0);
    expect(regularizedLowerGamma(2, Infinity, logGamma(2))).toBe(1);
    expect(regularizedLowerGamma(2, NaN, logGamma(2))).toBeNaN();
    // a = 1: P(1, x) = 1 − e^(−x)
    expect(regularizedLowerGamma(1, 0.3, 0)).toBeCloseTo(-Math.expm1(-0.3), 15);
    expect(regularizedLowerGamma(1, 4, 0)).toBeCloseTo(1 - Math.exp(-4), 15);
  });
});
