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

/**
 * A run's E may span at most this relative width: a count with few points spread over decades of E (large
 * counts usually) keeps them apart rather than averaging them into a poor point.
 */
const MAX_RELATIVE_SPREAD = 0.05;

/**
 * Squashes into about `targetPoints` points (more when E is widely spread): every count's points, sorted
 * by E, in runs of at most the same length whose E differ by at most 5%.
 */
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

  // Runs, as the end index of each, found once; then the squashed points.
  const runEnds = new Int32Array(size);
  const runGroup = new Int32Array(size);
  let runs = 0;
  for (let g = 0; g < groups; g++) {
    const start = groupStart[g]!;
    const end = groupStart[g + 1]!;
    sortedE.subarray(start, end).sort();
    let runStart = start;
    while (runStart < end) {
      const widest = sortedE[runStart]! * (1 + MAX_RELATIVE_SPREAD);
      let runEnd = runStart + 1;
      while (runEnd < end && runEnd - runStart < runLength && sortedE[runEnd]! <= widest) runEnd++;
      runEnds[runs] = runEnd;
      runGroup[runs] = g;
      runs++;
      runStart = runEnd;
    }
  }
  const squashed = { n: new Float64Array(runs), e: new Float64Array(runs), weight: new Float64Array(runs) };
  let runStart = 0;
  for (let r = 0; r < runs; r++) {
    const runEnd = runEnds[r]!;
    let sum = 0;
    for (let i = runStart; i < runEnd; i++) sum += sortedE[i]!;
    squashed.n[r] = distinct.values[runGroup[r]!]!;
    squashed.e[r] = sum / (runEnd - runStart);
    squashed.weight[r] = runEnd - runStart;
    runStart = runEnd;
  }
  return squashed;
}
