import { describe, expect, it } from 'vitest';
import { maximizeNewton, type SmoothFunction } from './maximize-newton.js';

/** f(x, y) = −(x − 1)⁴ − (x − 1)² − 3(y + 2)² + x·y/10: smooth, concave, maximum found by a few Newton steps. */
const concave: SmoothFunction = {
  dimension: 2,
  evaluate(v, order, gradient, hessian) {
    const x = v[0]!, y = v[1]!;
    if (order === 2) {
      gradient[0] = -4 * (x - 1) ** 3 - 2 * (x - 1) + y / 10;
      gradient[1] = -6 * (y + 2) + x / 10;
      hessian.set([-12 * (x - 1) ** 2 - 2, 0.1, 0.1, -6]);
    }
    return -((x - 1) ** 4) - (x - 1) ** 2 - 3 * (y + 2) ** 2 + (x * y) / 10;
  },
};

describe('maximizeNewton', () => {
  it('converges to the maximum from far away', () => {
    const result = maximizeNewton(concave, [12, 25]);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.gradient[0]!)).toBeLessThan(1e-4); // the decrement g²/(−H) ≤ 2e-10 is the criterion
    expect(Math.abs(result.gradient[1]!)).toBeLessThan(1e-4);
    expect(result.iterations).toBeLessThan(60);
  });

  it('climbs out of a region where the Hessian is not negative definite (damped steps)', () => {
    // f = −(x² − 1)² − y²: at x = 0.1 the Hessian in x is positive (12x² − 4 < 0 ⇒ −H not PD).
    const doubleWell: SmoothFunction = {
      dimension: 2,
      evaluate(v, order, gradient, hessian) {
        const x = v[0]!, y = v[1]!;
        if (order === 2) {
          gradient.set([-4 * x * (x * x - 1), -2 * y]);
          hessian.set([-12 * x * x + 4, 0, 0, -2]);
        }
        return -((x * x - 1) ** 2) - y * y;
      },
    };
    const result = maximizeNewton(doubleWell, [0.1, 3]);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x[0]!)).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(0, 5);
  });

  it('stops unconverged when the supremum lies at infinity (f = x/1000 − e^(−x))', () => {
    const unbounded: SmoothFunction = {
      dimension: 1,
      evaluate(v, order, gradient, hessian) {
        if (order === 2) {
          gradient[0] = 1e-3 + Math.exp(-v[0]!);
          hessian[0] = -Math.exp(-v[0]!);
        }
        return 1e-3 * v[0]! - Math.exp(-v[0]!);
      },
    };
    const result = maximizeNewton(unbounded, [0]);
    expect(result.converged).toBe(false);
    expect(['parameter limit', 'iteration limit']).toContain(result.reason);
  });

  it('calls onIteration each step, so a cancelled task can stop it', () => {
    expect(() => maximizeNewton(concave, [40, 30], { onIteration: () => { throw new Error('cancelled'); } })).toThrow('cancelled');
  });
});
