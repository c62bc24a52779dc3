/**
 * Cox proportional hazards (Cox 1972) with one binary covariate — group 1 (comparator, x = 1) against
 * group 0 (target, x = 0) — as R's `coxph(Surv(time, status) ~ group)`.
 *
 * With a binary x the partial likelihood depends on the data only through, at each distinct event time,
 * the persons at risk (n0, n1) and the events (d0, d1) per group, so the fit runs over the event-time
 * table, not over persons. With θ = e^β and d = d0 + d1:
 * - Breslow (1974): ℓ += d1·β − d·log(n0 + n1θ).
 * - Efron (1977), R's default: the d tied events leave the risk set a fraction j/d at a time,
 *   ℓ += d1·β − Σ_{j<d} log(n0 + n1θ − (j/d)(d0 + d1θ)).
 * Score and information are the sums of (x − mean) and the variance p(1 − p) of x over each of those
 * (partial) risk sets, p being the weighted share of group 1. Newton–Raphson from β = 0, halving a step
 * that lowers ℓ, to full convergence (R's default stop, a relative change of ℓ below 1e-9, leaves the
 * coefficient a few 1e-9 from the maximum). se = I(β̂)^(−1/2); the interval is exp(β̂ ± z·se) with
 * z = Φ⁻¹(0.975), the Wald p-value 2Φ(−|β̂/se|), as `summary.coxph`.
 *
 * When the maximum is at infinity — whenever both groups are at risk, only one of them has events — R
 * returns a large coefficient with a warning; we say so instead of returning a number.
 */
import { standardNormalQuantile } from '../normal-distribution.js';
import type { EventTimeTable } from './risk-table.js';
import { twoSidedNormalP } from './tail-probabilities.js';

export type CoxTies = 'efron' | 'breslow';

export type CoxFit =
  | {
      status: 'fitted';
      ties: CoxTies;
      coef: number;
      se: number;
      hazardRatio: number;
      lower: number;
      upper: number;
      z: number;
      p: number;
      iterations: number;
      events: number;
    }
  /** The partial likelihood keeps rising as β → +∞ (direction 1: only comparator persons had events while both groups were at risk) or −∞. */
  | { status: 'infinite'; ties: CoxTies; direction: 1 | -1; events: number; message: string }
  /** No event while both groups were at risk (or no events at all): the data say nothing about β. */
  | { status: 'not estimable'; ties: CoxTies; events: number; message: string };

const MAX_ITERATIONS = 100;
const MAX_HALVINGS = 60;
const CONVERGED_STEP = 1e-12;
const LOG_LIK_NOISE = 1e-12;

export function coxBinary(table: EventTimeTable, ties: CoxTies = 'efron', level = 0.95): CoxFit {
  if (table.nRisk.length !== 2) throw new RangeError(`a two-group Cox model needs 2 groups, got ${table.nRisk.length}`);
  const events = sumEvents(table);
  const separation = checkSeparation(table);
  if (separation === 'none') {
    return { status: 'not estimable', ties, events, message: 'no outcome happened while both cohorts were at risk, so the hazard ratio cannot be estimated' };
  }
  if (separation !== 'both') {
    const direction = separation === 'comparator' ? 1 : -1;
    const who = separation === 'comparator' ? 'comparator' : 'target';
    return {
      status: 'infinite', ties, direction, events,
      message: `whenever both cohorts were at risk, only ${who} persons had the outcome: the hazard ratio is ${direction > 0 ? 'infinite' : 'zero'} (no finite estimate)`,
    };
  }
  let beta = 0;
  let current = partialLikelihood(table, beta, ties);
  for (let iteration = 0; iteration <= MAX_ITERATIONS; iteration++) {
    let step = current.score / current.information;
    if (Math.abs(step) <= CONVERGED_STEP * (1 + Math.abs(beta))) return fitted(beta + step, current.information, ties, iteration, events, level);
    // Near the maximum ℓ is flat to rounding, so only a clear fall (a step that overshot) is halved.
    const floor = current.logLik - LOG_LIK_NOISE * Math.abs(current.logLik);
    let next = partialLikelihood(table, beta + step, ties);
    for (let h = 0; h < MAX_HALVINGS && !(next.logLik >= floor); h++) {
      step /= 2;
      next = partialLikelihood(table, beta + step, ties);
    }
    beta += step;
    current = next;
  }
  return { status: 'not estimable', ties, events, message: `the Cox model did not converge in ${MAX_ITERATIONS} iterations` };
}

function fitted(coef: number, information: number, ties: CoxTies, iterations: number, events: number, level: number): CoxFit {
  const se = 1 / Math.sqrt(information);
  const z = standardNormalQuantile(1 - (1 - level) / 2);
  return {
    status: 'fitted', ties, coef, se, hazardRatio: Math.exp(coef),
    lower: Math.exp(coef - z * se), upper: Math.exp(coef + z * se),
    z: coef / se, p: twoSidedNormalP(coef / se), iterations, events,
  };
}

/** Which groups had events at the event times where both groups were at risk. */
function checkSeparation(table: EventTimeTable): 'none' | 'target' | 'comparator' | 'both' {
  let target = false;
  let comparator = false;
  const [n0, n1] = table.nRisk as [Float64Array, Float64Array];
  const [d0, d1] = table.nEvent as [Float64Array, Float64Array];
  for (let i = 0; i < table.time.length; i++) {
    if (n0[i]! === 0 || n1[i]! === 0) continue;
    if (d0[i]! > 0) target = true;
    if (d1[i]! > 0) comparator = true;
  }
  return target && comparator ? 'both' : target ? 'target' : comparator ? 'comparator' : 'none';
}

function sumEvents(table: EventTimeTable): number {
  let events = 0;
  for (const column of table.nEvent) for (let i = 0; i < column.length; i++) events += column[i]!;
  return events;
}

/** ℓ(β), its first derivative (score) and minus its second (information). */
export function partialLikelihood(table: EventTimeTable, beta: number, ties: CoxTies): { logLik: number; score: number; information: number } {
  const theta = Math.exp(beta);
  const [n0, n1] = table.nRisk as [Float64Array, Float64Array];
  const [d0, d1] = table.nEvent as [Float64Array, Float64Array];
  let logLik = 0;
  let score = 0;
  let information = 0;
  for (let i = 0; i < table.time.length; i++) {
    const deaths0 = d0[i]!;
    const deaths1 = d1[i]!;
    const d = deaths0 + deaths1;
    logLik += deaths1 * beta;
    score += deaths1;
    const tiedSteps = ties === 'efron' && d > 1 ? d : 1;
    const weight = ties === 'efron' ? 1 : d;
    for (let j = 0; j < tiedSteps; j++) {
      const leaving = j / d;
      const exposed1 = (n1[i]! - leaving * deaths1) * theta;
      const risk = n0[i]! - leaving * deaths0 + exposed1;
      const p = exposed1 / risk;
      logLik -= weight * Math.log(risk);
      score -= weight * p;
      information += weight * p * (1 - p);
    }
  }
  return { logLik, score, information };
}
