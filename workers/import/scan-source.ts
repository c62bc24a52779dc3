import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import type { Task } from '../db/tasks.js';
import { PmwError } from '../engine/errors.js';
import { fileVanishedError, type SourceFile } from './source.js';
import { findInvalidUtf8, locateOffset, utf8CarryLength } from './text-position.js';

const CHUNK_BYTES = 4 * 1024 * 1024;
const SAMPLE_BYTES = 256 * 1024;
const REPORT_EVERY_MS = 200;

export interface ScanResult {
  sha256: string;
  /** The start of the (decompressed) text, cut at a line end, for sniffing the dialect. Empty for Parquet. */
  sample: string;
}

/**
 * Reads the file once: hashes its bytes and, for text, checks what DuckDB would otherwise report vaguely
 * or not at all: NUL bytes (a binary file), invalid UTF-8 (a Latin-1 file) with the exact line and
 * column, and a truncated gzip stream (which DuckDB may read as an empty table).
 */
export async function scanSource(source: SourceFile, encoding: 'utf-8' | 'latin-1', task: Task): Promise<ScanResult> {
  const hash = createHash('sha256');
  const text = source.format === 'csv' ? new TextChecker(source, encoding === 'utf-8') : null;
  const progress = throttledProgress(task, source);
  const raw = createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
  const gunzip = source.compression === 'gzip' && text ? createGunzip({ chunkSize: CHUNK_BYTES }) : null;

  try {
    if (gunzip && text) {
      await pumpGzip(raw, gunzip, hash, text, task, progress);
    } else {
      for await (const chunk of raw as AsyncIterable<Buffer>) {
        task.throwIfCancelled();
        hash.update(chunk);
        text?.check(chunk);
        progress(chunk.length);
      }
    }
    text?.finish();
  } catch (error) {
    raw.destroy();
    gunzip?.destroy();
    if (error instanceof PmwError) throw await text?.located(error) ?? error;
    throw readError(source, error);
  }
  return { sha256: hash.digest('hex'), sample: text?.sample() ?? '' };
}

async function pumpGzip(
  raw: NodeJS.ReadableStream,
  gunzip: ReturnType<typeof createGunzip>,
  hash: Hash,
  text: TextChecker,
  task: Task,
  progress: (bytes: number) => void,
): Promise<void> {
  raw.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    progress(chunk.length);
  });
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    task.throwIfCancelled();
    text.check(chunk);
  }
}

function readError(source: SourceFile, error: unknown): PmwError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT') {
    return fileVanishedError(source);
  }
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message)) {
    return new PmwError({ code: 'FILE_COMPRESSION', message: `${source.fileName} is truncated: the gzip stream ends early`, hint: 'the file was cut off while downloading or copying; get a complete copy', file: source.path });
  }
  if (code?.startsWith('Z_') || /incorrect header check|invalid (block type|distance|stored block)/i.test(message)) {
    return new PmwError({ code: 'FILE_COMPRESSION', message: `${source.fileName} is not a valid gzip file (${message})`, hint: 'the file is damaged; get a fresh copy, or decompress it with another tool and import the result', file: source.path });
  }
  return new PmwError({ code: 'INTERNAL', message: `could not read ${source.fileName}: ${message}`, file: source.path });
}

function throttledProgress(task: Task, source: SourceFile): (bytes: number) => void {
  let done = 0;
  let last = Date.now();
  task.report('checking', 0, `checking ${source.fileName}`);
  return (bytes) => {
    done += bytes;
    const now = Date.now();
    if (now - last < REPORT_EVERY_MS) return;
    last = now;
    task.report('checking', done / source.size, `checking ${source.fileName}`);
  };
}

/** Streaming checks over decoded bytes; knows only byte offsets until an error asks for a line. */
class TextChecker {
  private offset = 0;
  private carry = Buffer.alloc(0);
  private readonly head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly source: SourceFile, private readonly utf8: boolean) {}

  check(chunk: Buffer): void {
    if (this.headBytes < SAMPLE_BYTES) {
      this.head.push(chunk.subarray(0, SAMPLE_BYTES - this.headBytes));
      this.headBytes += Math.min(chunk.length, SAMPLE_BYTES - this.headBytes);
    }
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw this.binary(this.offset + nul);
    if (this.utf8) this.checkUtf8(chunk);
    this.offset += chunk.length;
  }

  finish(): void {
    if (this.utf8 && this.carry.length > 0) throw this.encoding(this.offset - this.carry.length);
  }

  sample(): string {
    const head = Buffer.concat(this.head);
    const text = head.toString(this.utf8 ? 'utf8' : 'latin1');
    if (this.headBytes < SAMPLE_BYTES) return text;
    const lastNewline = text.lastIndexOf('\n');
    return lastNewline > 0 ? text.slice(0, lastNewline + 1) : text;
  }

  /** Adds line and column to an error found at a byte offset, by counting lines up to it. */
  async located(error: PmwError): Promise<PmwError> {
    const at = (error as PmwError & { byteOffset?: number }).byteOffset;
    if (at === undefined) return error;
    const { line, column } = await locateOffset(this.source, at);
    const message = error.message.replace('{where}', `line ${line.toLocaleString('en-US')}, column ${column}`);
    return new PmwError({ ...error.toData(), message, line, column });
  }

  private checkUtf8(chunk: Buffer): void {
    const joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const carryLength = utf8CarryLength(joined);
    const whole = joined.subarray(0, joined.length - carryLength);
    if (!isUtf8(whole)) {
      const bad = findInvalidUtf8(whole);
      throw this.encoding(this.offset - this.carry.length + bad);
    }
    this.carry = Buffer.from(joined.subarray(joined.length - carryLength));
  }

  private binary(byteOffset: number): PmwError {
    return withOffset(new PmwError({
      code: 'FILE_BINARY',
      message: `${this.source.fileName} holds a NUL byte at {where}: it looks like a binary file, not text`,
      hint: 'choose a CSV, TSV or Parquet file; if this is UTF-16 text, save it as UTF-8',
      file: this.source.path,
    }), byteOffset);
  }

  private encoding(byteOffset: number): PmwError {
    return withOffset(new PmwError({
      code: 'FILE_ENCODING',
      message: `${this.source.fileName} has a byte that is not UTF-8 at {where}`,
      hint: 'the file is probably Latin-1 (Windows-1252); import it again with the encoding set to latin-1 (--encoding latin-1)',
      file: this.source.path,
    }), byteOffset);
  }
}

function withOffset(error: PmwError, byteOffset: number): PmwError {
  return Object.assign(error, { byteOffset });
}
