/**
 * Maximises a smooth function of a few unconstrained parameters with analytic gradient and Hessian:
 * a damped (Levenberg-modified) Newton method with a backtracking Armijo line search.
 *
 * Each iteration solves (−H + μI)·step = g, with μ = 0 when −H is positive definite and otherwise the
 * smallest μ from a doubling sequence that makes the Cholesky factorisation succeed, so every step is an
 * ascent direction; the step is then halved until the gain is at least 1e-4 of the one predicted
 * (Nocedal & Wright, Numerical Optimization, 2nd ed., §3.1 and §3.4). Near a maximum μ = 0 and the full
 * step is taken: convergence is quadratic, so a few iterations polish any reasonable start.
 *
 * Convergence: the Newton decrement gᵀ(−H)⁻¹g / 2 — the gain a full Newton step would bring, invariant to
 * rescaling the parameters — is at most `decrementTolerance` + 1e-14·|f| at an unmodified (μ = 0) step.
 * The relative part is the rounding noise of a sum of millions of terms: below it no step can be told from
 * noise, and a line search would only chase rounding. For the same reason a step whose gain is lost in
 * rounding, when the predicted gain was below 1e-8·|f| anyway, also ends the search as converged.
 * Failure: `maxIterations` reached, no ascent step found, or a parameter beyond ±`parameterLimit`
 * (the optimum lies on the boundary of the parameter space).
 */

export interface SmoothFunction {
  readonly dimension: number;
  /** f(x); with order 2 also writes the gradient and the Hessian (row-major) to the arrays given. */
  evaluate(x: Float64Array, order: 0 | 2, gradient: Float64Array, hessian: Float64Array): number;
}

export interface NewtonOptions {
  maxIterations?: number;
  decrementTolerance?: number;
  parameterLimit?: number;
  /** Called once per iteration (to throw when a task is cancelled). */
  onIteration?: () => void;
}

export interface NewtonResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
  /** Why it stopped: 'converged', 'iteration limit', 'no ascent step', 'parameter limit'. */
  reason: string;
  gradient: Float64Array;
}

const ARMIJO = 1e-4;
const NOISE = 1e-14;
const MIN_STEP_FRACTION = 2 ** -30;
const MAX_STEP = 4;

