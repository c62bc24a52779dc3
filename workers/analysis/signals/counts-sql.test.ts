import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPairCountsSql, type CountsQuery } from './counts-sql.js';

/*
 * Five reports, worked by hand:
 *   R1 (F): A as PS, B as C;  events X, Y
 *   R2 (M): A as SS;          event X
 *   R3 (F): B as PS;          event Y
 *   R4 (M): C as PS;          event X
 *   R5 (F): A as C;           event Z
 * With suspect roles R1's B and all of R5 drop out: N = 4 reports (R1–R4).
 */
let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`CREATE SCHEMA t;
    CREATE TABLE t.pv_report AS SELECT * FROM (VALUES (1, 'F'), (2, 'M'), (3, 'F'), (4, 'M'), (5, 'F')) v(report_id, sex);
    CREATE TABLE t.pv_drug AS SELECT * FROM (VALUES (1, 1, 'PS', 'A', NULL), (1, 2, 'C', 'B', NULL), (2, 1, 'SS', 'A', NULL),
      (3, 1, 'PS', 'B', NULL), (4, 1, 'PS', 'C', NULL), (5, 1, 'C', 'A', NULL)) v(report_id, seq, "role", drug, ingredient);
    CREATE TABLE t.pv_event AS SELECT * FROM (VALUES (1, 'X'), (1, 'Y'), (2, 'X'), (3, 'Y'), (4, 'X'), (5, 'Z')) v(report_id, pt);`);
});

async function pairs(overrides: Partial<CountsQuery>): Promise<Record<string, number[]>> {
  const sql = buildPairCountsSql({ schema: 't', roles: 'suspect', names: 'verbatim', synonyms: null, strata: [], ...overrides });
  const rows = (await connection.runAndReadAll(sql)).getRowsJS();
  // drug|event → [n, n_drug, n_event, n_total, e]
  return Object.fromEntries(rows.map((r) => [`${r[1]}|${r[2]}`, r.slice(3).map(Number)]));
}

describe('buildPairCountsSql', () => {
  it('counts distinct reports per pair with the margins of the reports that have a suspect drug and an event', async () => {
    expect(await pairs({})).toEqual({
      'A|X': [2, 2, 3, 4, 1.5], // E = 2·3/4
      'A|Y': [1, 2, 2, 4, 1], //   E = 2·2/4
      'B|Y': [1, 1, 2, 4, 0.5], // E = 1·2/4
      'C|X': [1, 1, 3, 4, 0.75], // E = 1·3/4
    });
  });

  it('sums the expected count over strata', async () => {
    // F: R1, R3 (N=2); M: R2, R4 (N=2).
    // E(A,X) = F 1·1/2 + M 1·2/2 = 1.5; E(A,Y) = F 1·2/2 = 1; E(B,Y) = F 1·2/2 = 1; E(C,X) = M 1·2/2 = 1.
    const byPair = await pairs({ strata: ['sex'] });
    expect(Object.fromEntries(Object.entries(byPair).map(([k, v]) => [k, v[4]]))).toEqual({ 'A|X': 1.5, 'A|Y': 1, 'B|Y': 1, 'C|X': 1 });
  });

  it('follows the role filter', async () => {
    const primary = await pairs({ roles: 'primary' }); // R1 A, R3 B, R4 C; N = 3
    expect(primary['A|X']).toEqual([1, 1, 2, 3, 2 / 3]);
    const all = await pairs({ roles: 'all' }); // every report; N = 5
    expect(all['B|X']).toEqual([1, 2, 3, 5, 1.2]); // n_drug(B) = R1, R3; n_event(X) = R1, R2, R4
    expect(all['A|Z']).toEqual([1, 3, 1, 5, 0.6]);
  });

  it('limits the reports counted with a report filter', async () => {
    const early = await pairs({ reportFilter: 'r.report_id <= 2' }); // R1, R2
    expect(early).toEqual({ 'A|X': [2, 2, 2, 2, 2], 'A|Y': [1, 2, 1, 2, 1] });
  });
});
