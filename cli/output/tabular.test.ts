import { describe, expect, it } from 'vitest';
import { roundedTabular, tabularFromRows } from './tabular.js';

describe('roundedTabular', () => {
  it('rounds non-integer numbers to significant digits and leaves everything else alone', () => {
    const data = roundedTabular(tabularFromRows([{ name: 'x', numeric: true }], [[14.299102468212416], [0.000123456], [37], [Infinity], ['text'], [null]]), 4);
    expect(Array.from({ length: data.rowCount }, (_, r) => data.value(r, 0))).toEqual([14.3, 0.0001235, 37, Infinity, 'text', null]);
  });
});
