import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from './random.js';

function sample(count: number, draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const value = draw();
    sum += value;
    squares += value * value;
  }
  const mean = sum / count;
  return { mean, variance: squares / count - mean * mean };
}

describe('Random', () => {
  it('repeats its stream for the same seed and label', () => {
    const first = new Random(42, 'x');
    const second = new Random(42, 'x');
    const a = Array.from({ length: 20 }, () => first.uint32());
    const b = Array.from({ length: 20 }, () => second.uint32());
    expect(a).toEqual(b);
    expect(a.every((value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32)).toBe(true);
  });

  it('gives unrelated streams for other seeds and labels, and forks that ignore draw history', () => {
    const base = new Random(42, 'x');
    expect(new Random(43, 'x').uint32()).not.toBe(new Random(42, 'x').uint32());
    expect(new Random(42, 'y').uint32()).not.toBe(new Random(42, 'x').uint32());
    const forkBefore = base.fork('child').uint32();
    base.uint32();
    expect(base.fork('child').uint32()).toBe(forkBefore);
  });

  it('draws uniforms in [0, 1) and integers within bounds', () => {
    const random = new Random(1);
    const uniforms = Array.from({ length: 10_000 }, () => random.uniform());
    expect(uniforms.every((u) => u >= 0 && u < 1)).toBe(true);
    const integers = new Set(Array.from({ length: 1_000 }, () => random.integer(3, 5)));
    expect([...integers].sort()).toEqual([3, 4, 5]);
  });

  it('has the right mean and variance for each distribution', () => {
    const random = new Random(2);
    const n = 100_000;
    const normal = sample(n, () => random.normal(3, 2));
    expect(normal.mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(normal.variance)).toBeCloseTo(2, 1);
    expect(sample(n, () => random.exponential(0.5)).mean).toBeCloseTo(2, 1);
    for (const mean of [0.7, 4, 25, 300]) {
      const poisson = sample(n, () => random.poisson(mean));
      expect(Math.abs(poisson.mean - mean) / Math.sqrt(mean / n)).toBeLessThan(4);
      expect(poisson.variance / mean).toBeGreaterThan(0.95);
      expect(poisson.variance / mean).toBeLessThan(1.05);
    }
    for (const [trials, p] of [[20, 0.3], [500, 0.02], [500, 0.9]] as const) {
      const binomial = sample(20_000, () => random.binomial(trials, p));
      expect(Math.abs(binomial.mean - trials * p) / Math.sqrt((trials * p * (1 - p)) / 20_000)).toBeLessThan(4);
    }
  });

  it('shuffles into a permutation', () => {
    const shuffled = new Random(3).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('WeightedTable', () => {
  it('draws in proportion to the weights and never a zero-weight item', () => {
    const random = new Random(4);
    const table = new WeightedTable<string>([['a', 1], ['b', 3], ['never', 0]]);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[table.draw(random) as keyof typeof counts]++;
    expect(counts.never).toBe(0);
    expect(counts.b / 40_000).toBeCloseTo(0.75, 2);
    expect(new Set(table.drawDistinct(random, 5)).size).toBe(2);
  });

  it('rejects weights that cannot be drawn from', () => {
    expect(() => new WeightedTable([['a', 0]])).toThrow(/positive/);
    expect(() => new WeightedTable([['a', -1]])).toThrow(/non-negative/);
  });
});
