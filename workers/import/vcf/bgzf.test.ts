import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bgzfBlockSize, inflateBlocks, inflatedSize, wholeBlocksEnd } from './bgzf.js';

// A real bgzip file (test/fixtures/vcf/SOURCES.md): Hail's 100-sample chr20 sample, several blocks.
const BGZ = readFileSync(join(import.meta.dirname, '../../../test/fixtures/vcf/hail_sample.100s.chr20.vcf.bgz'));

describe('inflating whole BGZF blocks', () => {
  it('sizes the output from the blocks ISIZE fields and gives the same bytes as zlib', () => {
    const reference = gunzipSync(BGZ);
    expect(wholeBlocksEnd(BGZ).end).toBe(BGZ.length);
    expect(inflatedSize(BGZ)).toBe(reference.length);
    const inflated = inflateBlocks(BGZ);
    expect(inflated.length).toBe(reference.length);
    expect(inflated.equals(reference)).toBe(true);
  });

  it('falls back to zlib chunks when a block claims more than 64 KiB, and refuses bytes that are not whole blocks', () => {
    const first = bgzfBlockSize(BGZ, 0);
    const damaged = Uint8Array.from(BGZ.subarray(0, first));
    damaged[first - 1] = 1; // ISIZE + 2²⁴
    expect(inflatedSize(damaged)).toBe(-1);
    expect(() => inflateBlocks(damaged)).toThrow(); // the gzip trailer no longer matches
    expect(inflatedSize(BGZ.subarray(0, first - 1))).toBe(-1);
    expect(inflateBlocks(BGZ.subarray(0, first)).equals(gunzipSync(BGZ.subarray(0, first)))).toBe(true);
  });
});
