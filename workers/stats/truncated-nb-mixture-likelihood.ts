/**
 * Log-likelihood of DuMouchel's (1999) gamma–Poisson shrinker marginal: counts N_i with expected counts
 * E_i, each N_i drawn from a mixture of two negative binomials
 *   f_k(n) = Γ(α_k + n) / (Γ(α_k) n!) · (β_k/(β_k + E))^α_k · (E/(β_k + E))^n      (size α_k, rate β_k),
 * each component truncated to n ≥ N* (f*_k = f_k / (1 − Σ_{j<N*} f_k(j)), DuMouchel & Pregibon 2001;
 * openEBGM `negLL(theta, N, E, N_star)`), mixed with weight P:
 *   ℓ(θ) = Σ_i w_i · ln(P·f*_1(N_i) + (1 − P)·f*_2(N_i)).
 *
 * Parameters are on an unconstrained scale, φ = (ln α1, ln β1, ln α2, ln β2, logit P), and the value,
 * gradient and Hessian in φ are analytic, so a Newton optimiser needs one pass over the data per step.
 * What depends on N only (ln Γ(α + N), ψ(α + N), ψ′(α + N)) is computed once per distinct N: pairs with
 * the same N cannot be merged (their E differ), but they share those terms. A pass costs about a dozen
 * exp/log per point and allocates nothing.
 */
import { indexDistinctValues } from './distinct-values.js';
import { digamma, logGamma, trigamma } from './special-functions.js';

export interface CountPoints {
  /** Observed counts, each ≥ the truncation point. */
  n: Float64Array;
  /** Expected counts, each > 0. */
  e: Float64Array;
  /** Optional weights (squashed points stand for several pairs); 1 when absent. */
  weight?: Float64Array;
}

export interface TruncatedMixtureLogLikelihood {
  readonly points: number;
  /**
   * ℓ at φ. With `order` 1 the gradient (5) and with 2 also the Hessian (5×5, row-major) are written to
   * the arrays given.
   */
  evaluate(phi: Float64Array, order: 0 | 1 | 2, gradient?: Float64Array, hessian?: Float64Array): number;
}

/** Converts φ to θ = (α1, β1, α2, β2, P). */
export function thetaFromPhi(phi: ArrayLike<number>): [number, number, number, number, number] {
  return [Math.exp(phi[0]!), Math.exp(phi[1]!), Math.exp(phi[2]!), Math.exp(phi[3]!), 1 / (1 + Math.exp(-phi[4]!))];
}

/** Converts θ = (α1, β1, α2, β2, P) to φ. */
export function phiFromTheta(theta: ArrayLike<number>): Float64Array {
  const p = theta[4]!;
  return Float64Array.of(Math.log(theta[0]!), Math.log(theta[1]!), Math.log(theta[2]!), Math.log(theta[3]!), Math.log(p / (1 - p)));
}

/**
 * One component's ln f*(n) and its derivatives in (ln α, ln β), for one point, written to `out` as
 * [g, ∂a, ∂c, ∂aa, ∂ac, ∂cc] (a = ln α, c = ln β). `terms` holds, for this α, the per-count tables.
 */
interface ComponentTables {
  alpha: number;
  beta: number;
  logBeta: number;
  /** Per distinct count: ln Γ(α + n) − ln Γ(α) − ln n!, ψ(α + n) − ψ(α), ψ′(α + n) − ψ′(α). */
  logCoefficient: Float64Array;
  digammaDifference: Float64Array;
  trigammaDifference: Float64Array;
  /** The same for j = 0 … N* − 1, the counts truncated away. */
  truncatedLogCoefficient: Float64Array;
  truncatedDigamma: Float64Array;
  truncatedTrigamma: Float64Array;
}

