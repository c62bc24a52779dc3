import { describe, expect, it } from 'vitest';
import { IPC_SCHEMAS, IpcArgumentError, validateIpcArguments } from './ipc-schemas.js';

const refusal = (channel: string, args: unknown[]): string => {
  try {
    validateIpcArguments(channel, args);
  } catch (error) {
    expect(error).toBeInstanceOf(IpcArgumentError);
    return (error as Error).message;
  }
  throw new Error(`${channel} accepted ${JSON.stringify(args)}`);
};

describe('IPC argument validation', () => {
  it('accepts each channel\'s well-formed arguments', () => {
    expect(() => validateIpcArguments('pmw:info', [])).not.toThrow();
    expect(() => validateIpcArguments('pmw:choose-data-paths', ['folder'])).not.toThrow();
    expect(() => validateIpcArguments('pmw:grant-dropped-paths', [['/data/omop/person.csv', 'C:\\data\\drug.csv', '\\\\server\\share\\x.vcf']])).not.toThrow();
    expect(() => validateIpcArguments('pmw:save-notebook', ['my analysis.md', '# text'])).not.toThrow();
    expect(() => validateIpcArguments('pmw:save-file', ['report.html', new ArrayBuffer(10)])).not.toThrow();
    expect(() => validateIpcArguments('pmw:save-file', ['rows.csv', new Uint8Array(3)])).not.toThrow();
    expect(() => validateIpcArguments('pmw:set-language', ['zh-CN'])).not.toThrow();
  });

  it('takes only the languages the app has', () => {
    expect(refusal('pmw:set-language', ['fr'])).toBe('pmw:set-language: argument 1 must be one of en, zh-CN, got "fr"');
    expect(refusal('pmw:set-language', [{ toString: () => 'en' }])).toBe('pmw:set-language: argument 1 must be one of en, zh-CN, got object');
  });

  it('refuses unknown channels and wrong argument counts, naming them', () => {
    expect(refusal('pmw:eval', [])).toBe('pmw:eval is not an IPC channel of pmw');
    expect(refusal('__proto__', [])).toBe('__proto__ is not an IPC channel of pmw');
    expect(refusal('pmw:info', ['extra'])).toBe('pmw:info takes 0 arguments, got 1');
    expect(refusal('pmw:read-notebook', [])).toBe('pmw:read-notebook takes 1 argument, got 0');
  });

  it('refuses relative paths, NUL bytes, non-text and oversized lists', () => {
    expect(refusal('pmw:read-notebook', ['../../etc/passwd'])).toBe('pmw:read-notebook: argument 1 must be an absolute file path, got "../../etc/passwd"');
    expect(refusal('pmw:read-notebook', ['/tmp/a\0.md'])).toBe('pmw:read-notebook: argument 1 must not contain a NUL character');
    expect(refusal('pmw:read-notebook', [{ path: '/x' }])).toBe('pmw:read-notebook: argument 1 must be an absolute file path, got object');
    expect(refusal('pmw:grant-dropped-paths', [['/ok.csv', 'relative.csv']])).toBe('pmw:grant-dropped-paths: argument 1 item 2 must be an absolute file path, got "relative.csv"');
    expect(refusal('pmw:grant-dropped-paths', [Array(10_001).fill('/a')])).toMatch(/at most 10000 items, got 10001/);
    expect(refusal('pmw:choose-data-paths', ['everything'])).toBe('pmw:choose-data-paths: argument 1 must be one of files, folder, got "everything"');
  });

  it('refuses a file name that names a folder, and data that is not binary', () => {
    expect(refusal('pmw:save-notebook', ['../escape.md', 'x'])).toMatch(/argument 1 must match/);
    expect(refusal('pmw:save-notebook', ['', 'x'])).toBe('pmw:save-notebook: argument 1 must not be empty');
    expect(refusal('pmw:save-file', ['a.csv', 'text, not bytes'])).toBe('pmw:save-file: argument 2 must be binary data (an ArrayBuffer), got "text, not bytes"');
  });

  it('has a schema for every channel the preload invokes', async () => {
    const { readFile } = await import('node:fs/promises');
    const preload = await readFile(new URL('./preload.ts', import.meta.url), 'utf8');
    const invoked = [...preload.matchAll(/['"](pmw:[a-z-]+)['"]/g)].map((m) => m[1]!);
    const known = new Set([...Object.keys(IPC_SCHEMAS), 'pmw:engine-port', 'pmw:engine-state', 'pmw:menu']);
    expect(invoked.filter((channel) => !known.has(channel))).toEqual([]);
  });
});
