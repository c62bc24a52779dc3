import { describe, expect, it } from 'vitest';
import { indexDistinctPairs } from './distinct-pairs.js';

describe('indexDistinctPairs', () => {
  it('numbers distinct (a, b) pairs in order of first appearance', () => {
    const { firstRow, pairOfRow } = indexDistinctPairs(Float64Array.of(1, 2, 1, 1, 2), Float64Array.of(0.5, 0.5, 0.5, 0.25, 0.5));
    expect(Array.from(firstRow)).toEqual([0, 1, 3]);
    expect(Array.from(pairOfRow)).toEqual([0, 1, 0, 2, 1]);
  });

  it('compares numbers exactly: NaN equals NaN, 0.1 + 0.2 is not 0.3', () => {
    const { firstRow, pairOfRow } = indexDistinctPairs(Float64Array.of(1, 1, 1, 1), Float64Array.of(NaN, NaN, 0.1 + 0.2, 0.3));
    expect(firstRow.length).toBe(3);
    expect(Array.from(pairOfRow)).toEqual([0, 0, 1, 2]);
  });

  it('keeps up with many rows', () => {
    const rows = 100_000;
    const a = Float64Array.from({ length: rows }, (_, i) => i % 7);
    const b = Float64Array.from({ length: rows }, (_, i) => (i % 1000) / 3);
    const { firstRow, pairOfRow } = indexDistinctPairs(a, b);
    expect(firstRow.length).toBe(7000); // lcm(7, 1000) = 7000 distinct combinations
    for (let row = 0; row < rows; row += 997) {
      const first = firstRow[pairOfRow[row]!]!;
      expect([a[first], b[first]]).toEqual([a[row], b[row]]);
    }
  });
});
