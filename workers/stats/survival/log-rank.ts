/**
 * The log-rank test of k groups (Mantel 1966; Peto & Peto 1972), as R's `survdiff(…, rho = 0)`:
 * at each distinct event time with n at risk (n_g in group g) and d events, group g expects n_g·d/n
 * events, and the hypergeometric covariance of the counts is
 *   V_gh += d·(n − d)/(n − 1) · (n_g/n) · (δ_gh − n_h/n)     (0 when n = 1).
 * χ² = (O − E)ᵀ V⁻¹ (O − E) over the groups with E > 0, less the first of them (V is singular: its rows
 * sum to 0); df = (groups with E > 0) − 1.
 */
import type { EventTimeTable } from './risk-table.js';
import { chiSquareUpperTail } from './tail-probabilities.js';

export interface LogRankTest {
  observed: Float64Array;
  expected: Float64Array;
  /** k×k covariance of observed − expected, row-major. */
  variance: Float64Array;
  chisq: number;
  df: number;
  /** P(χ²(df) > chisq); NaN when df = 0 (fewer than two groups could have had events). */
  p: number;
}

export function logRankTest(table: EventTimeTable): LogRankTest {
  const k = table.nRisk.length;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const share = new Float64Array(k);
  for (let i = 0; i < table.time.length; i++) {
    let n = 0;
    let d = 0;
    for (let g = 0; g < k; g++) {
      n += table.nRisk[g]![i]!;
      d += table.nEvent[g]![i]!;
    }
    const spread = n > 1 ? (d * (n - d)) / (n - 1) : 0;
    for (let g = 0; g < k; g++) {
      share[g] = table.nRisk[g]![i]! / n;
      observed[g]! += table.nEvent[g]![i]!;
      expected[g]! += share[g]! * d;
    }
    for (let g = 0; g < k; g++) {
      for (let h = 0; h < k; h++) variance[g * k + h]! += spread * share[g]! * ((g === h ? 1 : 0) - share[h]!);
    }
  }
  const kept = [...expected.keys()].filter((g) => expected[g]! > 0);
  const df = kept.length - 1;
  const chisq = df < 1 ? 0 : quadraticForm(observed, expected, variance, k, kept.slice(1));
  return { observed, expected, variance, chisq, df, p: df < 1 ? NaN : chiSquareUpperTail(chisq, df) };
}

/** (O − E)ᵀ V⁻¹ (O − E) over the chosen groups, by Gaussian elimination with partial pivoting. */
function quadraticForm(observed: Float64Array, expected: Float64Array, variance: Float64Array, k: number, groups: number[]): number {
  const m = groups.length;
  const a = groups.map((g) => Float64Array.from(groups, (h) => variance[g * k + h]!));
  const difference = Float64Array.from(groups, (g) => observed[g]! - expected[g]!);
  const x = solveLinearSystem(a, Float64Array.from(difference));
  let chisq = 0;
  for (let i = 0; i < m; i++) chisq += x[i]! * difference[i]!;
  return chisq;
}

/** Solves a·x = b in place (a is overwritten); NaN entries when a is singular. */
function solveLinearSystem(a: Float64Array[], b: Float64Array): Float64Array {
  const m = b.length;
  for (let column = 0; column < m; column++) {
    let pivot = column;
    for (let row = column + 1; row < m; row++) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    if (a[pivot]![column] === 0) return new Float64Array(m).fill(NaN);
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    [b[column], b[pivot]] = [b[pivot]!, b[column]!];
    for (let row = column + 1; row < m; row++) {
      const factor = a[row]![column]! / a[column]![column]!;
      for (let c = column; c < m; c++) a[row]![c]! -= factor * a[column]![c]!;
      b[row]! -= factor * b[column]!;
    }
  }
  const x = new Float64Array(m);
  for (let row = m - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let c = row + 1; c < m; c++) sum -= a[row]![c]! * x[c]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}
