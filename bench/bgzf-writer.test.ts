import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BGZF_BLOCK_DATA_BYTES, BGZF_EOF, BgzfWriter } from './bgzf-writer.js';

/** The blocks of a BGZF file, read by their BSIZE fields (SAM/BAM spec §4.1). */
function blocksOf(file: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let at = 0; at < file.length;) {
    expect([file[at], file[at + 1], file[at + 2], file[at + 3]]).toEqual([0x1f, 0x8b, 8, 4]);
    expect(file.readUInt16LE(at + 10)).toBe(6);
    expect(file.subarray(at + 12, at + 16)).toEqual(Buffer.from([0x42, 0x43, 2, 0]));
    const size = file.readUInt16LE(at + 16) + 1;
    blocks.push(file.subarray(at, at + size));
    at += size;
  }
  return blocks;
}

describe('BgzfWriter', () => {
  let dir = '';
  afterEach(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('writes blocks of at most 0xff00 bytes of text, each a gzip member with its size, and the EOF block', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bgzf-'));
    const path = join(dir, 'x.gz');
    const text = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `line ${i}\t${(i * 7919) % 10007}\n`).join(''));
    const writer = await BgzfWriter.create(path);
    for (let at = 0; at < text.length; at += 1000) await writer.write(text, at, Math.min(text.length, at + 1000));
    const totals = await writer.close();

    const file = await readFile(path);
    const blocks = blocksOf(file);
    expect(blocks.at(-1)).toEqual(BGZF_EOF);
    expect(blocks.length - 1).toBe(totals.blocks);
    expect(totals.blocks).toBe(Math.ceil(text.length / BGZF_BLOCK_DATA_BYTES));
    for (const block of blocks) expect(block.readUInt32LE(block.length - 4)).toBeLessThanOrEqual(BGZF_BLOCK_DATA_BYTES);
    expect(Buffer.concat(blocks.map((b) => gunzipSync(b))).equals(text)).toBe(true);
    expect(totals).toEqual({ textBytes: text.length, fileBytes: file.length, blocks: totals.blocks });
  });
});
