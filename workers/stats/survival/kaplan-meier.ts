/**
 * The Kaplan–Meier estimate (Kaplan & Meier, JASA 1958) with Greenwood's variance (Greenwood 1926), its
 * pointwise confidence limits, and the median with its interval — each as R's survival package (3.x)
 * computes them, so a curve here and `survfit(Surv(time, status) ~ 1)` agree row for row.
 */
import { standardNormalQuantile } from '../normal-distribution.js';
import type { RiskTable } from './risk-table.js';

/** The scale the pointwise interval is built on; `log` is R's default. */
export type ConfidenceScale = 'log' | 'log-log' | 'plain';

export interface KaplanMeierEstimate extends RiskTable {
  surv: Float64Array;
  /**
   * Greenwood's standard error of the cumulative hazard −log S(t): √Σ d/(n(n−d)) over event times up to t.
   * This is what R's `survfit` reports as `std.err` (not the error of S itself, which is S·std.err).
   * Infinite once every person at risk has had the event (S = 0).
   */
  stdErr: Float64Array;
  /** Pointwise limits; NaN where R gives NA (S = 0 on every scale; S = 1 on the log-log scale). */
  lower: Float64Array;
  upper: Float64Array;
}

/** S(t) = Π (1 − d/n) over the event times up to t, with its standard error and confidence limits. */
export function kaplanMeier(table: RiskTable, scale: ConfidenceScale = 'log', level = 0.95): KaplanMeierEstimate {
  const rows = table.time.length;
  const surv = new Float64Array(rows);
  const stdErr = new Float64Array(rows);
  let s = 1;
  let greenwood = 0;
  for (let i = 0; i < rows; i++) {
    const n = table.nRisk[i]!;
    const d = table.nEvent[i]!;
    if (d > 0) {
      s *= (n - d) / n;
      greenwood += d / (n * (n - d));
    }
    surv[i] = s;
    stdErr[i] = Math.sqrt(greenwood);
  }
  const { lower, upper } = confidenceLimits(surv, stdErr, scale, level);
  return { ...table, surv, stdErr, lower, upper };
}

/**
 * Pointwise limits from S and the standard error of −log S (R survival's `survfit_confint`, z = Φ⁻¹(0.975)):
 * - log:      S·exp(∓z·se), the upper limit capped at 1;
 * - log-log:  exp(−exp(log(−log S) ∓ z·se/log S)), i.e. S^exp(±z·se/log S) (Kalbfleisch & Prentice 1980);
 * - plain:    S ∓ z·se·S, cut to [0, 1].
 */
export function confidenceLimits(
  surv: Float64Array,
  stdErr: Float64Array,
  scale: ConfidenceScale,
  level = 0.95,
): { lower: Float64Array; upper: Float64Array } {
  const z = standardNormalQuantile(1 - (1 - level) / 2);
  const lower = new Float64Array(surv.length);
  const upper = new Float64Array(surv.length);
  for (let i = 0; i < surv.length; i++) {
    const s = surv[i]!;
    const se = stdErr[i]!;
    if (scale === 'plain') {
      // Math.max/min keep NaN (S = 0 with an infinite error), as R's pmax/pmin do.
      lower[i] = Math.max(s - se * s * z, 0);
      upper[i] = Math.min(s + se * s * z, 1);
    } else if (scale === 'log') {
      lower[i] = s === 0 ? NaN : Math.exp(Math.log(s) - z * se);
      upper[i] = s === 0 ? NaN : Math.min(Math.exp(Math.log(s) + z * se), 1);
    } else {
      const logLog = s === 0 || s === 1 ? NaN : Math.log(-Math.log(s));
      const width = (z * se) / Math.log(s);
      lower[i] = Math.exp(-Math.exp(logLog - width));
      upper[i] = Math.exp(-Math.exp(logLog + width));
    }
  }
  return { lower, upper };
}

/** Median survival and its interval; null when the curve (or limit) never comes down to one half. */
export interface MedianSurvival {
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
}

/**
 * The median as R's `print.survfit` defines it (survival's `survmean`): the first time the curve is at or
 * below 0.5 (within √ε); when it sits at exactly 0.5 there and drops later, the midpoint between that time
 * and the time of the drop. The interval's ends are the same for the lower and upper limit curves (the
 * lower curve reaches 0.5 first, so it gives the lower end; Brookmeyer & Crowley 1982).
 */
export function medianSurvival(curve: Pick<KaplanMeierEstimate, 'time' | 'surv' | 'lower' | 'upper'>): MedianSurvival {
  return {
    median: firstTimeAtOrBelowHalf(curve.time, curve.surv),
    medianLower: firstTimeAtOrBelowHalf(curve.time, curve.lower),
    medianUpper: firstTimeAtOrBelowHalf(curve.time, curve.upper),
  };
}

const HALF_TOLERANCE = Math.sqrt(Number.EPSILON);

function firstTimeAtOrBelowHalf(time: Float64Array, curve: Float64Array): number | null {
  let first = -1;
  for (let i = 0; i < curve.length; i++) {
    if (curve[i]! < 0.5 + HALF_TOLERANCE) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  const value = curve[first]!;
  if (Math.abs(value - 0.5) >= HALF_TOLERANCE) return time[first]!;
  for (let i = first + 1; i < curve.length; i++) {
    if (curve[i]! < value) return (time[first]! + time[i]!) / 2;
  }
  return time[first]!;
}
