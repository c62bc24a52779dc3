import { beforeAll, describe, expect, it } from 'vitest';
import type { MgpsFit } from '../../engine/api.js';
import { fitMgpsPrior, OPENEBGM_STARTS } from './mgps-fit.js';
import { mgpsPosterior } from './mgps-posterior.js';
import { loadCaersScreen, readReferencePriors, type CaersScreen, type ReferencePrior } from './reference/caers-fixture.js';
import { compareColumns } from './reference/compare.js';

function asFit(theta: Pick<ReferencePrior, 'alpha1' | 'beta1' | 'alpha2' | 'beta2' | 'p'>): MgpsFit {
  return { ...theta, logLik: NaN, converged: true, iterations: 0, starts: [], pairsUsed: 0 };
}

describe('mgpsPosterior by hand', () => {
  it('is one gamma posterior when both components are equal: Gamma(α + N, β + E)', () => {
    // α = 2, β = 1, N = 3, E = 1: Gamma(5, rate 2). EBGM = exp(ψ(5) − ln 2), ψ(5) = 1 + 1/2 + 1/3 + 1/4 − γ.
    const scores = mgpsPosterior(asFit({ alpha1: 2, beta1: 1, alpha2: 2, beta2: 1, p: 0.3 }), Float64Array.of(3), Float64Array.of(1));
    const psi5 = 1 + 1 / 2 + 1 / 3 + 1 / 4 - 0.5772156649015329;
    expect(scores.ebgm[0]).toBeCloseTo(Math.exp(psi5) / 2, 12); // 2.254595297458438
    // R 4.2: qgamma(c(0.05, 0.95), 5, 2)
    expect(scores.eb05[0]).toBeCloseTo(0.98507478402976512, 9);
    expect(scores.eb95[0]).toBeCloseTo(4.5767595133187866, 9);
  });

  it('gives NaN for an unfitted prior', () => {
    const scores = mgpsPosterior(asFit({ alpha1: NaN, beta1: 1, alpha2: 2, beta2: 1, p: 0.3 }), Float64Array.of(3), Float64Array.of(1));
    expect(scores.ebgm[0]).toBeNaN();
    expect(scores.eb05[0]).toBeNaN();
  });
});

describe('mgpsPosterior on caers against the independent R script', () => {
  let screen: CaersScreen;
  const reference = readReferencePriors();
  beforeAll(async () => {
    screen = await loadCaersScreen();
  });

  it('with R’s prior, EBGM, EB05 and EB95 match R for every pair to 1e-9 relative', () => {
    const scores = mgpsPosterior(asFit(reference.unstratified), screen.counts.n, screen.counts.e);
    for (const column of ['ebgm', 'eb05', 'eb95'] as const) {
      const difference = compareColumns(scores[column], screen.reference[column]);
      expect(difference.mismatches, column).toBe(0);
      expect(difference.worst, column).toBeLessThan(1e-9);
    }
  });

  it('with R’s stratified prior and the stratified E, matches R’s stratified scores', () => {
    const scores = mgpsPosterior(asFit(reference.stratifiedBySex), screen.counts.n, screen.counts.e_strat);
    expect(compareColumns(scores.ebgm, screen.reference.ebgm_strat).worst).toBeLessThan(1e-9);
    expect(compareColumns(scores.eb05, screen.reference.eb05_strat).worst).toBeLessThan(1e-9);
    expect(compareColumns(scores.eb95, screen.reference.eb95_strat).worst).toBeLessThan(1e-9);
  });

  it('with our own fit from openEBGM\'s starts, the whole workflow agrees with R to 1e-4', () => {
    const fit = fitMgpsPrior(screen.counts.n, screen.counts.e, { starts: OPENEBGM_STARTS.map((s) => Array.from(s)) });
    const scores = mgpsPosterior(fit, screen.counts.n, screen.counts.e);
    for (const column of ['ebgm', 'eb05', 'eb95'] as const) {
      expect(compareColumns(scores[column], screen.reference[column]).worst, column).toBeLessThan(1e-4);
    }
  });

  it('finds openEBGM’s 131 pairs with EB05 > 2 (its vignette, squashed fit, 2-digit rounding)', () => {
    // "There were 131 var1-var2 pairs with a QUANT_05 greater than 2" (openEBGM vignette
    // "openEBGM Objects", print(ebout)). Its prior came from squashed data, so borderline pairs may differ.
    const scores = mgpsPosterior(asFit(reference.unstratified), screen.counts.n, screen.counts.e);
    const above = scores.eb05.filter((value) => Math.round(value * 100) / 100 > 2).length;
    expect(Math.abs(above - 131)).toBeLessThanOrEqual(2);
  });
});
