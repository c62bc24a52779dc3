import { inflateBlocks } from './bgzf.js';
import type { VcfLineParser } from './record-parser.js';
import type { VariantBatch } from './variant-batch.js';

/** A piece of the file to parse: text, or whole BGZF blocks to inflate first. */
export interface ParseJob {
  bgzf: boolean;
  bytes: Uint8Array;
  /** The piece starts at the beginning of a line (the data right after the header). */
  startsAtLineStart: boolean;
  /** `bytes` starts a buffer nothing else uses: it may be moved to a worker instead of copied. */
  ownsBuffer?: boolean;
}

/** A job's lines: the piece before its first newline (completing the previous job's last line) and after its last one are left for the caller to join. */
export interface JobResult {
  /** Bytes up to and including the first newline; empty for a job starting at a line start; null when the job holds no newline. */
  head: Uint8Array | null;
  /** Bytes after the last newline (the start of a line continued by the next job). */
  tail: Uint8Array;
  /** The whole lines between head and tail, parsed; null when there are none. */
  batch: VariantBatch | null;
}

const NEWLINE = 10;
const EMPTY = new Uint8Array(0);

/** Inflates (BGZF) and parses the whole lines of one job. */
export function runParseJob(parser: VcfLineParser, job: ParseJob): JobResult {
  const text = job.bgzf ? inflateBlocks(job.bytes) : job.bytes;
  const first = job.startsAtLineStart ? 0 : text.indexOf(NEWLINE) + 1;
  if (first === 0 && !job.startsAtLineStart) return { head: null, tail: copyOf(text, 0, text.length), batch: null };
  const last = Math.max(first, text.lastIndexOf(NEWLINE) + 1);
  return {
    head: first === 0 ? EMPTY : copyOf(text, 0, first),
    tail: copyOf(text, last, text.length),
    batch: last > first ? parser.parse(text, first, last) : null,
  };
}

/** A copy with a buffer of its own (a Buffer's `slice` is a view, and posting a view copies its whole buffer). */
export function copyOf(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.subarray(start, end));
}
