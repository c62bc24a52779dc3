import { describe, expect, it } from 'vitest';
import { continuousSmd, countCell, decimalsFor, meanCell, proportionSmd } from './table1-cells.js';

describe('Table 1 cells', () => {
  it('shows a count with its share to one decimal, whatever the locale', () => {
    expect(countCell(412, 1848, 5)).toEqual({ count: 412, fraction: 412 / 1848, display: '412 (22.3%)' });
    expect(countCell(1234567, 2000000, 5).display).toBe('1234567 (61.7%)');
    expect(countCell(0, 10, 5).display).toBe('0 (0.0%)');
    expect(countCell(0, 0, 5)).toEqual({ count: 0, fraction: null, display: '0' });
  });

  it('hides counts above zero and below the minimum, and nothing when the minimum is 0', () => {
    expect(countCell(4, 100, 5)).toEqual({ count: null, fraction: null, display: '<5' });
    expect(countCell(5, 100, 5).display).toBe('5 (5.0%)');
    expect(countCell(1, 100, 0).display).toBe('1 (1.0%)');
    expect(meanCell({ count: 3, mean: 50, sd: 2 }, 100, 5)).toEqual({ count: null, fraction: null, mean: null, sd: null, display: '<5' });
  });

  it('shows mean (SD) with enough decimals for small values', () => {
    expect(meanCell({ count: 10, mean: 54.2349, sd: 11.0 }, 20, 5).display).toBe('54.2 (11.0)');
    expect(meanCell({ count: 10, mean: 0.8531, sd: 0.1 }, 20, 5).display).toBe('0.853 (0.100)');
    expect(meanCell({ count: 10, mean: 5.437, sd: 1.2 }, 20, 5).display).toBe('5.44 (1.20)');
    expect(meanCell({ count: 1, mean: 7, sd: null }, 20, 0).display).toBe('7.00 (—)');
    expect(meanCell({ count: 0, mean: null, sd: null }, 20, 5).display).toBe('—');
    expect([1234, 12, 1, 0.5, 0.012, 0.00001].map(decimalsFor)).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('computes SMDs as Austin (2009), comparator minus target', () => {
    // Austin, Stat Med 2009;28:3083, section 3: d = (p̂T − p̂C)/√((p̂T(1 − p̂T) + p̂C(1 − p̂C))/2), here with
    // the cohorts the other way round. 0.2 vs 0.3: 0.1/√((0.16 + 0.21)/2) = 0.1/0.430116 = 0.232495.
    expect(proportionSmd(0.2, 0.3)).toBeCloseTo(0.2324953, 7);
    expect(proportionSmd(0.3, 0.2)).toBeCloseTo(-0.2324953, 7);
    expect(proportionSmd(0.4, 0.4)).toBe(0);
    expect(proportionSmd(1, 1)).toBe(0);
    expect(proportionSmd(0, 1)).toBeNull();
    // continuous: (60 − 50)/√((10² + 20²)/2) = 10/15.8114 = 0.632456
    expect(continuousSmd({ count: 9, mean: 50, sd: 10 }, { count: 9, mean: 60, sd: 20 })).toBeCloseTo(0.6324555, 7);
    expect(continuousSmd({ count: 9, mean: 50, sd: 10 }, { count: 1, mean: 60, sd: null })).toBeNull();
    expect(continuousSmd({ count: 9, mean: 5, sd: 0 }, { count: 9, mean: 6, sd: 0 })).toBeNull();
  });
});
