import { describe, expect, it } from 'vitest';
import { exactNumber, jsonCell, renderJsonRows } from './json.js';
import { tabularFromNamedRows } from './tabular.js';

describe('jsonCell', () => {
  it('gives 64-bit integers as numbers when exact, as strings beyond 2^53', () => {
    expect(jsonCell(3356n)).toBe(3356);
    expect(jsonCell(9007199254740993n)).toBe('9007199254740993');
    expect(jsonCell(-9007199254740991n)).toBe(-9007199254740991);
  });

  it('writes NaN and infinities as strings, which JSON has no numbers for', () => {
    expect(jsonCell(Number.NaN)).toBe('NaN');
    expect(jsonCell(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('turns numbers carried as text (HUGEINT, DECIMAL) into numbers only when exact', () => {
    expect(jsonCell('3107849638', true)).toBe(3107849638);
    expect(jsonCell('154189.80', true)).toBe(154189.8);
    expect(jsonCell('3107849638', false)).toBe('3107849638');
    expect(exactNumber('123456789012345678.123')).toBe('123456789012345678.123');
    expect(exactNumber('-0.50')).toBe(-0.5);
    expect(exactNumber('170141183460469231731687303715884105727')).toBe('170141183460469231731687303715884105727');
  });
});

describe('renderJsonRows', () => {
  it('writes an array of row objects that parses back', () => {
    const text = renderJsonRows(tabularFromNamedRows(['id#', 'name', 'tags'], [[1n, 'a "b"', ['x']], [2, null, []]]));
    expect(JSON.parse(text)).toEqual([{ id: 1, name: 'a "b"', tags: ['x'] }, { id: 2, name: null, tags: [] }]);
  });

  it('writes [] for no rows', () => {
    expect(JSON.parse(renderJsonRows(tabularFromNamedRows(['a'], [])))).toEqual([]);
  });
});
