import { describe, expect, it } from 'vitest';
import { indexDistinctValues } from './distinct-values.js';

describe('indexDistinctValues', () => {
  it('lists distinct values ascending and maps each row to its slot, NaN to -1', () => {
    const { values, slotOfRow } = indexDistinctValues(Float64Array.of(3, 1, 3, NaN, 2, 1));
    expect(Array.from(values)).toEqual([1, 2, 3]);
    expect(Array.from(slotOfRow)).toEqual([2, 0, 2, -1, 1, 0]);
  });

  it('handles an empty column', () => {
    expect(indexDistinctValues(new Float64Array(0)).values.length).toBe(0);
  });
});

describe('indexDistinctValues on counts and on other numbers', () => {
  it('gives the same answer through the count table and through sorting', () => {
    const counts = Float64Array.of(5, 0, 5, 12, 1, 0);
    expect(Array.from(indexDistinctValues(counts).values)).toEqual([0, 1, 5, 12]);
    expect(Array.from(indexDistinctValues(counts).slotOfRow)).toEqual([2, 0, 2, 3, 1, 0]);
    const fractional = Float64Array.of(5, 0.5, 5, 12, 1, 0.5);
    expect(Array.from(indexDistinctValues(fractional).values)).toEqual([0.5, 1, 5, 12]);
    expect(Array.from(indexDistinctValues(fractional).slotOfRow)).toEqual([2, 0, 2, 3, 1, 0]);
  });
});
