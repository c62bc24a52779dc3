/**
 * Empirical-Bayes scores of every pair under a fitted MGPS prior (DuMouchel 1999):
 * - Qn = P·f1(N) / (P·f1(N) + (1 − P)·f2(N)) (eq. 6), with the untruncated negative binomials, as
 *   openEBGM `Qn` computes it;
 * - the posterior λ | N ~ Qn·Gamma(α1 + N, β1 + E) + (1 − Qn)·Gamma(α2 + N, β2 + E);
 * - EBGM = exp(E[ln λ]) = exp(Qn·(ψ(α1 + N) − ln(β1 + E)) + (1 − Qn)·(ψ(α2 + N) − ln(β2 + E))) (eqs. 9–11);
 * - EB05, EB95: the 5% and 95% points of that mixture, by a safeguarded Halley root finder to ~1e-10
 *   relative (workers/stats/gamma-mixture-quantile.ts); openEBGM bisects to 2 decimals and rounds.
 *
 * Values are not rounded. E may be stratified (the caller's choice; the prior must have been fitted on the
 * same E). The scores depend on (N, E) only, so they are computed once per distinct (N, E) — margins repeat:
 * caers has 1,723 distinct (N, E) among 17,189 pairs — and copied to the other pairs. What depends on N
 * only — ln Γ(α + N), ψ(α + N) — is computed once per distinct N, and the loop allocates nothing.
 */
import type { MgpsFit } from '../../engine/api.js';
import { indexDistinctPairs } from '../../stats/distinct-pairs.js';
import { indexDistinctValues } from '../../stats/distinct-values.js';
import { twoGammaMixtureQuantile, type TwoGammaMixture } from '../../stats/gamma-mixture-quantile.js';
import { digamma, logGamma } from '../../stats/special-functions.js';

export interface MgpsScores {
  ebgm: Float64Array;
  eb05: Float64Array;
  eb95: Float64Array;
}

export function mgpsPosterior(fit: MgpsFit, n: Float64Array, e: Float64Array): MgpsScores {
  if (!worthSharing(n, e)) return scoreEveryPair(fit, n, e);
  const { firstRow, pairOfRow } = indexDistinctPairs(n, e);
  const distinctScores = scoreEveryPair(fit, Float64Array.from(firstRow, (row) => n[row]!), Float64Array.from(firstRow, (row) => e[row]!));
  const scores: MgpsScores = { ebgm: new Float64Array(n.length), eb05: new Float64Array(n.length), eb95: new Float64Array(n.length) };
  for (let row = 0; row < n.length; row++) {
    const pair = pairOfRow[row]!;
    scores.ebgm[row] = distinctScores.ebgm[pair]!;
    scores.eb05[row] = distinctScores.eb05[pair]!;
    scores.eb95[row] = distinctScores.eb95[pair]!;
  }
  return scores;
}

/**
 * Finding the distinct (N, E) costs ~0.3 s per million pairs (a hash table far larger than the caches), a
 * loss when nearly every E differs (fine-grained stratified E). Up to a million pairs it is always done;
 * above, only when a strided sample of 250,000 pairs already shows clear repetition.
 */
function worthSharing(n: Float64Array, e: Float64Array): boolean {
  const SAMPLE = 250_000;
  if (n.length <= 1_000_000) return true;
  const stride = Math.ceil(n.length / SAMPLE);
  const sampleN = new Float64Array(Math.ceil(n.length / stride));
  const sampleE = new Float64Array(sampleN.length);
  for (let i = 0; i < sampleN.length; i++) {
    sampleN[i] = n[i * stride]!;
    sampleE[i] = e[i * stride]!;
  }
  return indexDistinctPairs(sampleN, sampleE).firstRow.length < 0.7 * sampleN.length;
}

function scoreEveryPair(fit: MgpsFit, n: Float64Array, e: Float64Array): MgpsScores {
  const size = n.length;
  const scores: MgpsScores = { ebgm: new Float64Array(size), eb05: new Float64Array(size), eb95: new Float64Array(size) };
  const { alpha1, beta1, alpha2, beta2, p } = fit;
  if (![alpha1, beta1, alpha2, beta2].every((value) => value > 0 && value < Infinity) || !(p > 0 && p < 1)) {
    scores.ebgm.fill(NaN);
    scores.eb05.fill(NaN);
    scores.eb95.fill(NaN);
    return scores;
  }

  const distinct = indexDistinctValues(n);
  const shapeTerms = (alpha: number) => {
    const logGammaAlpha = logGamma(alpha);
    const logGammaShape = distinct.values.map((count) => logGamma(alpha + count));
    return {
      logGammaShape,
      // ln Γ(α + N) − ln Γ(α): the part of ln f(N) that depends on α and N only.
      logCoefficient: logGammaShape.map((value) => value - logGammaAlpha),
      digammaShape: distinct.values.map((count) => digamma(alpha + count)),
    };
  };
  const first = shapeTerms(alpha1);
  const second = shapeTerms(alpha2);
  const logPrior1 = Math.log(p) + alpha1 * Math.log(beta1);
  const logPrior2 = Math.log1p(-p) + alpha2 * Math.log(beta2);
  const mixture: TwoGammaMixture = { weight1: 0, shape1: 0, rate1: 0, logGammaShape1: 0, shape2: 0, rate2: 0, logGammaShape2: 0 };

  for (let i = 0; i < size; i++) {
    const slot = distinct.slotOfRow[i]!;
    const count = n[i]!;
    const rate1 = beta1 + e[i]!;
    const rate2 = beta2 + e[i]!;
    if (slot < 0 || !(rate1 > 0 && rate2 > 0 && rate1 < Infinity)) {
      scores.ebgm[i] = NaN;
      scores.eb05[i] = NaN;
      scores.eb95[i] = NaN;
      continue;
    }
    const logRate1 = Math.log(rate1);
    const logRate2 = Math.log(rate2);
    // ln(P·f1(N)) and ln((1−P)·f2(N)) without the terms they share (N·ln E − ln N!).
    const log1 = logPrior1 + first.logCoefficient[slot]! - (alpha1 + count) * logRate1;
    const log2 = logPrior2 + second.logCoefficient[slot]! - (alpha2 + count) * logRate2;
    const qn = 1 / (1 + Math.exp(log2 - log1));
    scores.ebgm[i] = Math.exp(qn * (first.digammaShape[slot]! - logRate1) + (1 - qn) * (second.digammaShape[slot]! - logRate2));

    mixture.weight1 = qn;
    mixture.shape1 = alpha1 + count;
    mixture.rate1 = rate1;
    mixture.logGammaShape1 = first.logGammaShape[slot]!;
    mixture.shape2 = alpha2 + count;
    mixture.rate2 = rate2;
    mixture.logGammaShape2 = second.logGammaShape[slot]!;
    scores.eb05[i] = twoGammaMixtureQuantile(0.05, mixture);
    scores.eb95[i] = twoGammaMixtureQuantile(0.95, mixture);
  }
  return scores;
}