export function createTruncatedMixtureLogLikelihood(data: CountPoints, truncationPoint: number): TruncatedMixtureLogLikelihood {
  const { n, e } = data;
  const size = n.length;
  const weight = data.weight;
  const logE = new Float64Array(size);
  for (let i = 0; i < size; i++) logE[i] = Math.log(e[i]!);
  const distinct = indexDistinctValues(n);
  const slot = distinct.slotOfRow;
  const counts = distinct.values;
  const logFactorial = counts.map((value) => logGamma(value + 1));
  const truncated = Float64Array.from({ length: Math.max(0, truncationPoint) }, (_, j) => j);
  const truncatedLogFactorial = truncated.map((value) => logGamma(value + 1));
  const tables1 = allocateTables(counts.length, truncated.length);
  const tables2 = allocateTables(counts.length, truncated.length);
  const component1 = new Float64Array(6);
  const component2 = new Float64Array(6);

  function fillTables(tables: ComponentTables, alpha: number, beta: number, order: number): void {
    tables.alpha = alpha;
    tables.beta = beta;
    tables.logBeta = Math.log(beta);
    const logGammaAlpha = logGamma(alpha);
    const digammaAlpha = order > 0 ? digamma(alpha) : 0;
    const trigammaAlpha = order > 1 ? trigamma(alpha) : 0;
    fillCountTerms(counts, logFactorial, tables.logCoefficient, tables.digammaDifference, tables.trigammaDifference);
    fillCountTerms(truncated, truncatedLogFactorial, tables.truncatedLogCoefficient, tables.truncatedDigamma, tables.truncatedTrigamma);

    function fillCountTerms(values: Float64Array, logFactorials: Float64Array, logCoefficient: Float64Array, digammaDifference: Float64Array, trigammaDifference: Float64Array): void {
      for (let s = 0; s < values.length; s++) {
        const shape = alpha + values[s]!;
        logCoefficient[s] = logGamma(shape) - logGammaAlpha - logFactorials[s]!;
        if (order > 0) digammaDifference[s] = digamma(shape) - digammaAlpha;
        if (order > 1) trigammaDifference[s] = trigamma(shape) - trigammaAlpha;
      }
    }
  }

  return {
    points: size,
    evaluate(phi, order, gradient, hessian) {
      const [alpha1, beta1, alpha2, beta2, p] = thetaFromPhi(phi);
      const logP = -Math.log1p(Math.exp(-phi[4]!));
      const logOneMinusP = -Math.log1p(Math.exp(phi[4]!));
      fillTables(tables1, alpha1, beta1, order);
      fillTables(tables2, alpha2, beta2, order);
      let value = 0;
      // Gradient and the 15 distinct Hessian entries, accumulated in locals.
      let g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0;
      let h00 = 0, h01 = 0, h02 = 0, h03 = 0, h04 = 0, h11 = 0, h12 = 0, h13 = 0, h14 = 0;
      let h22 = 0, h23 = 0, h24 = 0, h33 = 0, h34 = 0, h44 = 0;
      for (let i = 0; i < size; i++) {
        const w = weight === undefined ? 1 : weight[i]!;
        const count = n[i]!;
        const s = slot[i]!;
        componentTerms(tables1, count, s, e[i]!, logE[i]!, order, component1);
        componentTerms(tables2, count, s, e[i]!, logE[i]!, order, component2);
        const l1 = logP + component1[0]!;
        const l2 = logOneMinusP + component2[0]!;
        const top = l1 > l2 ? l1 : l2;
        const logLik = top + Math.log(Math.exp(l1 - top) + Math.exp(l2 - top));
        value += w * logLik;
        if (order === 0) continue;
        const tau = Math.exp(l1 - logLik); // posterior weight of component 1
        const a1 = component1[1]!, c1 = component1[2]!, a2 = component2[1]!, c2 = component2[2]!;
        g0 += w * tau * a1;
        g1 += w * tau * c1;
        g2 += w * (1 - tau) * a2;
        g3 += w * (1 - tau) * c2;
        g4 += w * (tau - p);
        if (order === 1) continue;
        const v = w * tau * (1 - tau);
        h00 += w * tau * component1[3]! + v * a1 * a1;
        h01 += w * tau * component1[4]! + v * a1 * c1;
        h11 += w * tau * component1[5]! + v * c1 * c1;
        h22 += w * (1 - tau) * component2[3]! + v * a2 * a2;
        h23 += w * (1 - tau) * component2[4]! + v * a2 * c2;
        h33 += w * (1 - tau) * component2[5]! + v * c2 * c2;
        h02 -= v * a1 * a2;
        h03 -= v * a1 * c2;
        h12 -= v * c1 * a2;
        h13 -= v * c1 * c2;
        h04 += v * a1;
        h14 += v * c1;
        h24 -= v * a2;
        h34 -= v * c2;
        h44 += v - w * p * (1 - p);
      }
      if (order > 0 && gradient) gradient.set([g0, g1, g2, g3, g4]);
      if (order > 1 && hessian) {
        hessian.set([
          h00, h01, h02, h03, h04,
          h01, h11, h12, h13, h14,
          h02, h12, h22, h23, h24,
          h03, h13, h23, h33, h34,
          h04, h14, h24, h34, h44,
        ]);
      }
      return value;
    },
  };
}

function allocateTables(distinctCounts: number, truncatedCounts: number): ComponentTables {
  return {
    alpha: NaN,
    beta: NaN,
    logBeta: NaN,
    logCoefficient: new Float64Array(distinctCounts),
    digammaDifference: new Float64Array(distinctCounts),
    trigammaDifference: new Float64Array(distinctCounts),
    truncatedLogCoefficient: new Float64Array(truncatedCounts),
    truncatedDigamma: new Float64Array(truncatedCounts),
    truncatedTrigamma: new Float64Array(truncatedCounts),
  };
}

