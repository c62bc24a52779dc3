import { describe, expect, it } from 'vitest';
import { sortCountsByE, squashCounts } from './squash-counts.js';

describe('squashCounts', () => {
  it('averages E over runs of points with the same N, sorted by E, weighted by run length', () => {
    const n = Float64Array.of(1, 2, 1, 1, 2, 1, 3);
    const e = Float64Array.of(1.03, 5, 1.0, 1.02, 5.1, 1.01, 1);
    const squashed = squashCounts(sortCountsByE(n, e), 4); // 7 points into ~4: runs of at most 2
    expect(Array.from(squashed.n)).toEqual([1, 1, 2, 3]);
    // N = 1: E sorted 1.00, 1.01 | 1.02, 1.03; N = 2: 5, 5.1; N = 3: 1
    expect(Array.from(squashed.e).map((value) => Number(value.toFixed(12)))).toEqual([1.005, 1.025, 5.05, 1]);
    expect(Array.from(squashed.weight)).toEqual([2, 2, 2, 1]);
  });

  it('keeps apart points of one count whose E differ by more than 5%', () => {
    const squashed = squashCounts(sortCountsByE(Float64Array.of(7, 7, 7), Float64Array.of(1, 1.04, 2)), 1);
    expect(Array.from(squashed.e)).toEqual([1.02, 2]);
    expect(Array.from(squashed.weight)).toEqual([2, 1]);
  });

  it('keeps every point when the target is the size of the data', () => {
    const n = Float64Array.of(2, 1);
    const e = Float64Array.of(3, 4);
    const squashed = squashCounts(sortCountsByE(n, e), 2);
    expect(Array.from(squashed.weight)).toEqual([1, 1]);
    expect(Array.from(squashed.e)).toEqual([4, 3]);
  });
});

describe('squashCounts with spread 0', () => {
  it('merges only equal E, keeping each exactly, so the weighted likelihood is the exact one', () => {
    const e = Float64Array.of(0.1, 0.1, 0.1, 0.2, 0.1);
    const squashed = squashCounts(sortCountsByE(Float64Array.of(1, 1, 1, 1, 2), e), 1, 0);
    expect(Array.from(squashed.n)).toEqual([1, 1, 2]);
    expect(Array.from(squashed.e)).toEqual([0.1, 0.2, 0.1]);
    expect(Array.from(squashed.weight)).toEqual([3, 1, 1]);
  });
});
