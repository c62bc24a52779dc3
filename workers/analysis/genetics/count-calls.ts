/**
 * Per-group genotype counts of one variant from its packed calls (one byte per sample, packed-calls.ts),
 * the hot loop of an association: 2,504 samples × 100,000 variants is 250M bytes.
 *
 * The bytes are read four at a time as 32-bit words; a word of four `0/0` calls (phase bit masked), by far
 * the most common, is skipped at the cost of one comparison. Other words add each byte to a histogram
 * per group (case, control, left out). Homozygous-reference counts are then each group's size minus its
 * other calls, and every count follows from the histogram's 64 non-missing codes.
 */
import { endianness } from 'node:os';
import type { GroupCounts } from '../../stats/genetics/variant-tests.js';
import { ALT_COPIES_MASK, CALLED_SHIFT, HOM_REF, MISSING_BIT, PHASED_BIT } from './packed-calls.js';

/** Sample status in a phenotype: per `sample_idx`. */
export const CASE = 1;
export const CONTROL = 2;

const BINS = 256;
const LEFT_OUT_BASE = 2 * BINS;
const PHASE_MASK_WORD = ~((PHASED_BIT << 24) | (PHASED_BIT << 16) | (PHASED_BIT << 8) | PHASED_BIT);
const HOM_REF_WORD = (HOM_REF << 24) | (HOM_REF << 16) | (HOM_REF << 8) | HOM_REF;
const LITTLE_ENDIAN = endianness() === 'LE';

export class CallCounter {
  /** Per sample: offset of its group's histogram (cases 0, controls 256, left out 512). */
  private readonly base: Uint16Array;
  private readonly histogram = new Int32Array(3 * BINS);
  private scratch = new Uint32Array(0);
  readonly cases: number;
  readonly controls: number;

  constructor(status: Uint8Array) {
    this.base = new Uint16Array(status.length);
    let cases = 0;
    let controls = 0;
    for (let s = 0; s < status.length; s++) {
      const st = status[s];
      if (st === CASE) cases++;
      else if (st === CONTROL) controls++;
      this.base[s] = st === CASE ? 0 : st === CONTROL ? BINS : LEFT_OUT_BASE;
    }
    this.cases = cases;
    this.controls = controls;
  }

  /** Counts `calls` (one variant) into entry `v` of the case and control counts. */
  count(calls: Uint8Array, v: number, cases: GroupCounts, controls: GroupCounts): void {
    if (calls.length !== this.base.length) {
      throw new Error(`a packed genotype vector has ${calls.length} bytes for ${this.base.length} samples`);
    }
    const histogram = this.histogram;
    histogram.fill(0);
    const words = LITTLE_ENDIAN ? this.wordsOf(calls) : null;
    const whole = words ? words.length : 0;
    const base = this.base;
    for (let j = 0; j < whole; j++) {
      const word = words![j]! & PHASE_MASK_WORD;
      if (word === HOM_REF_WORD) continue;
      const s = j << 2;
      const k0 = base[s]! + (word & 0xff);
      const k1 = base[s + 1]! + ((word >>> 8) & 0xff);
      const k2 = base[s + 2]! + ((word >>> 16) & 0xff);
      const k3 = base[s + 3]! + (word >>> 24);
      histogram[k0] = histogram[k0]! + 1;
      histogram[k1] = histogram[k1]! + 1;
      histogram[k2] = histogram[k2]! + 1;
      histogram[k3] = histogram[k3]! + 1;
    }
    for (let s = whole << 2; s < calls.length; s++) {
      const k = base[s]! + (calls[s]! & ~PHASED_BIT);
      histogram[k] = histogram[k]! + 1;
    }
    summarize(histogram, 0, this.cases, v, cases);
    summarize(histogram, BINS, this.controls, v, controls);
  }

  /** The bytes as 32-bit words, through a copy when the bytes do not start on a 4-byte boundary. */
  private wordsOf(calls: Uint8Array): Uint32Array {
    const whole = calls.length >> 2;
    if (calls.byteOffset % 4 === 0) return new Uint32Array(calls.buffer, calls.byteOffset, whole);
    if (this.scratch.length !== whole) this.scratch = new Uint32Array(whole);
    new Uint8Array(this.scratch.buffer).set(calls.subarray(0, whole << 2));
    return this.scratch;
  }
}

/**
 * Counts of one group from its histogram: codes 0–63 are calls with no missing allele (phase masked),
 * 128 and up have one. `0/0` is whatever the group's other calls leave, since skipped words never reach
 * the histogram.
 */
function summarize(histogram: Int32Array, offset: number, size: number, v: number, out: GroupCounts): void {
  let others = 0;
  let altCopies = 0;
  let alleles = 0;
  let het = 0;
  let homAlt = 0;
  for (let code = 0; code < 64; code++) {
    const n = histogram[offset + code]!;
    if (n === 0 || code === HOM_REF) continue;
    const copies = code & ALT_COPIES_MASK;
    const called = code >> CALLED_SHIFT;
    others += n;
    altCopies += copies * n;
    alleles += called * n;
    if (called === 2) {
      if (copies === 1) het += n;
      else if (copies === 2) homAlt += n;
    }
  }
  for (let code = MISSING_BIT; code < BINS; code++) others += histogram[offset + code]!;
  const homRef = size - others;
  out.altCopies[v] = altCopies;
  out.alleles[v] = alleles + 2 * homRef;
  out.homRef[v] = homRef;
  out.het[v] = het;
  out.homAlt[v] = homAlt;
}
