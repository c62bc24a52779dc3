/**
 * Quantiles of a mixture of two gamma distributions,
 *   F(x) = w·G(x; shape1, rate1) + (1 − w)·G(x; shape2, rate2),
 * the posterior of λ in DuMouchel's (1999) gamma–Poisson shrinker (EB05 and EB95 are its 5% and 95%
 * points). No closed form exists; openEBGM bisects to 2 decimals (`quantBisect`). Here a safeguarded
 * Halley iteration on u = ln x reaches ~1e-12 relative accuracy in two or three steps, which matters when
 * millions of pairs each need two quantiles.
 *
 * The solver works on u = ln x because gamma CDFs are far closer to linear in ln x than in x, and every
 * iterate stays positive. Each step needs F (two @stdlib gamma CDFs) and its first two derivatives in u,
 * which are cheap given ln Γ(shape): x·g(x) = exp(shape·ln(rate·x) − rate·x − ln Γ(shape)).
 * A bracket [lo, hi] with F(lo) < p < F(hi) is kept from the iterates; a step that leaves it is replaced by
 * bisection (or, before both ends are known, by a move of at most `MAX_LOG_STEP` towards the root).
 */
import { gammaCdf } from './gamma-distribution.js';
import { standardNormalQuantile } from './normal-distribution.js';

/**
 * Stop once a Halley step changes ln x by less than this: the error left is of order its cube (cubic
 * convergence). Over 400,000 random mixtures (shapes 0.05–170, weights down to 1e-13) the worst relative
 * error at 1e-4 was 5e-11; at 1e-3 it was 6e-8.
 */
const STEP_TOLERANCE = 1e-4;
/** Stop when the bracket is this narrow in ln x (only reached when Halley steps keep being rejected). */
const BRACKET_TOLERANCE = 1e-13;
const MAX_LOG_STEP = 2;
const MAX_ITERATIONS = 200;
/** A component weighing less than this moves the quantile by less than ~1e-11 relative: dropped. */
const NEGLIGIBLE_WEIGHT = 1e-13;

/** Two gamma components and the weight of the first. Reused across calls by hot loops (no allocation). */
export interface TwoGammaMixture {
  weight1: number;
  shape1: number;
  rate1: number;
  /** ln Γ(shape1), precomputed by the caller (it is shared by every pair with the same count). */
  logGammaShape1: number;
  shape2: number;
  rate2: number;
  logGammaShape2: number;
}

let cachedProbability = NaN;
let cachedNormalQuantile = NaN;

/** Φ⁻¹(p) for the starting point, cached because callers ask for the same p millions of times. */
function normalQuantileOf(p: number): number {
  if (p !== cachedProbability) {
    cachedProbability = p;
    cachedNormalQuantile = standardNormalQuantile(p);
  }
  return cachedNormalQuantile;
}

/**
 * The x with F(x) = p, for 0 < p < 1. NaN when the mixture is not a distribution (a non-positive shape or
 * rate, a weight outside [0, 1]).
 */
export function twoGammaMixtureQuantile(p: number, mixture: TwoGammaMixture): number {
  const { shape1, rate1, logGammaShape1, shape2, rate2, logGammaShape2 } = mixture;
  let w1 = mixture.weight1;
  if (!(p > 0 && p < 1) || !(w1 >= 0 && w1 <= 1)) return NaN;
  if (w1 < NEGLIGIBLE_WEIGHT) w1 = 0;
  else if (w1 > 1 - NEGLIGIBLE_WEIGHT) w1 = 1;
  const w2 = 1 - w1;
  if ((w1 > 0 && !(shape1 > 0 && rate1 > 0)) || (w2 > 0 && !(shape2 > 0 && rate2 > 0))) return NaN;

  let u = Math.log(startingPoint(p, w1, shape1, rate1, w2, shape2, rate2));
  let lo = -Infinity;
  let hi = Infinity;
  let lastStep = Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const x = Math.exp(u);
    let excess = -p; // F(x) − p
    let slope = 0; // dF/du
    let curvature = 0; // d²F/du²
    if (w1 > 0) {
      excess += w1 * gammaCdf(x, shape1, rate1);
      const scaled = rate1 * x;
      const density = w1 * Math.exp(shape1 * Math.log(scaled) - scaled - logGammaShape1);
      slope += density;
      curvature += density * (shape1 - scaled);
    }
    if (w2 > 0) {
      excess += w2 * gammaCdf(x, shape2, rate2);
      const scaled = rate2 * x;
      const density = w2 * Math.exp(shape2 * Math.log(scaled) - scaled - logGammaShape2);
      slope += density;
      curvature += density * (shape2 - scaled);
    }
    if (excess === 0) return x;
    if (excess < 0) lo = u;
    else hi = u;

    let step = halleyStep(excess, slope, curvature);
    if (Math.abs(step) < STEP_TOLERANCE) return Math.exp(u + step);
    const bracketed = lo > -Infinity && hi < Infinity;
    // Halley is trusted only inside the bracket and while it at least halves the step (as in `rtsafe`,
    // Numerical Recipes §9.4); far in a tail the density underflows and its steps crawl.
    const trusted = Number.isFinite(step) && u + step > lo && u + step < hi && Math.abs(step) <= Math.min(MAX_LOG_STEP, 0.5 * Math.abs(lastStep));
    if (!trusted) {
      if (bracketed) step = 0.5 * (lo + hi) - u;
      else step = excess < 0 ? MAX_LOG_STEP : -MAX_LOG_STEP;
    }
    if (bracketed && hi - lo < BRACKET_TOLERANCE) return Math.exp(0.5 * (lo + hi));
    lastStep = step;
    u += step;
  }
  return Math.exp(u);
}

/** Halley's step for F(u) − p = 0: −2·f·f′ / (2·f′² − f·f″). */
function halleyStep(excess: number, slope: number, curvature: number): number {
  return (-2 * excess * slope) / (2 * slope * slope - excess * curvature);
}

/**
 * A starting x: the Wilson–Hilferty quantile of the single gamma with the mixture's mean and variance,
 * or, where that approximation breaks down (small shape), the log-normal with those moments.
 */
function startingPoint(p: number, w1: number, shape1: number, rate1: number, w2: number, shape2: number, rate2: number): number {
  const mean1 = w1 > 0 ? shape1 / rate1 : 0;
  const mean2 = w2 > 0 ? shape2 / rate2 : 0;
  const mean = w1 * mean1 + w2 * mean2;
  const secondMoment = (w1 > 0 ? (w1 * mean1 * (shape1 + 1)) / rate1 : 0) + (w2 > 0 ? (w2 * mean2 * (shape2 + 1)) / rate2 : 0);
  const variance = Math.max(secondMoment - mean * mean, mean * mean * 1e-12);
  const z = normalQuantileOf(p);
  const shape = (mean * mean) / variance;
  const base = 1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape));
  if (shape >= 0.5 && base > 0.1) return mean * base * base * base;
  const logSigma = Math.sqrt(Math.log1p(variance / (mean * mean)));
  return mean * Math.exp(z * logSigma - 0.5 * logSigma * logSigma);
}
