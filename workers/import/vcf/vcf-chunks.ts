import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { PmwError } from '../../engine/errors.js';
import { bgzfBlockSize, isBgzfEndMarker, wholeBlocksEnd, BGZF_HEADER_BYTES } from './bgzf.js';

export type VcfCompression = 'plain' | 'gzip' | 'bgzf';

/** A piece of the file for a parser: text, or whole BGZF blocks still to inflate. */
export interface SourceChunk {
  bgzf: boolean;
  bytes: Uint8Array;
  /** `bytes` is the start of a buffer nothing else uses, so it can be moved to another thread as it is. */
  ownsBuffer?: boolean;
}

const READ_BYTES = 4 << 20;
const TEXT_JOB_BYTES = 4 << 20;
const BGZF_JOB_BYTES = 1 << 20;
const BGZF_MAX_BLOCK = 1 << 16;

/** How the file is compressed, from its first bytes. */
export async function detectCompression(path: string): Promise<VcfCompression> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      return bytesRead >= BGZF_HEADER_BYTES && bgzfBlockSize(head, 0) > 0 ? 'bgzf' : 'gzip';
    }
    return 'plain';
  } finally {
    await handle.close();
  }
}

export function compressionError(path: string, what: string): PmwError {
  return new PmwError({
    code: 'FILE_COMPRESSION',
    message: `${basename(path)} ${what}`,
    hint: 'the file may be truncated or damaged; copy or download it again (bgzip -t FILE checks a .vcf.gz)',
    file: path,
  });
}

/**
 * Reads the file as chunks for the parsers, handing every byte read from disk to `onRaw` (hash,
 * progress). BGZF files come as batches of whole blocks (inflated by the parsers, in parallel); plain
 * gzip is inflated here as one stream (every member, to the end); plain text comes as read.
 */
export async function* readSourceChunks(path: string, compression: VcfCompression, onRaw: (bytes: Uint8Array) => void, notes: { bgzfEndMarker: boolean }): AsyncGenerator<SourceChunk> {
  if (compression === 'gzip') yield* gunzipChunks(path, onRaw);
  else if (compression === 'bgzf') yield* bgzfChunks(path, onRaw, notes);
  else yield* plainChunks(path, onRaw);
}

async function* rawChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* plainChunks(path: string, onRaw: (bytes: Uint8Array) => void): AsyncGenerator<SourceChunk> {
  for await (const bytes of rawChunks(path)) {
    onRaw(bytes);
    yield { bgzf: false, bytes };
  }
}

async function* gunzipChunks(path: string, onRaw: (bytes: Uint8Array) => void): AsyncGenerator<SourceChunk> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('data', (bytes) => onRaw(bytes as Buffer));
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const out of gunzip) {
      pending.push(out as Buffer);
      pendingBytes += (out as Buffer).length;
      if (pendingBytes >= TEXT_JOB_BYTES) {
        yield { bgzf: false, bytes: Buffer.concat(pending) };
        pending = [];
        pendingBytes = 0;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unexpected end of file/i.test(message)) throw compressionError(path, 'ends in the middle of its gzip data');
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw compressionError(path, `is not valid gzip data (${message})`);
    throw error;
  } finally {
    input.destroy();
  }
  if (pendingBytes > 0) yield { bgzf: false, bytes: Buffer.concat(pending) };
}

/**
 * BGZF: each read (about one job's worth) starts where the last whole block ended, so a block split by
 * a read is simply read again with the next one, and each job owns its buffer (moved to a parse worker,
 * never copied). Every byte is handed to `onRaw` once.
 */
async function* bgzfChunks(path: string, onRaw: (bytes: Uint8Array) => void, notes: { bgzfEndMarker: boolean }): AsyncGenerator<SourceChunk> {
  const handle = await open(path, 'r');
  try {
    let offset = 0;
    let readSize = BGZF_JOB_BYTES + BGZF_MAX_BLOCK;
    for (;;) {
      const bytes = new Uint8Array(readSize);
      const { bytesRead } = await handle.read(bytes, 0, readSize, offset);
      if (bytesRead === 0) return;
      const { end, lastBlockStart, notBgzfAt } = wholeBlocksEnd(bytes.subarray(0, bytesRead));
      if (notBgzfAt >= 0) throw compressionError(path, `has a gzip member at byte ${(offset + notBgzfAt).toLocaleString('en-US')} that is not a BGZF block (a bgzip file with something else appended)`);
      if (end === 0) {
        if (bytesRead < readSize) throw compressionError(path, 'ends in the middle of a BGZF block');
        readSize *= 2;
        continue;
      }
      const job = bytes.subarray(0, end);
      onRaw(job);
      notes.bgzfEndMarker = isBgzfEndMarker(bytes.subarray(lastBlockStart, end));
      yield { bgzf: true, bytes: job, ownsBuffer: true };
      offset += end;
      readSize = BGZF_JOB_BYTES + BGZF_MAX_BLOCK;
    }
  } finally {
    await handle.close();
  }
}
