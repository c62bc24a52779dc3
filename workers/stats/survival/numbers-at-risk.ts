import type { RiskTable } from './risk-table.js';

/**
 * Persons still followed at each of `times`: those whose time is at or after it — R's
 * `summary(fit, times, extend = TRUE)$n.risk` (0 after the last time).
 */
export function numbersAtRisk(table: RiskTable, times: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(times.length);
  for (let k = 0; k < times.length; k++) {
    const row = firstRowAtOrAfter(table.time, times[k]!);
    counts[k] = row < table.time.length ? table.nRisk[row]! : 0;
  }
  return counts;
}

/** Binary search: the first index whose time is ≥ t (length when none). */
function firstRowAtOrAfter(time: Float64Array, t: number): number {
  let low = 0;
  let high = time.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (time[middle]! < t) low = middle + 1;
    else high = middle;
  }
  return low;
}
