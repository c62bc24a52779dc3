import type { Table1Cell } from '../../engine/api.js';
import { isSmallCount, type CellKind } from '../privacy/suppress/suppress-cells.js';

/**
 * The cells of Table 1: small-count suppression, display strings and standardized mean differences.
 * Pure functions over aggregates DuckDB has already computed.
 */

/** True for a count that must not be shown: above zero and below the minimum cell count. */
export const isSuppressed = isSmallCount;

function suppressedCell(minCellCount: number): Table1Cell {
  return { count: null, fraction: null, display: `<${minCellCount}` };
}

/** A count hidden so that a total cannot give a small one away (complementary suppression). */
const HIDDEN_CELL: Readonly<Table1Cell> = Object.freeze({ count: null, fraction: null, display: '—' });

/**
 * `412 (22.3%)`: persons and their share of the cohort, one decimal, no thousands separator. `kind` says
 * whether the count is hidden (small, or complementary); by default it is hidden when small.
 */
export function countCell(count: number, total: number, minCellCount: number, kind?: CellKind): Table1Cell {
  const hidden = kind ?? (isSuppressed(count, minCellCount) ? 'primary' : 'shown');
  if (hidden === 'primary') return suppressedCell(minCellCount);
  if (hidden === 'complementary') return { ...HIDDEN_CELL };
  const fraction = total > 0 ? count / total : null;
  const display = fraction === null ? String(count) : `${count} (${(fraction * 100).toFixed(1)}%)`;
  return { count, fraction, display };
}

/** Persons contributing a value, and the mean and sample SD of their values (DuckDB's avg, stddev_samp). */
export interface MeanAndSd {
  count: number;
  mean: number | null;
  sd: number | null;
}

/**
 * `54.2 (11.0)`: mean (SD). The cell is suppressed when fewer than the minimum persons contribute, like
 * a count; `—` stands for a mean or SD that does not exist (no values; one value has no SD).
 */
export function meanCell(values: MeanAndSd, total: number, minCellCount: number, decimals?: number, countHidden = false): Table1Cell {
  if (isSuppressed(values.count, minCellCount)) return { ...suppressedCell(minCellCount), mean: null, sd: null };
  const shown = decimals ?? decimalsFor(values.mean);
  const format = (value: number | null) => (value === null ? '—' : value.toFixed(shown));
  // A count hidden to protect another (persons with an age beside those without) leaves the mean shown.
  return {
    count: countHidden ? null : values.count,
    fraction: countHidden || total <= 0 ? null : values.count / total,
    mean: values.mean,
    sd: values.sd,
    display: values.mean === null ? '—' : `${format(values.mean)} (${format(values.sd)})`,
  };
}

/** At least one decimal, and enough for three significant digits of small values (a creatinine of 0.853). */
export function decimalsFor(value: number | null): number {
  if (value === null || value === 0) return 1;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return Math.min(4, Math.max(1, 2 - magnitude));
}

// Standardized mean differences, Austin PC. Balance diagnostics for comparing the distribution of baseline
// covariates between treatment groups in propensity-score matched samples. Statistics in Medicine 2009;
// 28(25):3083–3107, section 3 (continuous: difference of means over the root mean of the two sample
// variances; dichotomous: the same with the variances p(1 − p)). Our sign: comparator minus target.

/** (pC − pT) / √((pT(1 − pT) + pC(1 − pC)) / 2); 0 for equal proportions, null when undefined (0% vs 100%). */
export function proportionSmd(target: number, comparator: number): number | null {
  return differenceOverPooledSd(target, comparator, target * (1 - target), comparator * (1 - comparator));
}

/** (mC − mT) / √((sT² + sC²) / 2); 0 for equal means, null without both SDs or when both are 0. */
export function continuousSmd(target: MeanAndSd, comparator: MeanAndSd): number | null {
  if (target.mean === null || comparator.mean === null || target.sd === null || comparator.sd === null) return null;
  return differenceOverPooledSd(target.mean, comparator.mean, target.sd ** 2, comparator.sd ** 2);
}

function differenceOverPooledSd(target: number, comparator: number, targetVariance: number, comparatorVariance: number): number | null {
  const difference = comparator - target;
  if (difference === 0) return 0;
  const pooled = Math.sqrt((targetVariance + comparatorVariance) / 2);
  return pooled > 0 ? difference / pooled : null;
}
