import { describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import { suppressCells, type CellEquation } from './suppress-cells.js';
import { cellsDeterminedBySystem, cellsPinnedByEquation } from './testing.js';

describe('suppressCells', () => {
  it('hides counts from 1 to min − 1, shows zeros, and hides nothing with a minimum of 0 or 1', () => {
    expect(suppressCells([0, 1, 4, 5, 12], [], 5).kinds).toEqual(['shown', 'primary', 'primary', 'shown', 'shown']);
    for (const min of [0, 1]) expect(suppressCells([0, 1, 2, 3], [{ total: { constant: 6 }, parts: [0, 1, 2, 3] }], min).hidden).toEqual([false, false, false, false]);
  });

  it('hides the smallest other part when one part of a total is hidden', () => {
    // sex: male 50, female 3, unknown 47 of 100 persons — 100 − 50 − 47 would give the 3 away
    const result = suppressCells([50, 3, 47], [{ total: { constant: 100 }, parts: [0, 1, 2] }], 5);
    expect(result.kinds).toEqual(['shown', 'primary', 'complementary']);
    expect([result.primary, result.complementary]).toEqual([1, 1]);
  });

  it('leaves two small parts alone when their sum leaves each of them open', () => {
    // 97 + 2 + 1 = 100: the hidden pair sums to 3, (1, 2) or (2, 1)
    expect(suppressCells([97, 2, 1], [{ total: { constant: 100 }, parts: [0, 1, 2] }], 5).complementary).toBe(0);
  });

  it('hides more when small hidden parts can only be 1 each (sum 2) or all at the bound', () => {
    // 98 + 1 + 1: two hidden cells of 1…4 summing to 2 are both 1
    expect(suppressCells([98, 1, 1], [{ total: { constant: 100 }, parts: [0, 1, 2] }], 5).kinds).toEqual(['complementary', 'primary', 'primary']);
    // 4 + 4 = 8 with nothing else shown: both at 4; the total (a cell) is hidden, no part being left
    expect(suppressCells([8, 4, 4, 0], [{ total: 0, parts: [1, 2, 3] }], 5).kinds).toEqual(['complementary', 'primary', 'primary', 'shown']);
  });

  it('follows a chain of equations (attrition: persons before = persons after + dropped)', () => {
    // persons 100 → 40 (60 dropped) → 3 (37 dropped); cells [p0, p1, d1, p2, d2]
    const values = [100, 40, 60, 3, 37];
    const chain: CellEquation[] = [{ total: 0, parts: [1, 2] }, { total: 1, parts: [3, 4] }];
    const result = suppressCells(values, chain, 5);
    // p2 = 3 hidden; 40 − 37 would give it away: d2 (a part) goes; the first step is untouched
    expect(result.kinds).toEqual(['shown', 'shown', 'shown', 'primary', 'complementary']);
    expect(result.unprotected).toEqual([]);
  });

  it('reports an equation it cannot protect', () => {
    // a cohort of 2: one man, one woman, both <5, and the total says they are 1 each
    const result = suppressCells([1, 1], [{ total: { constant: 2 }, parts: [0, 1] }], 5);
    expect(result.unprotected).toEqual([0]);
  });

  it('with a minimum of 2 adds nothing for a lone hidden cell: `<2` already says 1', () => {
    const result = suppressCells([9, 1], [{ total: { constant: 10 }, parts: [0, 1] }], 2);
    expect(result.kinds).toEqual(['shown', 'primary']);
    expect(result.unprotected).toEqual([]);
  });

  it('on random small tables with margins, no equation pins a hidden cell (brute force)', () => {
    const random = new Random(7, 'suppress-cells');
    let hiddenSeen = 0;
    let complementarySeen = 0;
    for (let table = 0; table < 300; table++) {
      const rows = random.integer(1, 3);
      const columns = random.integer(2, 3);
      const min = random.integer(2, 5);
      const inner = Array.from({ length: rows * columns }, () => (random.bernoulli(0.3) ? 0 : random.integer(1, 9)));
      // cells: the inner table, then row totals, then column totals; the grand total is a constant
      const rowTotals = Array.from({ length: rows }, (_, r) => inner.slice(r * columns, (r + 1) * columns).reduce((a, b) => a + b, 0));
      const columnTotals = Array.from({ length: columns }, (_, c) => rowTotals.reduce((sum, _t, r) => sum + inner[r * columns + c]!, 0));
      const values = [...inner, ...rowTotals, ...columnTotals];
      const grand = rowTotals.reduce((a, b) => a + b, 0);
      const equations: CellEquation[] = [
        ...rowTotals.map((_, r) => ({ total: inner.length + r, parts: Array.from({ length: columns }, (_c, c) => r * columns + c) })),
        ...columnTotals.map((_, c) => ({ total: inner.length + rows + c, parts: Array.from({ length: rows }, (_r, r) => r * columns + c) })),
        { total: { constant: grand }, parts: rowTotals.map((_, r) => inner.length + r) },
      ];
      const result = suppressCells(values, equations, min);
      values.forEach((v, i) => {
        if (v > 0 && v < min) expect(result.kinds[i]).toBe('primary');
        if (v === 0) expect(result.kinds[i]).toBe('shown');
        if (result.kinds[i] === 'complementary') expect(v).toBeGreaterThanOrEqual(min);
      });
      equations.forEach((equation, e) => {
        if (result.unprotected.includes(e)) return;
        expect(cellsPinnedByEquation(values, result.kinds, equation, min, grand + 1), `table ${table}, equation ${e}: ${JSON.stringify({ values, kinds: result.kinds, min })}`).toEqual([]);
      });
      hiddenSeen += result.primary;
      complementarySeen += result.complementary;
    }
    // the tables did exercise both rules
    expect(hiddenSeen).toBeGreaterThan(100);
    expect(complementarySeen).toBeGreaterThan(50);
  });

  it('an unprotected equation is one whose nonzero cells are all hidden already', () => {
    const random = new Random(11, 'suppress-cells-unprotected');
    for (let table = 0; table < 200; table++) {
      const parts = Array.from({ length: random.integer(2, 4) }, () => random.integer(0, 4));
      const total = parts.reduce((a, b) => a + b, 0);
      const result = suppressCells(parts, [{ total: { constant: total }, parts: parts.map((_, i) => i) }], 5);
      if (result.unprotected.length > 0) expect(parts.every((v, i) => v === 0 || result.hidden[i])).toBe(true);
    }
  });
});

describe('cellsDeterminedBySystem (the test helper)', () => {
  it('finds cells given away by equations together', () => {
    // cells a, b, c hidden; a + b = 10 and a + c = 12 shown: rank 2 for 3 unknowns, nothing follows
    const kinds = ['primary', 'complementary', 'complementary', 'shown', 'shown'] as const;
    const twoEquations: CellEquation[] = [{ total: 3, parts: [0, 1] }, { total: 4, parts: [0, 2] }];
    expect(cellsDeterminedBySystem([...kinds], twoEquations)).toEqual([]);
    // b = c adds nothing (it is the difference of the two); a = b makes the rank 3: every cell follows
    expect(cellsDeterminedBySystem([...kinds], [...twoEquations, { total: 1, parts: [2] }])).toEqual([]);
    expect(cellsDeterminedBySystem([...kinds], [...twoEquations, { total: 0, parts: [1] }])).toEqual([0, 1, 2]);
  });
});
