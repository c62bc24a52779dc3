import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { timed } from './stats.js';

const CHUNK_BYTES = 4 * 1024 * 1024;

/** Reads the whole file and drops it: puts it in the page cache; returns the wall time in ms. */
export async function readThrough(path: string): Promise<number> {
  const { ms } = await timed(async () => {
    for await (const _chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) { /* drop */ }
  });
  return ms;
}

/** SHA-256 of the whole file and nothing else: the least a hashing import must spend; ms. */
export async function hashOnly(path: string): Promise<number> {
  const { ms } = await timed(async () => {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
    hash.digest('hex');
  });
  return ms;
}
