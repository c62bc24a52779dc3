import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnValues } from '../../workers/engine/api.js';
import { setLocale } from '../i18n/i18n.js';
import { csvCell, displayCell, isNumericColumn } from './cell-format.js';

const numbers: ColumnValues = { kind: 'number', values: Float64Array.of(1950, 19_500, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, 7), valid: Uint8Array.of(1, 1, 1, 1, 1, 0) };
const bigints: ColumnValues = { kind: 'bigint', values: BigInt64Array.of(9_223_372_036_854_775_807n), valid: Uint8Array.of(1) };

afterEach(() => setLocale('en'));

describe('cell text', () => {
  it('groups digits from five on, keeps 64-bit integers exact and marks missing values', () => {
    expect([0, 1, 2, 3, 4, 5].map((row) => displayCell(numbers, row))).toEqual(['1950', '19,500', '0.3', '—', '∞', null]);
    expect(displayCell(bigints, 0)).toBe('9,223,372,036,854,775,807');
    setLocale('zh-CN');
    expect(displayCell(numbers, 1)).toBe('19,500');
  });

  it('writes CSV fields exactly, without grouping', () => {
    expect([0, 1, 2, 5].map((row) => csvCell(numbers, row))).toEqual(['1950', '19500', '0.30000000000000004', null]);
    expect(csvCell(bigints, 0)).toBe('9223372036854775807');
    const json: ColumnValues = { kind: 'json', values: [{ ids: [1n, 2n], name: 'x' }, null] };
    expect([csvCell(json, 0), csvCell(json, 1)]).toEqual(['{"ids":["1","2"],"name":"x"}', null]);
    const flags: ColumnValues = { kind: 'boolean', values: Uint8Array.of(1, 0, 0), valid: Uint8Array.of(1, 1, 0) };
    expect([0, 1, 2].map((row) => csvCell(flags, row))).toEqual(['true', 'false', null]);
  });

  it('right-aligns numbers, including DECIMAL and HUGEINT that arrive as exact text', () => {
    const text: ColumnValues = { kind: 'string', values: ['499992.5'] };
    expect(isNumericColumn(text, 'DECIMAL(18,1)')).toBe(true);
    expect(isNumericColumn(text, 'HUGEINT')).toBe(true);
    expect(isNumericColumn(text, 'VARCHAR')).toBe(false);
    expect(isNumericColumn({ kind: 'json', values: [] }, 'INTEGER[]')).toBe(false);
    expect(isNumericColumn(numbers)).toBe(true);
  });
});
