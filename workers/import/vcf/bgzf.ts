import { gunzipSync } from 'node:zlib';

/**
 * BGZF (SAM/BAM specification §4.1): a gzip file made of independent members of at most 64 KiB, each
 * saying its own size in a `BC` extra subfield, so blocks can be found without inflating and inflated
 * in parallel. bgzip ends the file with an empty block (the end-of-file marker).
 */

/** The total size of the gzip member at `offset` from its BC subfield, or -1 when it has none (plain gzip). */
export function bgzfBlockSize(bytes: Uint8Array, offset: number): number {
  if (bytes[offset] !== 0x1f || bytes[offset + 1] !== 0x8b || bytes[offset + 2] !== 8) return -1;
  if ((bytes[offset + 3]! & 4) === 0) return -1;
  const extraLength = bytes[offset + 10]! | (bytes[offset + 11]! << 8);
  let p = offset + 12;
  const end = p + extraLength;
  while (p + 4 <= end) {
    const length = bytes[p + 2]! | (bytes[p + 3]! << 8);
    if (bytes[p] === 66 && bytes[p + 1] === 67 && length === 2) return (bytes[p + 4]! | (bytes[p + 5]! << 8)) + 1;
    p += 4 + length;
  }
  return -1;
}

/** Header bytes needed before `bgzfBlockSize` can answer. */
export const BGZF_HEADER_BYTES = 18;

/** The empty block bgzip writes last (SAM specification, "end-of-file marker"). */
const EOF_MARKER = Uint8Array.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 0x42, 0x43, 2, 0, 0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

export function isBgzfEndMarker(block: Uint8Array): boolean {
  return block.length === EOF_MARKER.length && block.every((b, i) => b === EOF_MARKER[i]);
}

/** Splits `bytes` into whole blocks; returns where the last whole block ends (the rest waits for more bytes). */
export function wholeBlocksEnd(bytes: Uint8Array): { end: number; lastBlockStart: number; notBgzfAt: number } {
  let offset = 0;
  let lastBlockStart = -1;
  while (offset + BGZF_HEADER_BYTES <= bytes.length) {
    const size = bgzfBlockSize(bytes, offset);
    if (size < 0) return { end: offset, lastBlockStart, notBgzfAt: offset };
    if (offset + size > bytes.length) break;
    lastBlockStart = offset;
    offset += size;
  }
  return { end: offset, lastBlockStart, notBgzfAt: -1 };
}

/**
 * The inflated size of whole BGZF blocks: the sum of each block's ISIZE (its last four bytes, the size
 * of its data, at most 64 KiB). -1 when `bytes` are not whole blocks or a size is impossible.
 */
export function inflatedSize(bytes: Uint8Array): number {
  let total = 0;
  let offset = 0;
  while (offset < bytes.length) {
    const size = bgzfBlockSize(bytes, offset);
    if (size < 0 || offset + size > bytes.length) return -1;
    const end = offset + size;
    const blockData = (bytes[end - 4]! | (bytes[end - 3]! << 8) | (bytes[end - 2]! << 16)) + bytes[end - 1]! * 2 ** 24;
    // A block holds at most 64 KiB; a larger ISIZE is damage, which inflating will report.
    if (blockData > 65536) return -1;
    total += blockData;
    offset = end;
  }
  return total;
}

/**
 * Inflates whole BGZF blocks into one buffer of their inflated size: zlib's output arrives in chunks of
 * `chunkSize` bytes, so with the default (16 KiB) a 6 MB job was inflated into ~400 pieces and then
 * copied once more to join them.
 */
export function inflateBlocks(bytes: Uint8Array): Buffer {
  const size = inflatedSize(bytes);
  // One byte more than the data: zlib stops with room to spare, so no second chunk is started.
  return gunzipSync(bytes, size >= 0 ? { chunkSize: Math.max(size + 1, 64) } : {});
}
