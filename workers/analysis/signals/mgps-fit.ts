/**
 * Fits the MGPS prior (DuMouchel 1999): λ ~ P·Gamma(α1, rate β1) + (1 − P)·Gamma(α2, rate β2), by
 * maximum likelihood of the marginal counts — a mixture of two negative binomials — over the pairs with
 * N ≥ N* (default 1), each component truncated at N* (DuMouchel & Pregibon 2001; openEBGM
 * `negLL(theta, N, E, N_star = 1)`). See workers/stats/truncated-nb-mixture-likelihood.ts.
 *
 * - Several starting points (default: openEBGM's five vignette rows and three more, see DEFAULT_MGPS_STARTS); each is optimised on its own
 *   and reported with where it ended, its log-likelihood and whether it converged; the fit is the converged
 *   end point with the highest log-likelihood (openEBGM `autoHyper` also picks the smallest −logL).
 * - Optimiser: damped Newton on φ = (ln α1, ln β1, ln α2, ln β2, logit P) with the analytic Hessian and a
 *   line search (workers/stats/maximize-newton.ts). Converged means the Newton decrement — the gain a
 *   further step would bring — is below 1e-10 at a positive-definite Hessian; a start whose parameters run
 *   beyond e^±30 (a component vanishing, P → 0 or 1) or that exhausts 200 iterations is not converged.
 * - **Exact likelihood by default.** Up to `exactFitLimit` pairs (200,000) every start runs on the exact
 *   likelihood, so the result is the one R or openEBGM reach from the same starts. Above it, the starts
 *   first run on coarsely squashed data (DuMouchel & Pregibon 2001, openEBGM `squashData`: ≤ 20,000 runs,
 *   E within a factor 2 per run), above 400,000 pairs each distinct end point is refined on finely squashed
 *   data (~200,000 runs, E within 5%), and every distinct end point is finally polished on the exact
 *   likelihood — so the estimates and log-likelihoods reported are always those of the exact likelihood;
 *   squashing only saves the early iterations (5M pairs: ~2 passes over the full data instead of ~15 per
 *   start). A start may then end at a different local maximum than the exact path would have taken
 *   (the likelihood is multimodal: on caers the five default starts all reach logLik −4162.4557 on the
 *   exact path, while a squashed first stage reaches a higher maximum, −4162.1808; see reference/README.md).
 *   openEBGM's vignettes instead report the optimum of the squashed likelihood itself.
 * - Pairs with equal N and E are merged into weighted points before any of this — lossless, and on caers it
 *   makes the exact fit 4× faster (17,189 pairs, 1,723 distinct (N, E) unstratified, 3,753 stratified).
 * - The log-likelihood includes every constant (ln N! terms), so it equals R's
 *   `sum(log(P·dnbinom(N, α1, β1/(β1+E))/(1−F1(N*−1)) + …))`, i.e. −negLL.
 */
import type { MgpsFit } from '../../engine/api.js';
import { cancelledError } from '../../engine/errors.js';
import { maximizeNewton, type NewtonResult } from '../../stats/maximize-newton.js';
import { sortCountsByE, squashCounts } from '../../stats/squash-counts.js';
import {
  createTruncatedMixtureLogLikelihood,
  phiFromTheta,
  thetaFromPhi,
  type CountPoints,
  type TruncatedMixtureLogLikelihood,
} from '../../stats/truncated-nb-mixture-likelihood.js';

export { DEFAULT_MGPS_STARTS, OPENEBGM_STARTS } from './mgps-starts.js';
import { DEFAULT_MGPS_STARTS } from './mgps-starts.js';

export interface MgpsFitOptions {
  /** N*: pairs with at least this many reports are fitted, the likelihood truncated there (default 1). */
  minCount?: number;
  /** Starting points (α1, β1, α2, β2, P); DEFAULT_MGPS_STARTS (openEBGM's five and three more) when absent. */
  starts?: number[][];
  /** Checked once per optimiser iteration; a cancelled fit throws a CANCELLED PmwError. */
  signal?: { cancelled: boolean };
  /** Above this many pairs, starts run on squashed data before the exact polish (default 200,000). */
  exactFitLimit?: number;
}

/** Finest first: the fit runs on the last (coarsest) and refines towards the exact likelihood. */
function squashingStages(pairs: number): { points: number; spread: number }[] {
  const coarse = { points: Math.min(20_000, Math.ceil(pairs / 10)), spread: 1 };
  return pairs > 400_000 ? [{ points: 200_000, spread: 0.05 }, coarse] : [coarse];
}
/** End points closer than this (in φ) are refined once. */
const SAME_END_POINT = 1e-3;

