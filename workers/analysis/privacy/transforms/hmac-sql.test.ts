import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../../samples/generate/random.js';
import { checkSecretHex, hmacSha256HexSql } from './hmac-sql.js';
import { TEST_SECRET_HEX, useMemoryConnection, queryRows } from './testing.js';

const db = useMemoryConnection();

/** A seeded mix of texts: ASCII, Chinese, emoji, control characters, lengths 0 to 2,000 characters. */
function sampleTexts(count: number): string[] {
  const random = new Random(7, 'hmac-texts');
  const alphabets = ['abcdefghijklmnopqrstuvwxyz0123456789', '张王李赵刘陈杨黄周吴徐孙马朱胡林郭何高罗', "é ü ß ' \" \t\n\\%_", '😀🧬'];
  const texts = ['', ' ', 'a', '张伟', '0', 'null', "O'Brien", 'x'.repeat(5000)];
  while (texts.length < count) {
    const length = random.bernoulli(0.1) ? random.integer(200, 2000) : random.integer(1, 40);
    const alphabet = [...random.pick(alphabets)];
    texts.push(Array.from({ length }, () => random.pick(alphabet)).join(''));
  }
  return texts;
}

describe('hmacSha256HexSql', () => {
  it('gives RFC 4231 test case 2 (key "Jefe", zero-padded to 32 bytes, as HMAC pads it anyway)', async () => {
    const key = Buffer.concat([Buffer.from('Jefe'), Buffer.alloc(28)]).toString('hex');
    const [row] = await queryRows(db.connection, `SELECT ${hmacSha256HexSql(key, `'what do ya want for nothing?'`)} AS mac`);
    // RFC 4231, section 4.3, HMAC-SHA-256.
    expect(row?.['mac']).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('equals node:crypto createHmac on 1,200 texts (empty, Chinese, emoji, quotes, long) under two keys', async () => {
    const texts = sampleTexts(1200);
    await db.connection.run('CREATE OR REPLACE TABLE texts (i INTEGER, t VARCHAR)');
    const appender = await db.connection.createAppender('texts');
    texts.forEach((text, i) => { appender.appendInteger(i); appender.appendVarchar(text); appender.endRow(); });
    appender.closeSync();
    const otherKey = 'ff'.repeat(32);
    for (const key of [TEST_SECRET_HEX, otherKey]) {
      const rows = await queryRows(db.connection, `SELECT i, ${hmacSha256HexSql(key, 't')} AS mac FROM texts ORDER BY i`);
      expect(rows).toHaveLength(texts.length);
      const mismatches = rows.filter((row) => row['mac'] !== createHmac('sha256', Buffer.from(key, 'hex')).update(texts[row['i'] as number] ?? '', 'utf8').digest('hex'));
      expect(mismatches).toEqual([]);
    }
  });

  it('gives null for null text', async () => {
    const [row] = await queryRows(db.connection, `SELECT ${hmacSha256HexSql(TEST_SECRET_HEX, 'CAST(NULL AS VARCHAR)')} AS mac`);
    expect(row?.['mac']).toBeNull();
  });

  it('refuses a secret that is not 32 bytes of hex', () => {
    expect(() => checkSecretHex('abc')).toThrow(/64 hex characters/);
    expect(() => checkSecretHex('g'.repeat(64))).toThrow(/64 hex characters/);
    expect(() => checkSecretHex(TEST_SECRET_HEX)).not.toThrow();
  });
});
