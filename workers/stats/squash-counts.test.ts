import { describe, expect, it } from 'vitest';
import { squashCounts } from './squash-counts.js';

describe('squashCounts', () => {
  it('averages E over runs of points with the same N, sorted by E, weighted by run length', () => {
    const n = Float64Array.of(1, 2, 1, 1, 2, 1, 3);
    const e = Float64Array.of(0.4, 5, 0.1, 0.3, 7, 0.2, 1);
    const squashed = squashCounts(n, e, 4); // 7 points into ~4: runs of 2
    expect(Array.from(squashed.n)).toEqual([1, 1, 2, 3]);
    // N = 1: E sorted 0.1, 0.2 | 0.3, 0.4; N = 2: 5, 7; N = 3: 1
    expect(Array.from(squashed.e).map((value) => Number(value.toFixed(12)))).toEqual([0.15, 0.35, 6, 1]);
    expect(Array.from(squashed.weight)).toEqual([2, 2, 2, 1]);
  });

  it('keeps every point when the target is the size of the data', () => {
    const n = Float64Array.of(2, 1);
    const e = Float64Array.of(3, 4);
    const squashed = squashCounts(n, e, 2);
    expect(Array.from(squashed.weight)).toEqual([1, 1]);
    expect(Array.from(squashed.e)).toEqual([4, 3]);
  });
});
