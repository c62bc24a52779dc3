import { createHash } from 'node:crypto';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import { residentIdBirthSql, residentIdBodySql } from './cn-resident-id.js';
import { dateOfBirthSql, emailSql, phoneSql, pseudonymousKeySql, residentIdTextSql, ssnSql } from './content-sql.js';
import { codeDigit } from './count-matches.js';
import {
  dateOfBirthPhrase, distractorText, email, internationalPhone, invalidResidentId, invalidSsn, mobile, residentId, ssn,
} from './planted-values.js';
import { KEY_CODE, TEXT_CODE_KINDS, textCodePlace, textCodeSql } from './text-code.js';

let connection: DuckDBConnection;
let rows: unknown[][];

/**
 * The packed code (counting) and the standalone expressions (examples) must agree value by value, or the
 * examples would not show what was counted. E-mail addresses with a mobile number as local part are left
 * out: as whole values they count as e-mail only (whole values win), while the standalone phone check
 * also sees the number.
 */
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  const random = new Random(3, 'text-code');
  const makers = [
    residentId, invalidResidentId, mobile, internationalPhone, ssn, invalidSsn, (r: Random) => email(r, false), dateOfBirthPhrase, distractorText,
    (r: Random) => createHash('sha1').update(String(r.uint32())).digest('hex'), (r: Random) => ` ${residentId(r)} `, (r: Random) => ssn(r).replaceAll('-', ''),
  ];
  const values: (string | null)[] = Array.from({ length: 4000 }, (_, i) => {
    const value = makers[i % makers.length]!(random);
    return random.bernoulli(0.4) ? `${distractorText(random)} ${value}. ${random.pick(makers)(random)}` : value;
  });
  values.push(null, '', 'a@b.cn', '12345');
  const c = 'v';
  const standalone = [emailSql(c), residentIdTextSql(c), ssnSql(c, true), phoneSql(c), dateOfBirthSql(c)];
  const reader = await connection.runAndReadAll(
    `SELECT v, ${textCodeSql(c, { length: 'n', body: 'body', birth: 'birth' }, true)}, ${standalone.join(', ')}, ${pseudonymousKeySql(c)}
     FROM (SELECT v, strlen(v) AS n, ${residentIdBodySql(c)} AS body, ${residentIdBirthSql(c)} AS birth FROM unnest($1::VARCHAR[]) t(v))`,
    [listValue(values)],
  );
  rows = reader.getRowsJS();
});
afterAll(() => connection.closeSync());

describe('textCodeSql', () => {
  it('packs, for each kind, the outcome the standalone check gives', () => {
    for (const [value, code, ...outcomes] of rows) {
      const key = outcomes.pop();
      const packed = Number(code);
      if (key === true) {
        expect([value, packed]).toEqual([value, KEY_CODE]);
        continue;
      }
      const unpacked = TEXT_CODE_KINDS.map((kind) => codeDigit(packed, textCodePlace(kind)));
      expect([value, unpacked]).toEqual([value, outcomes.map(Number)]);
    }
  });

  it('sees every outcome at least once in the sample', () => {
    const seen = new Set(rows.map((r) => Number(r[1])).flatMap((code) => (code === KEY_CODE ? ['key'] : TEXT_CODE_KINDS.map((kind) => `${kind}:${codeDigit(code, textCodePlace(kind))}`))));
    for (const kind of TEXT_CODE_KINDS) for (const digit of kind === 'birth_date' ? [2] : [1, 2]) expect(seen).toContain(`${kind}:${digit}`);
    expect(seen).toContain('key');
  });

  it('gives 0 for null, empty and short values', () => {
    const codes = new Map(rows.map((r) => [r[0], Number(r[1])]));
    expect([codes.get(null), codes.get(''), codes.get('12345')]).toEqual([0, 0, 0]);
    expect(codes.get('a@b.cn')).toBe(1);
  });
});
