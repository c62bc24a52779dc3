import { describe, expect, it } from 'vitest';
import { displayCell } from '../grid/cell-format.js';
import { formatNumber } from './i18n.js';

describe('formatNumber', () => {
  it('never shows a small non-zero number as 0 (PLINK prints this p-value as 1.538e-10)', () => {
    expect(formatNumber(1.538e-10, {}, 'en')).toBe('1.538E-10');
    expect(formatNumber(-2e-5, {}, 'en')).toBe('-2E-5');
    expect(formatNumber(1.538e-10, { maximumFractionDigits: 2 }, 'zh-CN')).toBe('1.538E-10');
  });

  it('keeps ordinary numbers in plain notation with grouping', () => {
    expect(formatNumber(0.0012, {}, 'en')).toBe('0.0012');
    expect(formatNumber(0, {}, 'en')).toBe('0');
    expect(formatNumber(123456.789, {}, 'en')).toBe('123,456.789');
  });

  it('applies in the result grid too', () => {
    const data = { kind: 'number' as const, values: Float64Array.of(1.538e-10, 1950, 0.25), valid: Uint8Array.of(1, 1, 1) };
    expect([0, 1, 2].map((i) => displayCell(data, i))).toEqual(['1.538E-10', '1950', '0.25']);
  });
});
