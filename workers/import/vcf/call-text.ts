import { GrowableArray } from './growable-array.js';

/**
 * The sparse calls of a batch as text, one token per non-reference or (partly) missing call of an ALT
 * row: `sample_idx:code:GT:DP:GQ` (code the packed byte in hex; GT, DP and GQ as written, empty when
 * absent or `.`), tokens of one row separated by a space. DuckDB takes one string per variant far faster than lists of numbers.
 */
export class CallText {
  bytes: Uint8Array;
  length = 0;
  count = 0;
  /** Where each piece of at most CALLS_PER_PIECE tokens of a row starts (a `genotype_calls` row each). */
  readonly pieces = new GrowableArray(Int32Array, 4096);

  constructor(capacity = 1 << 20) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Room for `extra` more bytes. */
  ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/**
 * Tokens per `genotype_calls` row. Cutting a variant's calls into pieces gives the table enough rows to
 * fill DuckDB row groups while the file is read, so they are written then (optimistic writing) instead
 * of all at the commit.
 */
export const CALLS_PER_PIECE = 64;

/**
 * The GT text the `genotype` view shows for a packed byte of a biallelic record when the token leaves it
 * out (vcf-tables.ts writes the same table as SQL): a fifth of the sparse text for a typical cohort.
 */
export const CANONICAL_GT: Readonly<Record<number, string>> = {
  0x11: '0/1', 0x12: '1/1', 0x51: '0|1', 0x52: '1|1', 0x80: './.', 0xc0: '.|.', 0x09: '1', 0x89: './1',
};
const CANONICAL_BYTES: (Uint8Array | undefined)[] = Array.from({ length: 256 }, (_, v) =>
  CANONICAL_GT[v] === undefined ? undefined : new TextEncoder().encode(CANONICAL_GT[v]));

export const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');

/** Whether the GT text at [start, end) is the canonical text of packed byte `code` (so the token can leave it out). */
export function isCanonicalGt(b: Uint8Array, start: number, end: number, code: number): boolean {
  const canonical = CANONICAL_BYTES[code];
  if (canonical === undefined || end - start !== canonical.length) return false;
  for (let i = 0; i < canonical.length; i++) if (b[start + i] !== canonical[i]) return false;
  return true;
}
