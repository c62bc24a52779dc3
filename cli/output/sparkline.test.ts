import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline.js';

describe('sparkline', () => {
  it('draws the tallest bin full, empty bins blank and small bins at least ▁', () => {
    expect(sparkline([{ lo: 0, hi: 1, count: 100 }, { lo: 1, hi: 2, count: 0 }, { lo: 2, hi: 3, count: 1 }, { lo: 3, hi: 4, count: 50 }])).toBe('█ ▁▅');
  });

  it('is empty when there is nothing to draw', () => {
    expect(sparkline([])).toBe('');
    expect(sparkline([{ lo: 0, hi: 1, count: 0 }])).toBe('');
  });
});
