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

/** The points grouped by count, each group's E ascending: sorted once, squashed at several resolutions. */
export interface CountsSortedByE {
  /** The distinct counts, ascending. */
  counts: Float64Array;
  /** Group g holds sortedE[groupStart[g] … groupStart[g + 1]). */
  groupStart: Int32Array;
  sortedE: Float64Array;
}

export function sortCountsByE(n: Float64Array, e: Float64Array): CountsSortedByE {
  const distinct = indexDistinctValues(n);
  const groups = distinct.values.length;
  const groupStart = new Int32Array(groups + 1);
  for (let i = 0; i < n.length; i++) groupStart[distinct.slotOfRow[i]! + 1]!++;
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  const fill = groupStart.slice(0, groups);
  const sortedE = new Float64Array(n.length);
  for (let i = 0; i < n.length; i++) sortedE[fill[distinct.slotOfRow[i]!]!++] = e[i]!;
  for (let g = 0; g < groups; g++) sortedE.subarray(groupStart[g]!, groupStart[g + 1]!).sort();
  return { counts: distinct.values, groupStart, sortedE };
}

/**
 * Squashes into about `targetPoints` points (more when E is widely spread): every count's points, sorted
 * by E, in runs of at most the same length whose E differ by at most `maxRelativeSpread` — so a count with
 * few points spread over decades of E (large counts usually) keeps them apart rather than averaging them
 * into a poor point.
 */
export function squashCounts(sorted: CountsSortedByE, targetPoints: number, maxRelativeSpread = 0.05): Required<CountPoints> {
  const { counts, groupStart, sortedE } = sorted;
  const size = sortedE.length;
  const runLength = Math.max(1, Math.ceil(size / targetPoints));
  // Runs, as the end index of each, found once; then the squashed points.
  const runEnds = new Int32Array(size);
  const runGroup = new Int32Array(size);
  let runs = 0;
  for (let g = 0; g < counts.length; g++) {
    const end = groupStart[g + 1]!;
    let runStart = groupStart[g]!;
    while (runStart < end) {
      const widest = sortedE[runStart]! * (1 + maxRelativeSpread);
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
    squashed.n[r] = counts[runGroup[r]!]!;
    // A run of equal E keeps that E exactly (a sum divided back can be off by an ulp): merging duplicates
    // with spread 0 is then lossless.
    squashed.e[r] = sortedE[runStart] === sortedE[runEnd - 1] ? sortedE[runStart]! : sum / (runEnd - runStart);
    squashed.weight[r] = runEnd - runStart;
    runStart = runEnd;
  }
  return squashed;
}
