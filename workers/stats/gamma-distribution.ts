/**
 * The gamma distribution with shape α and **rate** β (mean α/β), as DuMouchel (1999) and the BCPNN
 * posterior (Norén et al. 2013) write it.
 *
 * The CDF is P(α, β·x) from regularized-lower-gamma.ts, and the quantile is solved on it here. Both used to
 * wrap @stdlib (`@stdlib/stats-base-dists-gamma-cdf`, `-quantile`), whose incomplete gamma is wrong for
 * x > 1000 (see regularized-lower-gamma.ts): at shape 1001 the CDF at the mean was 0.49159 (0.50420) and
 * the 97.5% point 1064.117 (1063.952), which moved the IC975 of every pair with N above ~1000.
 */
import { standardNormalQuantile } from './normal-distribution.js';
import { gammaPrefactor, regularizedGammaP, regularizedGammaQ } from './regularized-lower-gamma.js';
import { logGamma } from './special-functions.js';

/** P(X ≤ x) for X ~ Gamma(shape, rate). */
export function gammaCdf(x: number, shape: number, rate: number): number {
  if (Number.isNaN(x) || !(shape >= 0) || !(rate > 0)) return NaN;
  if (shape === 0) return x < 0 ? 0 : 1; // the point mass at 0
  if (x <= 0) return 0;
  return regularizedGammaP(shape, rate * x);
}

/** P(X > x) for X ~ Gamma(shape, rate), computed directly (not as 1 − the CDF) where it is small. */
export function gammaSurvival(x: number, shape: number, rate: number): number {
  if (Number.isNaN(x) || !(shape >= 0) || !(rate > 0)) return NaN;
  if (shape === 0) return x < 0 ? 1 : 0;
  if (x <= 0) return 1;
  return regularizedGammaQ(shape, rate * x);
}

/**
 * The x with P(X ≤ x) = p for X ~ Gamma(shape, rate), to ~1e-13 relative (for tiny shapes the quantile is
 * ill-conditioned — x ∝ p^(1/shape) — and the error grows as 1/shape: ~1e-12 at shape 1e-3). 0 for p = 0,
 * +∞ for p = 1, NaN outside [0, 1] or for a shape < 0 or rate ≤ 0.
 */
export function gammaQuantile(p: number, shape: number, rate: number): number {
  if (!(p >= 0 && p <= 1) || !(shape >= 0) || !(rate > 0) || shape === Infinity) return NaN;
  if (shape === 0 || p === 0) return 0;
  if (p === 1) return Infinity;
  return unitGammaQuantile(p, shape) / rate;
}

const MAX_ITERATIONS = 100;
/** Newton has converged (quadratically) once a step changes ln x by less than this. */
const STEP_TOLERANCE = 1e-13;

/**
 * The quantile of Gamma(a, 1) by Newton's method on u = ln x, applied to ln T(e^u) = ln t, where T is the
 * smaller tail at the root — P for p ≤ ½, Q (target 1 − p) above. Both ln P and ln Q are concave in u (the
 * density of ln X, e^(a·u − e^u)/Γ(a), is log-concave, and so are its CDF and survival function), so Newton
 * converges from any start, overshooting at most once; a bracket from the iterates (and bisection in it)
 * guards against steps that overflow or underflow. The derivative of ln T in u is ±D/T with D = x^a·e^(−x)/Γ(a).
 * Start: Wilson & Hilferty's (1931) cube-root normal approximation, or for small shapes, where it fails,
 * P(a, x) ≈ x^a/Γ(a + 1) (the first term of the series); from either, a few steps.
 */
function unitGammaQuantile(p: number, a: number): number {
  const lower = p <= 0.5;
  const target = lower ? p : 1 - p;
  const logTarget = Math.log(target);
  let u = startingLogQuantile(p, a);
  if (u < -745) return 0; // the quantile underflows (below the smallest subnormal)
  let lo = -Infinity;
  let hi = Infinity;
  let lastStep = Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const x = Math.exp(u);
    const tail = lower ? regularizedGammaP(a, x) : regularizedGammaQ(a, x);
    // g(u) = ±(ln T − ln t), increasing in u; dg/du = D/T.
    const g = lower ? Math.log(tail) - logTarget : logTarget - Math.log(tail);
    if (g === 0) return x;
    if (g < 0) lo = u;
    else hi = u;
    let step = (-g * tail) / gammaPrefactor(a, x);
    if (Number.isFinite(step)) {
      const size = Math.abs(step);
      // Converged; or near the root and no longer converging quadratically (the evaluation's rounding is
      // reached: tiny shapes, where d ln T/du is small).
      if (size < STEP_TOLERANCE || (size < 1e-9 && size > 0.5 * lastStep)) return Math.exp(u + step);
      lastStep = size;
    }
    if (!(Number.isFinite(step) && u + step > lo && u + step < hi)) {
      // Out of the bracket (or T or D under/overflowed): bisect, or before a bracket, move a bounded way.
      if (lo > -Infinity && hi < Infinity) {
        if (hi - lo < 4e-16 * Math.max(1, Math.abs(u))) return Math.exp(0.5 * (lo + hi));
        step = 0.5 * (lo + hi) - u;
      } else step = g < 0 ? Math.max(1, Math.abs(u)) : -Math.max(1, Math.abs(u));
    }
    u += step;
  }
  return Math.exp(u);
}

function startingLogQuantile(p: number, a: number): number {
  const z = standardNormalQuantile(p);
  const base = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
  if (a >= 1 && base > 0.2) return Math.log(a) + 3 * Math.log(base);
  // P(a, x) ≈ x^a/Γ(a + 1) for small x (and it is where the quantiles of small shapes lie).
  return (Math.log(p) + logGamma(a + 1)) / a;
}
