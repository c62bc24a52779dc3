import { describe, expect, it } from 'vitest';
import { useMemoryConnection, queryRows } from '../transforms/testing.js';
import { classesSql, columnSetsSql, groupingId, readClasses } from './equivalence-classes-sql.js';

const db = useMemoryConnection(async (connection) => {
  // a: 1 1 1 null null; b: x y y y null; c: all 7.
  await connection.run(`CREATE TABLE r AS FROM (VALUES (1, 'x', 7), (1, 'y', 7), (1, 'y', 7), (NULL, 'y', 7), (NULL, NULL, 7)) v(a, b, c)`);
});

describe('equivalence classes in SQL', () => {
  it('counts null as a value of its own', async () => {
    // (a,b): (1,x) (1,y)×2 (null,y) (null,null) → 4 classes; with k = 2 three are below, holding 3 records.
    const [row] = await queryRows(db.connection, classesSql('r', ['a', 'b'], 2));
    expect(readClasses(['a', 'b'], row)).toEqual({ columns: ['a', 'b'], classes: 4, smallestClass: 1, recordsBelowK: 3, classesBelowK: 3 });
  });

  it('finds each set of a GROUPING SETS query by its GROUPING() id', async () => {
    const columns = ['a', 'b', 'c'];
    const sets = [['a'], ['b'], ['c'], ['a', 'c'], ['b', 'c']];
    const rows = await queryRows(db.connection, columnSetsSql('r', columns, sets, 3));
    const bySet = new Map(rows.map((row) => [Number(row['set_id']), row]));
    // a: 1×3, null×2 → 2 classes, 1 below 3 (2 records). b: x, y×3, null → 3 classes, 2 below (2 records).
    // c: 7×5 → 1 class. (a,c) as a; (b,c) as b.
    expect(sets.map((set) => readClasses(set, bySet.get(groupingId(columns, set))))).toEqual([
      { columns: ['a'], classes: 2, smallestClass: 2, recordsBelowK: 2, classesBelowK: 1 },
      { columns: ['b'], classes: 3, smallestClass: 1, recordsBelowK: 2, classesBelowK: 2 },
      { columns: ['c'], classes: 1, smallestClass: 5, recordsBelowK: 0, classesBelowK: 0 },
      { columns: ['a', 'c'], classes: 2, smallestClass: 2, recordsBelowK: 2, classesBelowK: 1 },
      { columns: ['b', 'c'], classes: 3, smallestClass: 1, recordsBelowK: 2, classesBelowK: 2 },
    ]);
    // GROUPING(a, b, c) sets a bit for each column left out, a the highest: {a} → 0b011, {b, c} → 0b100.
    expect([groupingId(columns, ['a']), groupingId(columns, ['b', 'c'])]).toEqual([3, 4]);
  });
});