export function maximizeNewton(f: SmoothFunction, start: ArrayLike<number>, options: NewtonOptions = {}): NewtonResult {
  const maxIterations = options.maxIterations ?? 200;
  const decrementTolerance = options.decrementTolerance ?? 1e-10;
  const parameterLimit = options.parameterLimit ?? 30;
  const k = f.dimension;
  const x = Float64Array.from(start);
  const gradient = new Float64Array(k);
  const hessian = new Float64Array(k * k);
  const step = new Float64Array(k);
  const candidate = new Float64Array(k);
  const scratchGradient = new Float64Array(k);
  const scratchHessian = new Float64Array(k * k);
  let value = f.evaluate(x, 2, gradient, hessian);
  if (!Number.isFinite(value)) return { x, value, iterations: 0, converged: false, reason: 'no ascent step', gradient };

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    options.onIteration?.();
    const damping = solveDampedNewtonStep(hessian, gradient, step, k);
    let predictedGain = 0;
    for (let j = 0; j < k; j++) predictedGain += gradient[j]! * step[j]!;
    if (damping === 0 && predictedGain / 2 <= decrementTolerance + NOISE * Math.abs(value)) {
      return { x, value, iterations: iteration - 1, converged: true, reason: 'converged', gradient };
    }
    // A step longer than MAX_STEP in any parameter is shortened first (far from the optimum a Newton step
    // on a flat surface can be enormous).
    let longest = 0;
    for (let j = 0; j < k; j++) longest = Math.max(longest, Math.abs(step[j]!));
    let fraction = longest > MAX_STEP ? MAX_STEP / longest : 1;
    let accepted = false;
    let candidateValue = value;
    let candidateHasDerivatives = false;
    while (fraction >= MIN_STEP_FRACTION) {
      for (let j = 0; j < k; j++) candidate[j] = x[j]! + fraction * step[j]!;
      // The first trial of an undamped step is usually accepted: its derivatives, computed in the same
      // pass, are then those of the next iteration.
      candidateHasDerivatives = fraction === 1 && damping === 0;
      candidateValue = f.evaluate(candidate, candidateHasDerivatives ? 2 : 0, scratchGradient, scratchHessian);
      if (Number.isFinite(candidateValue) && candidateValue >= value + ARMIJO * fraction * predictedGain) {
        accepted = true;
        break;
      }
      fraction /= 2;
    }
    if (!accepted) {
      // At the optimum to rounding: the predicted gain is below what the function can resolve.
      const converged = predictedGain <= 1e-12 * Math.max(1, Math.abs(value));
      return { x, value, iterations: iteration, converged, reason: converged ? 'converged' : 'no ascent step', gradient };
    }
    // A gain lost in rounding, when little gain was left to make, is the optimum too (a flat ridge can keep
    // the decrement just above its tolerance while every step only reshuffles rounding errors).
    const stalled = candidateValue - value <= NOISE * Math.abs(value) + 1e-12 && predictedGain <= 1e-8 * Math.max(1, Math.abs(value));
    x.set(candidate);
    if (candidateHasDerivatives) {
      value = candidateValue;
      gradient.set(scratchGradient);
      hessian.set(scratchHessian);
    } else {
      value = f.evaluate(x, 2, gradient, hessian);
    }
    if (stalled) return { x, value, iterations: iteration, converged: true, reason: 'converged', gradient };
    if (x.some((component) => Math.abs(component) > parameterLimit)) {
      return { x, value, iterations: iteration, converged: false, reason: 'parameter limit', gradient };
    }
  }
  return { x, value, iterations: maxIterations, converged: false, reason: 'iteration limit', gradient };
}

/**
 * Solves (−H + μI)·step = g by Cholesky, raising μ from 0 until −H + μI is positive definite; returns μ.
 */
function solveDampedNewtonStep(hessian: Float64Array, gradient: Float64Array, step: Float64Array, k: number): number {
  let scale = 0;
  for (let j = 0; j < k; j++) scale = Math.max(scale, Math.abs(hessian[j * k + j]!));
  const lower = new Float64Array(k * k);
  let damping = 0;
  for (let attempt = 0; attempt < 80; attempt++) {
    if (choleskyOfNegated(hessian, damping, lower, k)) {
      choleskySolve(lower, gradient, step, k);
      return damping;
    }
    damping = damping === 0 ? 1e-8 * Math.max(scale, 1) : damping * 4;
  }
  for (let j = 0; j < k; j++) step[j] = gradient[j]! / Math.max(scale, 1); // a plain gradient step
  return Infinity;
}

/** L with L·Lᵀ = −H + μI; false when that matrix is not positive definite. */
function choleskyOfNegated(hessian: Float64Array, damping: number, lower: Float64Array, k: number): boolean {
  for (let row = 0; row < k; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = -hessian[row * k + column]! + (row === column ? damping : 0);
      for (let m = 0; m < column; m++) sum -= lower[row * k + m]! * lower[column * k + m]!;
      if (row === column) {
        if (!(sum > 0)) return false;
        lower[row * k + row] = Math.sqrt(sum);
      } else {
        lower[row * k + column] = sum / lower[column * k + column]!;
      }
    }
  }
  return true;
}

function choleskySolve(lower: Float64Array, rhs: Float64Array, out: Float64Array, k: number): void {
  for (let row = 0; row < k; row++) {
    let sum = rhs[row]!;
    for (let m = 0; m < row; m++) sum -= lower[row * k + m]! * out[m]!;
    out[row] = sum / lower[row * k + row]!;
  }
  for (let row = k - 1; row >= 0; row--) {
    let sum = out[row]!;
    for (let m = row + 1; m < k; m++) sum -= lower[m * k + row]! * out[m]!;
    out[row] = sum / lower[row * k + row]!;
  }
}
