/**
 * The exact (Garwood 1936, Biometrika 28:437–442) interval for a Poisson rate x/T, R's
 * `poisson.test(x, T)$conf.int`: the λ whose Poisson tails are α/2,
 *   lower: P(X ≥ x | λ) = α/2  (0 when x = 0),   upper: P(X ≤ x | λ) = α/2,
 * over T. These are the χ² quantiles χ²(α/2; 2x)/2 and χ²(1 − α/2; 2x + 2)/2 of the textbooks, i.e. gamma
 * quantiles; we solve the Poisson equations by Newton's method (d/dλ P(X ≤ k | λ) = −P(X = k | λ))
 * from the gamma quantile (workers/stats/gamma-distribution.ts); solving the Poisson equations directly
 * keeps the limits independent of the incomplete gamma, which @stdlib got wrong above 1000 (its upper
 * limit at x = 1000 was 1.5e-4 too high; see workers/stats/reference/README.md).
 */
import { gammaQuantile } from '../gamma-distribution.js';
import { logGamma } from '../special-functions.js';

export function exactPoissonInterval(count: number, exposure: number, level = 0.95): { lower: number; upper: number } {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`a Poisson count must be a whole number ≥ 0, not ${count}`);
  if (!(exposure > 0 && Number.isFinite(exposure))) throw new RangeError(`the exposure must be a positive number, not ${exposure}`);
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : solvePoissonLowerTail(count - 1, 1 - alpha / 2, gammaQuantile(alpha / 2, count, 1));
  const upper = solvePoissonLowerTail(count, alpha / 2, gammaQuantile(1 - alpha / 2, count + 1, 1));
  return { lower: lower / exposure, upper: upper / exposure };
}

const MAX_NEWTON_STEPS = 50;

/** The λ with P(X ≤ k | λ) = target, by Newton's method from `start` (the tail falls as λ grows). */
function solvePoissonLowerTail(k: number, target: number, start: number): number {
  let lambda = start;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const next = Math.max(lambda + (poissonLowerTail(k, lambda) - target) / Math.exp(poissonLogProbability(k, lambda)), lambda / 2);
    if (Math.abs(next - lambda) <= 1e-15 * lambda) return next;
    lambda = next;
  }
  return lambda;
}

function poissonLogProbability(k: number, lambda: number): number {
  return k * Math.log(lambda) - lambda - logGamma(k + 1);
}

/**
 * P(X ≤ k | λ) = Σ_{j ≤ k} P(X = j): from the term at k downwards (P(j − 1) = P(j)·j/λ), until the terms,
 * past the mode, no longer change the sum. Near the interval limits that is O(√k) terms.
 */
function poissonLowerTail(k: number, lambda: number): number {
  let term = Math.exp(poissonLogProbability(k, lambda));
  let sum = term;
  for (let j = k; j > 0; j--) {
    term *= j / lambda;
    sum += term;
    if (j < lambda && term <= sum * 1e-17) break;
  }
  return sum;
}
