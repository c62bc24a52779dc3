import { describe, expect, it } from 'vitest';
import { fisherTwoSided, oddsRatioOrNull } from './two-by-two.js';

describe('fisherTwoSided', () => {
  // Reference values: R 4.x, fisher.test(matrix(c(a, c, b, d), 2))$p.value.
  it.each([
    [3, 1, 1, 3, 0.485714285714286],
    [2, 15, 10, 3, 0.000536724119143436],
    [0, 7, 5, 0, 0.00126262626262626],
    [12, 7, 5, 9, 0.166320065773565],
    [1, 1, 1, 2, 1],
  ])('[[%i, %i], [%i, %i]] gives R\'s p', (a, b, c, d, p) => {
    expect(fisherTwoSided(a, b, c, d)).toBeCloseTo(p, 12);
  });

  it('is null for an empty table and 1 when a margin is empty', () => {
    expect(fisherTwoSided(0, 0, 0, 0)).toBeNull();
    expect(fisherTwoSided(0, 0, 3, 4)).toBe(1);
  });
});

describe('oddsRatioOrNull', () => {
  it('is ad/bc, 0 when ad is 0, null when bc is 0', () => {
    expect(oddsRatioOrNull(1, 1, 1, 2)).toBe(2);
    expect(oddsRatioOrNull(0, 3, 2, 5)).toBe(0);
    expect(oddsRatioOrNull(3, 0, 2, 5)).toBeNull();
  });
});
