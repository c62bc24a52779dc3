import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRecord, delimitedRecord, LineWriter } from './write.js';

const scratch = mkdtempSync(join(tmpdir(), 'pmw-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('records', () => {
  it('quotes CSV fields only when needed and leaves missing values empty', () => {
    expect(csvRecord([1, 'plain', null, undefined, 'a,b', 'say "hi"'])).toBe('1,plain,,,"a,b","say ""hi"""');
  });

  it('refuses a delimited field that would break the row', () => {
    expect(delimitedRecord(['a', 2, null], '$')).toBe('a$2$');
    expect(() => delimitedRecord(['US$'], '$')).toThrow(/delimiter/);
    expect(() => delimitedRecord(['two\nlines'], '\t')).toThrow(/line break/);
  });
});

describe('LineWriter', () => {
  it('writes CRLF Latin-1 lines and reports their hash', async () => {
    const path = join(scratch, 'nested', 'latin1.txt');
    const writer = new LineWriter(path, { eol: '\r\n', encoding: 'latin1' });
    writer.line('Diclofénac');
    writer.line('x');
    const written = await writer.close();
    const bytes = readFileSync(path);
    expect([...bytes]).toEqual([...Buffer.from('Diclof\xe9nac\r\nx\r\n', 'latin1')]);
    expect(written).toMatchObject({ lines: 2, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('streams many lines in chunks', async () => {
    const path = join(scratch, 'many.txt');
    const writer = new LineWriter(path);
    for (let i = 0; i < 200_000; i++) {
      writer.line(`line ${i}`);
      await writer.flushIfFull();
    }
    const written = await writer.close();
    const text = readFileSync(path, 'utf8');
    expect(written.lines).toBe(200_000);
    expect(text.endsWith('line 199999\n')).toBe(true);
    expect(text.length).toBe(written.bytes);
  });
});
