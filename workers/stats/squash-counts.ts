/**
 * Data squashing (DuMouchel & Pregibon 2001; openEBGM `squashData`): points (N, E) that share N are
 * sorted by E and consecutive runs replaced by one weighted point (N, mean E, run length). The likelihood
 * over the squashed points approximates the full one closely when runs are short relative to how fast the
 * likelihood changes with E, and costs a fraction as much to evaluate.
 *
 * Here it only serves to find starting points cheaply on very large tables; the MGPS fit then maximises
 * the exact likelihood from there (see mgps-fit.ts).
 */
import type { CountPoints } from './truncated-nb-mixture-likelihood.js';
import { indexDistinctValues } from './distinct-values.js';

/** Squashes into about `targetPoints` points: every count's points, sorted by E, in runs of equal length. */
export function squashCounts(n: Float64Array, e: Float64Array, targetPoints: number): Required<CountPoints> {
  const size = n.length;
  const runLength = Math.max(1, Math.ceil(size / targetPoints));
  const distinct = indexDistinctValues(n);
  const groups = distinct.values.length;
  // Counting sort by count: the E of each count's points, contiguous.
  const groupStart = new Int32Array(groups + 1);
  for (let i = 0; i < size; i++) groupStart[distinct.slotOfRow[i]! + 1]!++;
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  const fill = groupStart.slice(0, groups);
  const sortedE = new Float64Array(size);
  for (let i = 0; i < size; i++) sortedE[fill[distinct.slotOfRow[i]!]!++] = e[i]!;

  let outputs = 0;
  for (let g = 0; g < groups; g++) outputs += Math.ceil((groupStart[g + 1]! - groupStart[g]!) / runLength);
  const squashed = { n: new Float64Array(outputs), e: new Float64Array(outputs), weight: new Float64Array(outputs) };
  let out = 0;
  for (let g = 0; g < groups; g++) {
    const start = groupStart[g]!;
    const end = groupStart[g + 1]!;
    sortedE.subarray(start, end).sort();
    for (let runStart = start; runStart < end; runStart += runLength) {
      const runEnd = Math.min(end, runStart + runLength);
      let sum = 0;
      for (let i = runStart; i < runEnd; i++) sum += sortedE[i]!;
      squashed.n[out] = distinct.values[g]!;
      squashed.e[out] = sum / (runEnd - runStart);
      squashed.weight[out] = runEnd - runStart;
      out++;
    }
  }
  return squashed;
}
