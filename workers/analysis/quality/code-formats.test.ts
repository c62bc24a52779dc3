import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '../../db/quote.js';
import { codeFormatFails, LOINC_KNOWN_BAD_CHECK_DIGITS, loincCheckDigitFails, loincCheckDigitSql } from './code-formats.js';
import type { CodeSystem } from './column-names.js';
import { guideCheckDigit } from './testing.js';


describe('code formats', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => { connection.closeSync(); instance.closeSync(); });

  async function failing(values: string[], condition: (expression: string) => string): Promise<string[]> {
    const list = values.map(quoteLiteral).join(', ');
    const reader = await connection.runAndReadAll(`SELECT v FROM unnest([${list}]) AS u(v) WHERE ${condition('v')} ORDER BY v`);
    return reader.getRowsJS().map((r) => String(r[0]));
  }

  const formats: Record<CodeSystem, { good: string[]; bad: string[] }> = {
    icd10: {
      good: ['K92.2', 'K922', 'K92', 'I10', 'S72.001A', 'C4A.0', 'U07.1', 'A00-A09'],
      bad: ['k92.2', ' K92.2', 'K92.2 ', 'K9', '192.2', 'K92.', 'K92.22222', 'K92..2'],
    },
    atc: {
      good: ['N', 'N02', 'N02B', 'N02BE', 'N02BE01', 'M01AH01', 'A10BA02'],
      bad: ['N02BE1', 'E02', 'X01AB01', 'n02be01', 'N02BE011', 'N2', 'N02B3'],
    },
    loinc: {
      good: ['2160-0', '718-7', '100000-9', 'LP31755-9', 'LA6576-8', 'LG10990-6'],
      bad: ['2160', '2160-00', '21600', 'LX123-4', '2160 -0', '-0'],
    },
  };
  for (const [system, { good, bad }] of Object.entries(formats) as [CodeSystem, { good: string[]; bad: string[] }][]) {
    it(`${system}: flags exactly the values that are not written as ${system} codes`, async () => {
      expect(await failing([...good, ...bad], (v) => codeFormatFails(v, system))).toEqual([...bad].sort());
    });
  }

  it('LOINC check digits: the guide\'s worked example and published codes', async () => {
    // Users' Guide Appendix C: "5 is the Mod 10 check digit for 12345". Published LOINC codes: creatinine
    // 2160-0, hemoglobin 718-7, glucose 2345-7, HbA1c 4548-4, protein 2885-2 (loinc.org).
    expect(guideCheckDigit('12345')).toBe(5);
    const reader = await connection.runAndReadAll(`SELECT ${loincCheckDigitSql("'12345-5'")}, ${['2160-0', '718-7', '2345-7', '4548-4', '2885-2'].map((c) => loincCheckDigitSql(quoteLiteral(c))).join(', ')}`);
    expect(reader.getRowsJS()[0]!.map(Number)).toEqual([5, 0, 7, 7, 4, 2]);
  });

  it('LOINC check digits agree with the guide\'s steps for 0..99,999 and seven-digit numbers', async () => {
    const reader = await connection.runAndReadAll(`SELECT n, ${loincCheckDigitSql("CAST(n AS VARCHAR) || '-0'")} FROM
      (SELECT * FROM range(100000) UNION ALL SELECT * FROM range(9999000, 10000000)) r(n) ORDER BY n`);
    const disagree = reader.getRowsJS().filter(([n, digit]) => guideCheckDigit(String(n)) !== Number(digit));
    expect(reader.getRowsJS()).toHaveLength(101_000);
    expect(disagree).toEqual([]);
  });

  it('the 14 deprecated codes with known bad check digits are wrong by the algorithm, and not flagged', async () => {
    // The LOINC forum thread "LOINC Code and Mod 10 Check Digit Mismatch" computes 11491 → 8, 11501 → 4, 5895 → 8.
    expect(['11491', '11501', '5895'].map(guideCheckDigit)).toEqual([8, 4, 8]);
    for (const code of LOINC_KNOWN_BAD_CHECK_DIGITS) {
      const [number, digit] = code.split('-');
      expect(guideCheckDigit(number!)).not.toBe(Number(digit));
    }
    const planted = ['2160-1', '718-8', '2345-7', ...LOINC_KNOWN_BAD_CHECK_DIGITS];
    expect(await failing(planted, loincCheckDigitFails)).toEqual(['2160-1', '718-8']);
  });
});
