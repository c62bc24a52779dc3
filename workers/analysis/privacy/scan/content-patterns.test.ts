import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import { quoteLiteral } from '../../../db/quote.js';
import {
  BOUNDED_CN_MOBILE, BOUNDED_INTERNATIONAL_PHONE, BOUNDED_RESIDENT_ID, BOUNDED_SSN, CN_MOBILE, DATE_OF_BIRTH, EMAIL, INTERNATIONAL_PHONE,
  PSEUDONYMOUS_KEY, RESIDENT_ID_SHAPE, SSN_ANY, SSN_DASHED,
} from './content-patterns.js';
import { dateOfBirthPhrase, distractorText, email, internationalPhone, mobile, residentId, ssn } from './planted-values.js';

let connection: DuckDBConnection;
let samples: string[];

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  const random = new Random(5, 'patterns');
  const makers = [residentId, mobile, internationalPhone, ssn, (r: Random) => email(r), dateOfBirthPhrase, distractorText];
  samples = Array.from({ length: 3000 }, (_, i) => {
    const value = makers[i % makers.length]!(random);
    return random.bernoulli(0.5) ? `note: ${value}; ${distractorText(random)}` : value;
  });
});
afterAll(() => connection.closeSync());

const PATTERNS = {
  EMAIL, SSN_DASHED, SSN_ANY, CN_MOBILE, INTERNATIONAL_PHONE, DATE_OF_BIRTH, RESIDENT_ID_SHAPE, PSEUDONYMOUS_KEY,
  BOUNDED_RESIDENT_ID, BOUNDED_SSN, BOUNDED_CN_MOBILE, BOUNDED_INTERNATIONAL_PHONE,
};

describe('identifier patterns', () => {
  it('match the same values in DuckDB (RE2) and JavaScript', async () => {
    for (const [name, pattern] of Object.entries(PATTERNS)) {
      const reader = await connection.runAndReadAll(`SELECT v, regexp_matches(v, ${quoteLiteral(pattern)}) FROM unnest($1::VARCHAR[]) t(v)`, [listValue(samples)]);
      const re2 = new Map(reader.getRowsJS().map(([v, m]) => [String(v), m]));
      const js = new RegExp(pattern);
      const disagree = samples.filter((v) => re2.get(v) !== js.test(v));
      expect([name, disagree]).toEqual([name, []]);
    }
  });

  it('capture the same identifier (group 1) in both engines', async () => {
    for (const pattern of [BOUNDED_RESIDENT_ID, BOUNDED_SSN, BOUNDED_CN_MOBILE, BOUNDED_INTERNATIONAL_PHONE, DATE_OF_BIRTH]) {
      const reader = await connection.runAndReadAll(`SELECT v, regexp_extract(v, ${quoteLiteral(pattern)}, 1) FROM unnest($1::VARCHAR[]) t(v)`, [listValue(samples)]);
      const js = new RegExp(pattern);
      for (const [v, captured] of reader.getRowsJS()) expect([v, captured]).toEqual([v, js.exec(String(v))?.[1] ?? '']);
    }
  });

  it('take the rules apart: SSN areas, Chinese mobile prefixes, keyword-led birth dates', () => {
    const ssnShape = new RegExp(`^${SSN_DASHED}$`);
    expect(['001-01-0001', '665-99-9999', '667-12-3456', '899-12-3456'].every((v) => ssnShape.test(v))).toBe(true);
    expect(['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000'].some((v) => ssnShape.test(v))).toBe(false);
    const mobileShape = new RegExp(`^${CN_MOBILE}$`);
    expect(['13812345678', '+86 138 1234 5678', '0086-19912345678', '+8615912345678'].every((v) => mobileShape.test(v))).toBe(true);
    expect(['12812345678', '1381234567', '138123456789'].some((v) => mobileShape.test(v))).toBe(false);
    const birth = new RegExp(DATE_OF_BIRTH);
    expect(['DOB: 1980-01-02', 'born 2 Jan 1980', 'Date of Birth 02/01/1980', '出生日期：1980年1月2日', '生日1980-01-02'].every((v) => birth.test(v))).toBe(true);
    expect(['admitted 1980-01-02', 'newborn 1980-01-02', 'birth weight 3.2 kg 1980-01-02', 'DOB 1980-13-02', 'born 1980'].some((v) => birth.test(v))).toBe(false);
  });
});
