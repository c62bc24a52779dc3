import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import { minCellCountOf, partitionSuppressionSql, smallCountSql, suppressionOf } from './suppression-sql.js';
import { suppressCells, type CellKind } from './suppress-cells.js';
import { cellsPinnedByEquation } from './testing.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const PARTS = ['a', 'b', 'c', 'd', 'e'];

/** Random rows of five counts, many of them small or zero, in a table `t(row_id, a…e)`. */
async function randomRows(seed: number, rows: number): Promise<number[][]> {
  const random = new Random(seed, 'partition-sql');
  const values = Array.from({ length: rows }, () => PARTS.map(() => (random.bernoulli(0.3) ? 0 : random.bernoulli(0.5) ? random.integer(1, 6) : random.integer(1, 40))));
  await connection.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ${values.map((v, i) => `(${i}, ${v.join(', ')})`).join(', ')}) t(row_id, ${PARTS.join(', ')})`);
  return values;
}

describe('partitionSuppressionSql', () => {
  it('hides, row by row, exactly the cells suppressCells hides for the row\'s total', async () => {
    const values = await randomRows(3, 2000);
    for (const min of [2, 3, 5, 10]) {
      const sql = `SELECT row_id, ${PARTS.map((p) => `hidden_${p}`).join(', ')} FROM (${partitionSuppressionSql('SELECT * FROM t', PARTS, min)}) ORDER BY row_id`;
      const rows = (await connection.runAndReadAll(sql)).getRowsJS();
      let complementary = 0;
      rows.forEach((row, i) => {
        const total = values[i]!.reduce((x, y) => x + y, 0);
        const expected = suppressCells(values[i]!, [{ total: { constant: total }, parts: [0, 1, 2, 3, 4] }], min);
        expect(row.slice(1), `row ${i} ${JSON.stringify(values[i])} min ${min}`).toEqual(expected.hidden);
        complementary += expected.complementary;
      });
      // with a minimum of 2 a hidden cell is 1 whatever else is shown: nothing complementary to do
      if (min > 2) expect(complementary, `min ${min}: the rows exercised complementary suppression`).toBeGreaterThan(50);
    }
  });

  it('leaves small counts of parts that are not sensitive shown, and still protects the others (brute force)', async () => {
    const values = await randomRows(5, 1500);
    const min = 5;
    const sql = `SELECT row_id, ${PARTS.map((p) => `hidden_${p}`).join(', ')} FROM (${partitionSuppressionSql('SELECT * FROM t', PARTS, min, ['a', 'b', 'c'])}) ORDER BY row_id`;
    const rows = (await connection.runAndReadAll(sql)).getRowsJS();
    let shownSmall = 0;
    rows.forEach((row, i) => {
      const kinds = values[i]!.map((v, j): CellKind => (!row[j + 1] ? 'shown' : v < min ? 'primary' : 'complementary'));
      values[i]!.forEach((v, j) => {
        if (j >= 3 && v > 0 && v < min) {
          expect(kinds[j]).toBe('shown');
          shownSmall++;
        }
        if (j < 3 && v > 0 && v < min) expect(kinds[j]).toBe('primary');
      });
      const total = values[i]!.reduce((x, y) => x + y, 0);
      // nothing left to hide (every part hidden, zero, or small and not sensitive): unprotected, as in suppressCells
      if (!values[i]!.some((v, j) => kinds[j] === 'shown' && (v >= min || (j < 3 && v > 0)))) return;
      expect(cellsPinnedByEquation(values[i]!, kinds, { total: { constant: total }, parts: [0, 1, 2, 3, 4] }, min, total + 1), `row ${i} ${JSON.stringify(values[i])}`).toEqual([]);
    });
    expect(shownSmall).toBeGreaterThan(100);
  });

  it('hides nothing with a minimum of 0 or 1', async () => {
    await randomRows(4, 50);
    for (const min of [0, 1]) {
      const reader = await connection.runAndReadAll(`SELECT count(*) FILTER (WHERE hidden_a OR hidden_b OR hidden_c OR hidden_d OR hidden_e) FROM (${partitionSuppressionSql('SELECT * FROM t', PARTS, min)})`);
      expect(Number(reader.getRowsJS()[0]![0])).toBe(0);
    }
  });
});

describe('small helpers', () => {
  it('smallCountSql, suppressionOf and minCellCountOf', async () => {
    const reader = await connection.runAndReadAll(`SELECT ${smallCountSql('x', 5)} FROM (VALUES (0), (1), (4), (5)) v(x)`);
    expect(reader.getRowsJS().map((r) => r[0])).toEqual([false, true, true, false]);
    expect(suppressionOf(0, ['n'], 0, 0)).toEqual({ minCellCount: 0, columns: [], primary: 0, complementary: 0 });
    expect(suppressionOf(5, ['n'], 2, 1).columns).toEqual(['n']);
    expect(minCellCountOf(undefined, 5)).toBe(5);
    expect(minCellCountOf(0, 5)).toBe(0);
    expect(() => minCellCountOf(-1, 5)).toThrow(/minCellCount/);
    expect(() => minCellCountOf(2.5, 5)).toThrow(/minCellCount/);
  });
});
