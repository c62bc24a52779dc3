import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import {
  isValidResidentId, RESIDENT_ID_WEIGHTS, residentIdCheckCharacter, residentIdIntegerValidSql, residentIdTextValidSql,
} from './cn-resident-id.js';
import { invalidResidentId, residentId } from './planted-values.js';

let connection: DuckDBConnection;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection.closeSync());

describe('the ISO 7064 MOD 11-2 check character of GB 11643-1999', () => {
  it('weighs the 17 digits 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 (2^(18−i) mod 11)', () => {
    expect(RESIDENT_ID_WEIGHTS).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });

  it("gives X for the standard's example 11010519491231002X", () => {
    // digits   1 1  0 1 0 5 1 9 4  9  1  2  3 1 0 0 2
    // weights  7 9 10 5 8 4 2 1 6  3  7  9 10 5 8 4 2
    // products 7 9  0 5 0 20 2 9 24 27 7 18 30 5 0 0 4  → sum 167; 167 mod 11 = 2; table 1 0 X 9 8 7 6 5 4 3 2 → X
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it("gives 4 for the standard's other example 440524188001010014, which the scan still rejects (born 1880)", () => {
    // products 4·7 4·9 0·10 5·5 2·8 4·4 1·2 8·1 8·6 0·3 0·7 1·9 0·10 1·5 0·8 0·4 1·2
    //        = 28  36  0    25  16  16  2   8   48  0   0   9   0    5   0   0   2   → sum 195; 195 mod 11 = 8 → 4
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(isValidResidentId('440524188001010014')).toBe(false);
  });

  it('gives 6 for 32010219900307891 (worked by hand)', () => {
    // products 3·7 2·9 0·10 1·5 0·8 2·4 1·2 9·1 9·6 0·3 0·7 3·9 0·10 7·5 8·8 9·4 1·2
    //        = 21  18  0    5   0   8   2   9   54  0   0   27  0    35  64  36  2   → sum 281; 281 mod 11 = 6 → 6
    expect(residentIdCheckCharacter('32010219900307891')).toBe('6');
    expect(isValidResidentId('320102199003078916')).toBe(true);
    expect(isValidResidentId('320102199003078915')).toBe(false);
  });

  it('rejects impossible and future birth dates and unknown provinces, whatever the check character', () => {
    const withCheck = (body: string): string => body + residentIdCheckCharacter(body);
    expect(isValidResidentId(withCheck('11010520000229001'))).toBe(true); // 2000 is a leap year
    expect(isValidResidentId(withCheck('11010519000229001'))).toBe(false); // 1900 is not
    expect(isValidResidentId(withCheck('11010519990229001'))).toBe(false);
    expect(isValidResidentId(withCheck('11010519800431001'))).toBe(false);
    expect(isValidResidentId(withCheck('99010519800101001'))).toBe(false);
    expect(isValidResidentId(withCheck('11010520991231001'), new Date(Date.UTC(2026, 0, 1)))).toBe(false);
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow(/17 digits/);
  });
});

describe('the SQL check', () => {
  it('agrees with the JavaScript check on valid numbers, look-alikes and calendar edge cases', async () => {
    const random = new Random(11643, 'resident-id');
    const withCheck = (body: string): string => body + residentIdCheckCharacter(body);
    const values = [
      ...Array.from({ length: 1500 }, () => residentId(random)),
      ...Array.from({ length: 1500 }, () => invalidResidentId(random)),
      ...['20000229', '19000229', '20040229', '19990229', '19800431', '19801231', '19800001', '19801301', '20991231', '19800100', '19800230',
        '19800931', '19800131', '19801131', '19800831', '19800731', '19800630', '19000101', '18991231']
        .map((date) => withCheck(`320102${date}001`)),
      '11010519491231002X', '440524188001010014', '1101051949123100XX', 'abcdefghijklmnopqr',
    ];
    const reader = await connection.runAndReadAll(
      `SELECT v, coalesce(${residentIdTextValidSql('v')}, false) FROM unnest($1::VARCHAR[]) t(v)`,
      [listValue(values)],
    );
    const sql = new Map(reader.getRowsJS().map(([v, valid]) => [String(v), valid]));
    for (const value of values) expect([value, sql.get(value)]).toEqual([value, isValidResidentId(value)]);
    expect(values.filter((v) => isValidResidentId(v)).length).toBeGreaterThan(1500);
  });

  it('checks 18-digit integers the same way', async () => {
    const reader = await connection.runAndReadAll(
      `SELECT v, ${residentIdIntegerValidSql('v')} FROM (VALUES (320102199003078916::BIGINT), (320102199003078915), (440524188001010014)) t(v)`,
    );
    expect(reader.getRowsJS().map((r) => r[1])).toEqual([true, false, false]);
  });
});
