/**
 * The signal scores of pairs with large counts, end to end, against gamma_reference.json (the caers
 * reference of workers/analysis/signals/reference/ never goes above N = 54, and the bug this guards against
 * — @stdlib's incomplete gamma for x > 1000 — only showed above N ≈ 1000).
 */
import { describe, expect, it } from 'vitest';
import { computeDisproportionality } from '../../analysis/signals/disproportionality.js';
import { mgpsPosterior } from '../../analysis/signals/mgps-posterior.js';
import { readGammaReference, relativeDifference } from './gamma-reference.js';

const reference = readGammaReference();

describe('IC025 and IC975 for N = 1,000–50,000', () => {
  it('are log2 of the exact gamma quantiles minus log2(E + 0.5), to 1e-12', () => {
    const points = reference.informationComponent;
    const n = Float64Array.from(points, (point) => point.n);
    const e = Float64Array.from(points, (point) => point.n / 3);
    const scores = computeDisproportionality({
      n,
      nDrug: Float64Array.from(n, (count) => 3 * count),
      nEvent: Float64Array.from(n, (count) => 4 * count),
      nTotal: Float64Array.from(n, () => 1e7),
      e,
    });
    points.forEach((point, i) => {
      const log2Rate = Math.log2(e[i]! + 0.5);
      expect(Math.abs(scores.ic025[i]! - (Math.log2(point.lower) - log2Rate)), `N = ${point.n}`).toBeLessThan(1e-12);
      expect(Math.abs(scores.ic975[i]! - (Math.log2(point.upper) - log2Rate)), `N = ${point.n}`).toBeLessThan(1e-12);
    });
  });
});

describe('EB05 and EB95 for N = 150–50,000 under the caers priors', () => {
  it('are the exact 5% and 95% points of the posterior mixture, to 1e-10', () => {
    const cases = reference.mixtureQuantiles.filter((point) => point.prior !== undefined);
    expect(cases.length).toBeGreaterThan(50);
    for (const point of cases) {
      const fit = { ...point.prior!, logLik: NaN, converged: true, iterations: 0, starts: [], pairsUsed: 0 };
      const scores = mgpsPosterior(fit, Float64Array.of(point.n!), Float64Array.of(point.e!));
      const ours = point.p === 0.05 ? scores.eb05[0]! : scores.eb95[0]!;
      expect(relativeDifference(ours, point.x), `${point.case}, N = ${point.n}, E = ${point.e}, p = ${point.p}`).toBeLessThan(1e-10);
    }
  });
});
