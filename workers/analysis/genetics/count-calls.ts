/**
 * Per-group genotype counts of one variant from its packed calls (one byte per sample, packed-calls.ts),
 * the hot loop of an association: 2,504 samples × 100,000 variants is 250M bytes.
 *
 * The bytes are read four at a time as 32-bit words; a word of four `0/0` calls (phase bit masked), by far
 * the most common, is skipped at the cost of one comparison. In other words each byte adds a table value
 * to its group's sum: the value packs four counts into one double (heterozygotes, ALT homozygotes, missing
 * calls, other calls, 13 bits each; sums of whole numbers below 2⁵³ are exact), so a byte costs two table
 * reads and two additions, with four independent sums per group (one per byte of the word). `0/0` counts
 * are what the group's size leaves. A variant with "other" calls — haploid, half-calls, polyploid — is
 * counted again through a histogram of every byte value, which handles any call.
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

/** The packed counts: field k of a sum is floor(sum / FIELD^k) mod FIELD. */
const FIELD = 2 ** 13;
const HET = 1;
const HOM_ALT = FIELD;
const MISSING = FIELD ** 2;
const OTHER = FIELD ** 3;
/** Words per block: a field's sum stays below FIELD (4 samples a word). */
const BLOCK_WORDS = (FIELD - 1) >> 2;

/** The table value of a (phase-masked) byte. */
function packedValueOf(code: number): number {
  if (code === HOM_REF) return 0;
  if (code === HOM_REF + 1) return HET;
  if (code === HOM_REF + 2) return HOM_ALT;
  if (code === MISSING_BIT || code === 0) return MISSING;
  return OTHER;
}

