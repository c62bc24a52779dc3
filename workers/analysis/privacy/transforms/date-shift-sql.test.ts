import { describe, expect, it } from 'vitest';
import { dateShiftOffsetSql, shiftDateSql } from './date-shift-sql.js';
import { TEST_SECRET_HEX, useMemoryConnection, queryRows, referenceDateShift } from './testing.js';

const db = useMemoryConnection();

async function offsets(persons: number, maxDays: number): Promise<Map<string, number>> {
  const rows = await queryRows(db.connection,
    `SELECT CAST(p AS VARCHAR) AS person, ${dateShiftOffsetSql(TEST_SECRET_HEX, 'p', maxDays)} AS offset FROM range(1, ${persons + 1}) t(p)`);
  return new Map(rows.map((row) => [row['person'] as string, Number(row['offset'])]));
}

describe('dateShiftOffsetSql', () => {
  it('equals the Node computation from the first 8 HMAC bytes for 3,000 persons, all within ±180', async () => {
    const computed = await offsets(3000, 180);
    const mismatches = [...computed].filter(([person, offset]) => offset !== referenceDateShift(person, 180));
    expect(mismatches).toEqual([]);
    const values = [...computed.values()];
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-180);
    expect(Math.max(...values)).toBeLessThanOrEqual(180);
    // 3,000 draws over 361 values: every value is expected ~8.3 times, so both ends are all but sure to appear.
    expect(Math.min(...values)).toBeLessThan(-170);
    expect(Math.max(...values)).toBeGreaterThan(170);
  });

  it('spreads 4,200 persons evenly over −10..10 (chi-square below the 0.1 % critical value)', async () => {
    const counts = new Array<number>(21).fill(0);
    for (const offset of (await offsets(4200, 10)).values()) counts[offset + 10] = (counts[offset + 10] ?? 0) + 1;
    const expected = 4200 / 21;
    const chiSquare = counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 20 degrees of freedom: upper 0.1 % point 45.315 (NIST/SEMATECH e-Handbook of Statistical Methods,
    // section 1.3.6.7.4, table of the chi-square distribution). A uniform offset fails this 1 time in 1,000;
    // the inputs are fixed, so the outcome is the same on every run.
    expect(chiSquare).toBeLessThan(45.315);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('gives the same offset to the same key whatever its type, and null to a null key', async () => {
    const [row] = await queryRows(db.connection, `SELECT ${dateShiftOffsetSql(TEST_SECRET_HEX, 'CAST(42 AS BIGINT)', 180)} AS a,
      ${dateShiftOffsetSql(TEST_SECRET_HEX, `'42'`, 180)} AS b, ${dateShiftOffsetSql(TEST_SECRET_HEX, 'NULL', 180)} AS c`);
    expect(Number(row?.['a'])).toBe(referenceDateShift('42', 180));
    expect(row?.['b']).toEqual(row?.['a']);
    expect(row?.['c']).toBeNull();
  });
});

describe('shiftDateSql', () => {
  it('moves dates and timestamps by whole days, keeping the type, and leaves null null', async () => {
    const [row] = await queryRows(db.connection, `SELECT
      ${shiftDateSql(`DATE '2020-03-01'`, 'DATE', '-1')} AS d,
      typeof(${shiftDateSql(`DATE '2020-03-01'`, 'DATE', '-1')}) AS dt,
      ${shiftDateSql(`TIMESTAMP '2020-12-31 23:30:00'`, 'TIMESTAMP', '1')} AS ts,
      typeof(${shiftDateSql(`CAST('2020-01-01' AS TIMESTAMP_MS)`, 'TIMESTAMP_MS', '1')}) AS tt,
      ${shiftDateSql('CAST(NULL AS DATE)', 'DATE', '5')} AS n`);
    expect(row).toEqual({ d: new Date('2020-02-29T00:00:00Z'), dt: 'DATE', ts: new Date('2021-01-01T23:30:00Z'), tt: 'TIMESTAMP_MS', n: null });
  });
});
