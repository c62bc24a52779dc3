/**
 * Timing, not a test: the MGPS fit, the posterior scores and the other measures on a seeded synthetic
 * table of drug–event pairs drawn from DuMouchel's model (margins heavy-tailed, E = nDrug·nEvent/N,
 * λ from his 1999 FDA prior, N ~ Poisson(λE), pairs with N ≥ 1 kept).
 *
 *   npx tsx workers/analysis/signals/reference/time-mgps-synthetic.ts [pairs = 5000000] [--distinct-e]
 *
 * `--distinct-e` jitters every E so that no two pairs share (N, E): the worst case for the work shared
 * between equal pairs.
 */
import { Random } from '../../../../samples/generate/random.js';
import { computeDisproportionality } from '../disproportionality.js';
import { fitMgpsPrior } from '../mgps-fit.js';
import { mgpsPosterior } from '../mgps-posterior.js';

const pairs = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 5_000_000);
const distinctE = process.argv.includes('--distinct-e');
const REPORTS = 5_000_000;
const TRUE_PRIOR = { alpha1: 0.2, beta1: 0.06, alpha2: 1.4, beta2: 1.8, p: 0.1 };

/** Marsaglia & Tsang (2000), with the shape < 1 boost U^(1/shape). */
function gammaDraw(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gammaDraw(random, shape + 1, rate) * Math.pow(random.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = random.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(random.uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

function simulate(): { n: Float64Array; nDrug: Float64Array; nEvent: Float64Array; nTotal: Float64Array; e: Float64Array } {
  const random = new Random(20_240_501, 'mgps-timing');
  const table = { n: new Float64Array(pairs), nDrug: new Float64Array(pairs), nEvent: new Float64Array(pairs), nTotal: new Float64Array(pairs).fill(REPORTS), e: new Float64Array(pairs) };
  let kept = 0;
  while (kept < pairs) {
    const nDrug = Math.ceil(Math.exp(random.uniform() * Math.log(200_000)));
    const nEvent = Math.ceil(Math.exp(random.uniform() * Math.log(300_000)));
    let e = (nDrug * nEvent) / REPORTS;
    if (distinctE) e *= 1 + 1e-9 * random.uniform();
    const first = random.uniform() < TRUE_PRIOR.p;
    const lambda = first ? gammaDraw(random, TRUE_PRIOR.alpha1, TRUE_PRIOR.beta1) : gammaDraw(random, TRUE_PRIOR.alpha2, TRUE_PRIOR.beta2);
    const n = random.poisson(lambda * e);
    if (n < 1 || n > Math.min(nDrug, nEvent)) continue;
    table.n[kept] = n;
    table.nDrug[kept] = nDrug;
    table.nEvent[kept] = nEvent;
    table.e[kept] = e;
    kept++;
  }
  return table;
}

function timed<T>(label: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  console.log(`${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s`);
  return result;
}

const table = timed(`simulate ${pairs.toLocaleString('en')} pairs${distinctE ? ' (distinct E)' : ''}`, simulate);
const fit = timed('fitMgpsPrior (5 starts)', () => fitMgpsPrior(table.n, table.e));
const scores = timed('mgpsPosterior (EBGM, EB05, EB95)', () => mgpsPosterior(fit, table.n, table.e));
timed('computeDisproportionality', () => computeDisproportionality(table));
console.log('true prior ', TRUE_PRIOR);
console.log('fitted     ', { alpha1: fit.alpha1, beta1: fit.beta1, alpha2: fit.alpha2, beta2: fit.beta2, p: fit.p, logLik: fit.logLik, converged: fit.converged, iterations: fit.iterations });
console.log('starts     ', fit.starts.map((run) => `${run.converged ? 'converged' : 'not converged'} ${run.logLik.toFixed(4)}`).join('; '));
console.log('EB05 ≥ 2   ', scores.eb05.filter((value) => value >= 2).length.toLocaleString('en'), 'pairs');
