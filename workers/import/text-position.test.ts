import { describe, expect, it } from 'vitest';
import { findInvalidUtf8, utf8CarryLength } from './text-position.js';

describe('utf8CarryLength', () => {
  it('holds back the start of a character cut at the end of a chunk', () => {
    const euro = Buffer.from('€'); // e2 82 ac
    expect(utf8CarryLength(Buffer.concat([Buffer.from('ab'), euro.subarray(0, 1)]))).toBe(1);
    expect(utf8CarryLength(Buffer.concat([Buffer.from('ab'), euro.subarray(0, 2)]))).toBe(2);
    expect(utf8CarryLength(Buffer.concat([Buffer.from('ab'), euro]))).toBe(0);
    expect(utf8CarryLength(Buffer.from('plain ascii'))).toBe(0);
    expect(utf8CarryLength(Buffer.from('😀').subarray(0, 3))).toBe(3);
  });
});

describe('findInvalidUtf8', () => {
  it('points at a Latin-1 lead byte, not at the byte after it', () => {
    const bytes = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('ine')]);
    expect(findInvalidUtf8(bytes)).toBe(3);
  });

  it('points at a stray continuation byte', () => {
    expect(findInvalidUtf8(Buffer.concat([Buffer.from('ok '), Buffer.from([0x80]), Buffer.from('x')]))).toBe(3);
  });

  it('finds the first bad byte far into a large buffer', () => {
    const good = Buffer.from('héllo wörld\n'.repeat(100_000));
    const bytes = Buffer.concat([good, Buffer.from([0xff]), good]);
    expect(findInvalidUtf8(bytes)).toBe(good.length);
  });
});