/**
 * ln f*(n) of one component and its derivatives, into out = [g, ∂a, ∂c, ∂aa, ∂ac, ∂cc].
 *
 * In (α, β), with L = ln(β + E) and r = ln β − L:
 *   ln f(j) = C(j) + α·r + j·(ln E − L)
 *   ∂α = ψ(α + j) − ψ(α) + r,  ∂β = α/β − (α + j)/(β + E),
 *   ∂αα = ψ′(α + j) − ψ′(α),   ∂αβ = 1/β − 1/(β + E),  ∂ββ = −α/β² + (α + j)/(β + E)².
 * Truncation: S = 1 − Σ_{j<N*} f(j) (the j = 0 term via expm1 for accuracy when E is tiny), and with
 * A = Σ f(j)·∇ln f(j), B = Σ f(j)·(∇² ln f(j) + ∇ln f(j)∇ln f(j)ᵀ):
 *   ln f* = ln f(n) − ln S,  ∇ ln f* = ∇ ln f(n) + A/S,  ∇² ln f* = ∇² ln f(n) + B/S + AAᵀ/S².
 * Then to (a, c) = (ln α, ln β): ∂a = α∂α, ∂c = β∂β, ∂aa = α²∂αα + α∂α, ∂ac = αβ∂αβ, ∂cc = β²∂ββ + β∂β.
 */
function componentTerms(t: ComponentTables, count: number, slot: number, e: number, logE: number, order: number, out: Float64Array): void {
  const { alpha, beta } = t;
  const betaPlusE = beta + e;
  const logBetaPlusE = Math.log(betaPlusE);
  const r = t.logBeta - logBetaPlusE;
  const logOdds = logE - logBetaPlusE;
  const logF = t.logCoefficient[slot]! + alpha * r + count * logOdds;

  const truncatedCount = t.truncatedLogCoefficient.length;
  // f(0) = (β/(β + E))^α; 1 − f(0) directly unless that would cancel (f(0) near 1 when E is tiny).
  const zeroProbability = Math.exp(alpha * r);
  let survival = truncatedCount === 0 ? 1 : zeroProbability < 0.5 ? 1 - zeroProbability : -Math.expm1(alpha * r);
  for (let j = 1; j < truncatedCount; j++) survival -= Math.exp(t.truncatedLogCoefficient[j]! + alpha * r + j * logOdds);
  out[0] = logF - Math.log(survival);
  if (order === 0) return;

  const inverseBeta = 1 / beta;
  const inverseBetaPlusE = 1 / betaPlusE;
  const dAlpha = t.digammaDifference[slot]! + r;
  const dBeta = alpha * inverseBeta - (alpha + count) * inverseBetaPlusE;
  let aAlpha = 0, aBeta = 0, bAlphaAlpha = 0, bAlphaBeta = 0, bBetaBeta = 0;
  const crossAlphaBeta = inverseBeta - inverseBetaPlusE;
  for (let j = 0; j < truncatedCount; j++) {
    const f = j === 0 ? zeroProbability : Math.exp(t.truncatedLogCoefficient[j]! + alpha * r + j * logOdds);
    const jAlpha = t.truncatedDigamma[j]! + r;
    const jBeta = alpha * inverseBeta - (alpha + j) * inverseBetaPlusE;
    aAlpha += f * jAlpha;
    aBeta += f * jBeta;
    if (order > 1) {
      bAlphaAlpha += f * (t.truncatedTrigamma[j]! + jAlpha * jAlpha);
      bAlphaBeta += f * (crossAlphaBeta + jAlpha * jBeta);
      bBetaBeta += f * (-alpha * inverseBeta * inverseBeta + (alpha + j) * inverseBetaPlusE * inverseBetaPlusE + jBeta * jBeta);
    }
  }
  const inverseSurvival = 1 / survival;
  const gAlpha = dAlpha + aAlpha * inverseSurvival;
  const gBeta = dBeta + aBeta * inverseSurvival;
  out[1] = alpha * gAlpha;
  out[2] = beta * gBeta;
  if (order === 1) return;

  const s2 = inverseSurvival * inverseSurvival;
  const gAlphaAlpha = t.trigammaDifference[slot]! + bAlphaAlpha * inverseSurvival + aAlpha * aAlpha * s2;
  const gAlphaBeta = crossAlphaBeta + bAlphaBeta * inverseSurvival + aAlpha * aBeta * s2;
  const gBetaBeta = -alpha * inverseBeta * inverseBeta + (alpha + count) * inverseBetaPlusE * inverseBetaPlusE + bBetaBeta * inverseSurvival + aBeta * aBeta * s2;
  out[3] = alpha * alpha * gAlphaAlpha + alpha * gAlpha;
  out[4] = alpha * beta * gAlphaBeta;
  out[5] = beta * beta * gBetaBeta + beta * gBeta;
}