export function fitMgpsPrior(n: Float64Array, e: Float64Array, options: MgpsFitOptions = {}): MgpsFit {
  const minCount = options.minCount ?? 1;
  const starts = (options.starts ?? DEFAULT_MGPS_STARTS).map((start) => Array.from(start));
  const onIteration = () => {
    if (options.signal?.cancelled) throw cancelledError('The MGPS prior fit');
  };
  const points = pairsToFit(n, e, minCount);
  const size = points.n.length;
  if (size === 0) return unfitted(starts);

  // Pairs with equal N and E contribute equal terms: merged into one weighted point, the likelihood is
  // still exact (a run of equal E has that E as its mean) and cheaper wherever margins repeat.
  const sorted = sortCountsByE(points.n, points.e);
  const stages = [createTruncatedMixtureLogLikelihood(squashCounts(sorted, 1, 0), minCount)];
  if (size > (options.exactFitLimit ?? 200_000)) {
    for (const { points: target, spread } of squashingStages(size)) {
      stages.unshift(createTruncatedMixtureLogLikelihood(squashCounts(sorted, target, spread), minCount));
    }
  }
  let runs = starts.map((start) => maximizeNewton(adapt(stages[0]!), phiFromTheta(start), { onIteration }));
  for (const stage of stages.slice(1)) runs = refine(runs, stage, onIteration);

  const chosen = chooseBest(runs);
  const best = runs[chosen]!;
  const [alpha1, beta1, alpha2, beta2, p] = thetaFromPhi(best.x);
  return {
    alpha1,
    beta1,
    alpha2,
    beta2,
    p,
    logLik: best.value,
    converged: best.converged,
    iterations: best.iterations,
    starts: runs.map((run, i) => ({ start: starts[i]!, end: thetaFromPhi(run.x), logLik: run.value, converged: run.converged })),
    pairsUsed: size,
  };
}

/** The pairs the prior is fitted on: N ≥ N*, with a positive, finite E. */
function pairsToFit(n: Float64Array, e: Float64Array, minCount: number): CountPoints {
  let size = 0;
  for (let i = 0; i < n.length; i++) if (n[i]! >= minCount && e[i]! > 0 && e[i]! < Infinity) size++;
  const kept = { n: new Float64Array(size), e: new Float64Array(size) };
  let out = 0;
  for (let i = 0; i < n.length; i++) {
    if (n[i]! >= minCount && e[i]! > 0 && e[i]! < Infinity) {
      kept.n[out] = n[i]!;
      kept.e[out] = e[i]!;
      out++;
    }
  }
  return kept;
}

function adapt(likelihood: TruncatedMixtureLogLikelihood) {
  return { dimension: 5, evaluate: likelihood.evaluate };
}

/** Each distinct end point, maximised again on a finer likelihood; starts that ended together share it. */
function refine(runs: NewtonResult[], likelihood: TruncatedMixtureLogLikelihood, onIteration: () => void): NewtonResult[] {
  const refined: { from: Float64Array; result: NewtonResult }[] = [];
  return runs.map((run) => {
    let same = refined.find(({ from }) => from.every((value, j) => Math.abs(value - run.x[j]!) < SAME_END_POINT));
    if (!same) {
      same = { from: run.x, result: maximizeNewton(adapt(likelihood), run.x, { onIteration }) };
      refined.push(same);
    }
    return { ...same.result, converged: same.result.converged && run.converged, iterations: run.iterations + same.result.iterations };
  });
}

/** Index of the converged run with the highest log-likelihood; of any run when none converged. */
function chooseBest(runs: NewtonResult[]): number {
  let best = -1;
  for (const pass of [true, false]) {
    runs.forEach((run, i) => {
      if ((run.converged || !pass) && Number.isFinite(run.value) && (best < 0 || run.value > runs[best]!.value)) best = i;
    });
    if (best >= 0) return best;
  }
  return 0;
}

function unfitted(starts: number[][]): MgpsFit {
  return {
    alpha1: NaN,
    beta1: NaN,
    alpha2: NaN,
    beta2: NaN,
    p: NaN,
    logLik: NaN,
    converged: false,
    iterations: 0,
    starts: starts.map((start) => ({ start, end: start.map(() => NaN), logLik: NaN, converged: false })),
    pairsUsed: 0,
  };
}
