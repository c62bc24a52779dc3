import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { SourceFile } from './source.js';

/**
 * How many bytes at the end of `buffer` start a UTF-8 sequence that continues in the next chunk.
 * Those bytes are held back so that a character split across two chunks is not taken for an error.
 */
export function utf8CarryLength(buffer: Buffer): number {
  const n = buffer.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const byte = buffer[n - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** Byte offset of the first byte that breaks UTF-8 in `buffer` (slow; only called once one is known to exist). */
export function findInvalidUtf8(buffer: Buffer): number {
  let lo = 0;
  let hi = buffer.length;
  // Binary search on the longest valid prefix; a prefix may end mid-character, so allow 3 bytes of slack.
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    if (isValidPrefix(buffer.subarray(0, mid))) lo = mid;
    else hi = mid;
  }
  for (let end = lo; end <= hi; end++) {
    if (!isValidPrefix(buffer.subarray(0, end + 1))) return startOfSequence(buffer, end);
  }
  return hi;
}

/**
 * A lead byte such as Latin-1 `é` (0xE9) only shows up as invalid at the next byte, which fails to
 * continue it; the user's bad character is the lead byte, so step back to it.
 */
function startOfSequence(buffer: Buffer, failedAt: number): number {
  for (let back = 1; back <= 3 && failedAt - back >= 0; back++) {
    const byte = buffer[failedAt - back]!;
    if (byte >= 0xc0) return failedAt - back;
    if ((byte & 0xc0) !== 0x80) break;
  }
  return failedAt;
}

/** Valid so far: `stream` lets a prefix end inside a character without counting as an error. */
function isValidPrefix(prefix: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** 1-based line and column (in characters) of a byte offset in the decoded file. */
export async function locateOffset(source: SourceFile, byteOffset: number): Promise<{ line: number; column: number }> {
  const raw = createReadStream(source.path);
  const stream = source.compression === 'gzip' ? raw.pipe(createGunzip()) : raw;
  let seen = 0;
  let line = 1;
  let lineStart = 0;
  let column = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const end = Math.min(chunk.length, byteOffset - seen);
      for (let i = chunk.indexOf(10); i >= 0 && i < end; i = chunk.indexOf(10, i + 1)) {
        line += 1;
        lineStart = seen + i + 1;
      }
      if (seen + chunk.length >= byteOffset) {
        // Count characters, not bytes, when the line starts in this chunk (the usual case).
        const before = lineStart >= seen ? chunk.subarray(lineStart - seen, byteOffset - seen).toString('utf8') : null;
        column = before === null ? byteOffset - lineStart + 1 : Array.from(before).length + 1;
        break;
      }
      seen += chunk.length;
    }
  } catch {
    // a damaged stream: report what was counted so far
  } finally {
    raw.destroy();
  }
  return { line, column };
}
