import { describe, expect, it } from 'vitest';
import { createTruncatedMixtureLogLikelihood, phiFromTheta, thetaFromPhi } from './truncated-nb-mixture-likelihood.js';

const n = Float64Array.of(1, 1, 2, 3, 5, 12);
const e = Float64Array.of(0.01, 0.5, 0.2, 1.3, 0.9, 2.5);
const theta = [0.3, 0.2, 2.5, 1.7, 0.15];

describe('truncated negative-binomial mixture log-likelihood', () => {
  // Expected values: R 4.2, with f(a, b) = dnbinom(n, size = a, prob = b/(b + e)) /
  // pnbinom(N* − 1, size = a, prob = b/(b + e), lower.tail = FALSE) and sum(log(P·f(α1, β1) + (1 − P)·f(α2, β2))).
  it('equals R’s value with the truncation at N* = 1 (openEBGM negLL)', () => {
    const likelihood = createTruncatedMixtureLogLikelihood({ n, e }, 1);
    expect(likelihood.evaluate(phiFromTheta(theta), 0)).toBeCloseTo(-12.124970004056788, 12);
  });

  it('equals R’s value untruncated (N* = 0) and at N* = 2 over the pairs with N ≥ 2', () => {
    expect(createTruncatedMixtureLogLikelihood({ n, e }, 0).evaluate(phiFromTheta(theta), 0)).toBeCloseTo(-19.681496848872392, 12);
    const atLeastTwo = { n: n.filter((count) => count >= 2), e: e.filter((_, i) => n[i]! >= 2) };
    expect(createTruncatedMixtureLogLikelihood(atLeastTwo, 2).evaluate(phiFromTheta(theta), 0)).toBeCloseTo(-8.7823875558010691, 12);
  });

  it('weights count a point that many times', () => {
    const once = createTruncatedMixtureLogLikelihood({ n: n.subarray(0, 1), e: e.subarray(0, 1) }, 1).evaluate(phiFromTheta(theta), 0);
    const weighted = createTruncatedMixtureLogLikelihood({ n: n.subarray(0, 1), e: e.subarray(0, 1), weight: Float64Array.of(7) }, 1);
    expect(weighted.evaluate(phiFromTheta(theta), 0)).toBeCloseTo(7 * once, 12);
  });

  it.each([0, 1, 3])('has the analytic gradient and Hessian of central differences (N* = %s)', (truncation) => {
    const kept = { n: n.filter((count) => count >= truncation), e: e.filter((_, i) => n[i]! >= truncation) };
    const likelihood = createTruncatedMixtureLogLikelihood(kept, truncation);
    const phi = phiFromTheta(theta);
    const gradient = new Float64Array(5);
    const hessian = new Float64Array(25);
    likelihood.evaluate(phi, 2, gradient, hessian);
    const h = 1e-5;
    const shifted = (j: number, by: number) => {
      const x = Float64Array.from(phi);
      x[j]! += by;
      return x;
    };
    for (let j = 0; j < 5; j++) {
      const numeric = (likelihood.evaluate(shifted(j, h), 0) - likelihood.evaluate(shifted(j, -h), 0)) / (2 * h);
      expect(gradient[j]).toBeCloseTo(numeric, 6);
      const plus = new Float64Array(5);
      const minus = new Float64Array(5);
      likelihood.evaluate(shifted(j, h), 1, plus);
      likelihood.evaluate(shifted(j, -h), 1, minus);
      for (let m = 0; m < 5; m++) expect(hessian[j * 5 + m]).toBeCloseTo((plus[m]! - minus[m]!) / (2 * h), 5);
    }
  });

  it('maps θ and the unconstrained φ both ways', () => {
    const back = thetaFromPhi(phiFromTheta(theta));
    back.forEach((value, j) => expect(value).toBeCloseTo(theta[j]!, 14));
  });
});