export class CallCounter {
  /** Per sample: offset of its group's entries in the tables (cases 0, controls 256, left out 512). */
  private readonly base: Uint16Array;
  /** By group offset + byte: the packed value for the cases' sum (zero for other groups), and the controls'. */
  private readonly caseValue = new Float64Array(3 * BINS);
  private readonly controlValue = new Float64Array(3 * BINS);
  private readonly histogram = new Int32Array(3 * BINS);
  private readonly caseFields = new Float64Array(4);
  private readonly controlFields = new Float64Array(4);
  private scratch = new Int32Array(0);
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
    for (let code = 0; code < BINS; code++) {
      this.caseValue[code] = packedValueOf(code & ~PHASED_BIT);
      this.controlValue[BINS + code] = packedValueOf(code & ~PHASED_BIT);
    }
    this.cases = cases;
    this.controls = controls;
  }

  /** Counts `calls` (one variant) into entry `v` of the case and control counts. */
  count(calls: Uint8Array, v: number, cases: GroupCounts, controls: GroupCounts): void {
    if (calls.length !== this.base.length) {
      throw new Error(`a packed genotype vector has ${calls.length} bytes for ${this.base.length} samples`);
    }
    const words = LITTLE_ENDIAN ? this.wordsOf(calls) : new Int32Array(0);
    this.caseFields.fill(0);
    this.controlFields.fill(0);
    for (let start = 0; start < words.length; start += BLOCK_WORDS) this.sumBlock(words, start, Math.min(start + BLOCK_WORDS, words.length));
    this.sumTail(calls, words.length << 2);
    if (this.caseFields[3]! > 0 || this.controlFields[3]! > 0) {
      this.countByHistogram(calls, words, v, cases, controls);
      return;
    }
    storeDiploid(this.caseFields, this.cases, v, cases);
    storeDiploid(this.controlFields, this.controls, v, controls);
  }

  private sumBlock(words: Int32Array, start: number, end: number): void {
    const base = this.base;
    const caseValue = this.caseValue;
    const controlValue = this.controlValue;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let j = start; j < end; j++) {
      const word = words[j]! & PHASE_MASK_WORD;
      if (word === HOM_REF_WORD) continue;
      const s = j << 2;
      const i0 = base[s]! + (word & 0xff);
      const i1 = base[s + 1]! + ((word >>> 8) & 0xff);
      const i2 = base[s + 2]! + ((word >>> 16) & 0xff);
      const i3 = base[s + 3]! + (word >>> 24);
      a0 += caseValue[i0]!;
      c0 += controlValue[i0]!;
      a1 += caseValue[i1]!;
      c1 += controlValue[i1]!;
      a2 += caseValue[i2]!;
      c2 += controlValue[i2]!;
      a3 += caseValue[i3]!;
      c3 += controlValue[i3]!;
    }
    addFields(this.caseFields, a0 + a1 + a2 + a3);
    addFields(this.controlFields, c0 + c1 + c2 + c3);
  }

  /** The bytes after the last whole word (and all of them on a big-endian machine). */
  private sumTail(calls: Uint8Array, from: number): void {
    let a = 0;
    let c = 0;
    for (let s = from; s < calls.length; s++) {
      const i = this.base[s]! + calls[s]!;
      a += this.caseValue[i]!;
      c += this.controlValue[i]!;
      if ((s - from) % (FIELD - 1) === FIELD - 2) {
        addFields(this.caseFields, a);
        addFields(this.controlFields, c);
        a = 0;
        c = 0;
      }
    }
    addFields(this.caseFields, a);
    addFields(this.controlFields, c);
  }

  /** Any call: a histogram of byte values per group (phase masked), then counts from its 64 non-missing codes. */
  private countByHistogram(calls: Uint8Array, words: Int32Array, v: number, cases: GroupCounts, controls: GroupCounts): void {
    const histogram = this.histogram;
    const base = this.base;
    histogram.fill(0);
    for (let j = 0; j < words.length; j++) {
      const word = words[j]! & PHASE_MASK_WORD;
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
    for (let s = words.length << 2; s < calls.length; s++) {
      const k = base[s]! + (calls[s]! & ~PHASED_BIT);
      histogram[k] = histogram[k]! + 1;
    }
    storeFromHistogram(histogram, 0, this.cases, v, cases);
    storeFromHistogram(histogram, BINS, this.controls, v, controls);
  }

  /** The bytes as (signed: no conversion to doubles) 32-bit words, through a copy when the bytes do not start on a 4-byte boundary. */
  private wordsOf(calls: Uint8Array): Int32Array {
    const whole = calls.length >> 2;
    if (calls.byteOffset % 4 === 0) return new Int32Array(calls.buffer, calls.byteOffset, whole);
    if (this.scratch.length !== whole) this.scratch = new Int32Array(whole);
    new Uint8Array(this.scratch.buffer).set(calls.subarray(0, whole << 2));
    return this.scratch;
  }
}

/** Unpacks a block's sum (each field below FIELD) into the running fields. */
function addFields(fields: Float64Array, sum: number): void {
  let rest = sum;
  for (let k = 0; k < 4; k++) {
    const high = Math.floor(rest / FIELD);
    fields[k] = fields[k]! + (rest - high * FIELD);
    rest = high;
  }
}

/** Counts of a group whose calls are all diploid `0/0`, `0/1`, `1/1` or missing. */
function storeDiploid(fields: Float64Array, size: number, v: number, out: GroupCounts): void {
  const het = fields[0]!;
  const homAlt = fields[1]!;
  const homRef = size - het - homAlt - fields[2]!;
  out.altCopies[v] = het + 2 * homAlt;
  out.alleles[v] = 2 * (homRef + het + homAlt);
  out.homRef[v] = homRef;
  out.het[v] = het;
  out.homAlt[v] = homAlt;
}

/**
 * Counts of one group from its histogram: codes 0–63 are calls with no missing allele (phase masked),
 * 128 and up have one. `0/0` is whatever the group's other calls leave, since skipped words never reach
 * the histogram.
 */
function storeFromHistogram(histogram: Int32Array, offset: number, size: number, v: number, out: GroupCounts): void {
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
