import { describe, expect, it } from 'vitest';
import { nextSort } from './grid-sort.js';

describe('nextSort', () => {
  it('cycles a column ascending → descending → unsorted and replaces other keys on a plain click', () => {
    const asc = nextSort([], 'age', false);
    expect(asc).toEqual([{ column: 'age', descending: false }]);
    const desc = nextSort(asc, 'age', false);
    expect(desc).toEqual([{ column: 'age', descending: true }]);
    expect(nextSort(desc, 'age', false)).toEqual([]);
    expect(nextSort(desc, 'sex', false)).toEqual([{ column: 'sex', descending: false }]);
  });

  it('shift-click adds keys in click order and cycles one key in place', () => {
    const two = nextSort([{ column: 'age', descending: false }], 'sex', true);
    expect(two).toEqual([{ column: 'age', descending: false }, { column: 'sex', descending: false }]);
    expect(nextSort(two, 'age', true)).toEqual([{ column: 'age', descending: true }, { column: 'sex', descending: false }]);
    expect(nextSort(nextSort(two, 'age', true), 'age', true)).toEqual([{ column: 'sex', descending: false }]);
  });
});
