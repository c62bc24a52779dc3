import { describe, expect, it } from 'vitest';
import { checkBatchId, notebookFileName, sanitizeUploadName } from './upload-name.js';

describe('upload names: only a plain file name reaches the disk', () => {
  it('keeps the last path segment of either slash', () => {
    expect(sanitizeUploadName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeUploadName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(sanitizeUploadName('/abs/olute/DRUG24Q1.txt')).toBe('DRUG24Q1.txt');
    expect(() => sanitizeUploadName('folder/')).toThrow(/not a usable file name/);
  });

  it('drops NUL and other control characters and the characters Windows forbids', () => {
    expect(sanitizeUploadName('per\u0000son.csv')).toBe('person.csv');
    expect(sanitizeUploadName('a\nb\tc\u007f.csv')).toBe('abc.csv');
    expect(sanitizeUploadName('what?<>:"|*.csv')).toBe('what.csv');
    expect(sanitizeUploadName('  spaced name.csv  ')).toBe('spaced name.csv');
    expect(sanitizeUploadName('药物 数据.csv')).toBe('药物 数据.csv');
  });

  it('refuses dot files, . and .., and names that leave nothing', () => {
    for (const name of ['.bashrc', '..', '.', '', '/', 'x/..', '\u0000', '\u0000.ssh', 'dir/.env']) {
      expect(() => sanitizeUploadName(name), JSON.stringify(name)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    }
  });

  it('shortens very long names to 200 characters, keeping the extension', () => {
    const name = sanitizeUploadName(`${'a'.repeat(500)}.csv.gz`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('a.gz')).toBe(true);
  });

  it('accepts batch ids of letters, digits, - and _ only', () => {
    expect(checkBatchId('0b6c1f7e-29d4-4b8e-9e0e-4a1c2d3e4f50')).toBe('0b6c1f7e-29d4-4b8e-9e0e-4a1c2d3e4f50');
    for (const id of [null, '', '../x', 'a/b', 'a'.repeat(65), 'a b']) expect(() => checkBatchId(id)).toThrow(/not a valid id/);
  });

  it('names saved notebooks NAME.md', () => {
    expect(notebookFileName('my analysis')).toBe('my analysis.md');
    expect(notebookFileName('cohort.MD')).toBe('cohort.MD');
    expect(() => notebookFileName('.hidden')).toThrow(/not a usable file name/);
  });
});
