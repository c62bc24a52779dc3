import { GrowableArray } from './growable-array.js';
import { VcfLineError } from './vcf-errors.js';

/** NULL in the sparse DP and GQ arrays (also VCF's own missing Integer value in BCF). */
export const MISSING_INT = -2147483648;

/** Where GT, DP and GQ sit in a record's FORMAT (`GT:AD:DP:GQ` → 0, 2, 3); -1 when absent. */
export interface FormatLayout {
  gt: number;
  dp: number;
  gq: number;
}

/** Indexes of `genotypeCounts` per ALT row, seven numbers each (docs/vcf.md). */
export const COUNT_NAMES = ['ac', 'an', 'n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half'] as const;
export const COUNTS_PER_ROW = COUNT_NAMES.length;

/** The sparse calls of a batch: one entry per non-reference or (partly) missing call of an ALT row. */
export class SparseCalls {
  readonly sample = new GrowableArray(Int32Array, 1 << 16);
  readonly code = new GrowableArray(Uint8Array, 1 << 16);
  readonly dp = new GrowableArray(Int32Array, 1 << 16);
  readonly gq = new GrowableArray(Int32Array, 1 << 16);
  /** The GT text of each call as written, calls of one row separated by a space. */
  readonly gt = new GrowableArray(Uint8Array, 1 << 18);
}

const COLON = 58;
const TAB = 9;
const SLASH = 47;
const PIPE = 124;
const DOT = 46;
const MAX_PLOIDY = 64;

/** Packed bytes that go into the sparse relation: some copies of the ALT, an allele missing, or no call at all. */
const IS_SPARSE = new Uint8Array(256).map((_, v) => ((v & 7) > 0 || (v & 0x80) !== 0 || ((v >> 3) & 7) === 0 ? 1 : 0));

/**
 * Scans the sample columns of one record. Pass 1 (`scan`) reads each GT once and writes one packed byte
 * per sample for each ALT row (docs/vcf.md); pass 2 (`collect`) counts a row's bytes and decodes GT text,
 * DP and GQ only for its sparse calls, going back to the sample fields pass 1 noted.
 */
export class GenotypeScanner {
  private readonly fieldStart: Int32Array;
  private readonly alleles = new Int32Array(MAX_PLOIDY);
  private readonly histogram = new Int32Array(256);
  /** DP or GQ values that were neither numbers nor `.` (stored as NULL). */
  badNumbers = 0;

  constructor(readonly samples: readonly string[]) {
    this.fieldStart = new Int32Array(samples.length);
  }

  /**
   * Pass 1 over the sample fields starting at `p` (the first sample column) up to `end` (the line end).
   * `packed` receives `max(nAlt, 1)` rows of `samples.length` bytes starting at `offset`.
   */
  scan(b: Uint8Array, p: number, end: number, layout: FormatLayout, nAlt: number, packed: Uint8Array, offset: number): void {
    const n = this.samples.length;
    const fieldStart = this.fieldStart;
    for (let s = 0; s < n; s++) {
      if (p > end) throw columnCountError(9 + s, 9 + n);
      fieldStart[s] = p;
      if (layout.gt === 0) {
        const c1 = b[p + 1]!;
        const d0 = b[p]! - 48;
        const d2 = b[p + 2]! - 48;
        const c3 = b[p + 3]!;
        if (d0 >= 0 && d0 <= nAlt && d2 >= 0 && d2 <= nAlt && (c1 === SLASH || c1 === PIPE) && p + 3 <= end &&
          (p + 3 === end || c3 === COLON || c3 === TAB)) {
          const flags = c1 === PIPE ? 0x50 : 0x10;
          if (nAlt === 1) packed[offset + s] = (d0 + d2) | flags;
          else for (let j = 1; j <= nAlt; j++) packed[offset + (j - 1) * n + s] = ((d0 === j ? 1 : 0) + (d2 === j ? 1 : 0)) | flags;
          if (nAlt === 0) packed[offset + s] = flags;
          p += 3;
        } else {
          this.scanGeneralCall(b, p, end, nAlt, packed, offset + s, n, s);
        }
      } else if (layout.gt > 0) {
        this.scanGeneralCall(b, subfieldStart(b, p, end, layout.gt), end, nAlt, packed, offset + s, n, s);
      } else {
        for (let j = 0; j < Math.max(nAlt, 1); j++) packed[offset + j * n + s] = 0;
      }
      while (p < end && b[p] !== TAB) p++;
      p++;
    }
    if (p <= end) throw columnCountError(9 + n + countTabs(b, p, end) + 1, 9 + n);
  }

  /** Any GT: haploid, polyploid, half-calls, multi-digit alleles, the 4.4 phasing prefix. `p` < 0: GT dropped. */
  private scanGeneralCall(b: Uint8Array, p: number, end: number, nAlt: number, packed: Uint8Array, at: number, n: number, sample: number): void {
    const rows = Math.max(nAlt, 1);
    if (p < 0 || p >= end || b[p] === TAB || b[p] === COLON) {
      for (let j = 0; j < rows; j++) packed[at + j * n] = 0x80;
      return;
    }
    let q = p;
    let phased = true;
    let prefixed = false;
    if (b[q] === SLASH || b[q] === PIPE) {
      phased = b[q] === PIPE;
      prefixed = true;
      q++;
    }
    let ploidy = 0;
    let called = 0;
    for (;;) {
      const c = q < end ? b[q]! : TAB;
      let allele: number;
      if (c === DOT) {
        allele = -1;
        q++;
      } else if (c >= 48 && c <= 57) {
        allele = 0;
        while (q < end && b[q]! >= 48 && b[q]! <= 57) allele = allele * 10 + (b[q++]! - 48);
        if (allele > nAlt) throw alleleError(b, p, end, sample, this.samples, nAlt);
        called++;
      } else {
        throw genotypeSyntaxError(b, p, end, sample, this.samples);
      }
      if (ploidy < MAX_PLOIDY) this.alleles[ploidy] = allele;
      ploidy++;
      const separator = q < end ? b[q]! : TAB;
      if (separator === SLASH) phased = false;
      else if (separator !== PIPE) break;
      q++;
    }
    const after = q < end ? b[q]! : TAB;
    if (after !== COLON && after !== TAB) throw genotypeSyntaxError(b, p, end, sample, this.samples);
    if (ploidy === 1 && !prefixed) phased = false;
    const flags = Math.min(called, 7) << 3 | (phased ? 0x40 : 0) | (called < ploidy ? 0x80 : 0);
    const kept = Math.min(ploidy, MAX_PLOIDY);
    for (let j = 1; j <= rows; j++) {
      let copies = 0;
      for (let k = 0; k < kept; k++) if (this.alleles[k] === j) copies++;
      packed[at + (j - 1) * n] = Math.min(copies, 7) | flags;
    }
  }

  /**
   * Pass 2 for one ALT row: its seven counts into `counts` at `countsAt`, and its sparse calls (sample,
   * packed byte, GT text, DP, GQ) appended to `calls`. Needs the same line that `scan` saw last; `layout`
   * null for a record without genotype columns (every byte 0: no call).
   */
  collect(b: Uint8Array, end: number, layout: FormatLayout | null, packed: Uint8Array, offset: number, calls: SparseCalls, counts: Int32Array, countsAt: number): number {
    const n = this.samples.length;
    const histogram = this.histogram;
    histogram.fill(0);
    let sparse = 0;
    for (let s = 0; s < n; s++) {
      const v = packed[offset + s]!;
      histogram[v]!++;
      if (IS_SPARSE[v] === 0) continue;
      if (sparse > 0) calls.gt.push(32);
      sparse++;
      calls.sample.push(s);
      calls.code.push(v);
      if (layout) {
        this.decodeCallFields(b, this.fieldStart[s]!, end, layout, calls);
      } else {
        calls.dp.push(MISSING_INT);
        calls.gq.push(MISSING_INT);
      }
    }
    countsFromHistogram(histogram, counts, countsAt);
    return sparse;
  }

  /** GT text, DP and GQ of one sample field (a trailing field may be dropped: NULL). */
  private decodeCallFields(b: Uint8Array, p: number, end: number, layout: FormatLayout, calls: SparseCalls): void {
    let dp = MISSING_INT;
    let gq = MISSING_INT;
    let k = 0;
    let begin = p;
    for (let q = p; ; q++) {
      const c = q < end ? b[q]! : TAB;
      if (c !== COLON && c !== TAB) continue;
      if (k === layout.gt) calls.gt.appendBytes(b, begin, q);
      else if (k === layout.dp) dp = this.integerIn(b, begin, q);
      else if (k === layout.gq) gq = this.integerIn(b, begin, q);
      if (c === TAB) break;
      k++;
      begin = q + 1;
    }
    calls.dp.push(dp);
    calls.gq.push(gq);
  }

  /** A whole number, or a decimal rounded (GQ is Float in some files); `.`/empty is NULL. */
  private integerIn(b: Uint8Array, start: number, end: number): number {
    if (start >= end || (end - start === 1 && b[start] === DOT)) return MISSING_INT;
    let i = start;
    const negative = b[i] === 45;
    if (negative) i++;
    let value = 0;
    while (i < end && b[i]! >= 48 && b[i]! <= 57) value = value * 10 + (b[i++]! - 48);
    if (i === end && i > start + (negative ? 1 : 0) && value <= 2147483647) return negative ? -value : value;
    const parsed = Number(String.fromCharCode(...b.subarray(start, end)));
    if (Number.isFinite(parsed) && Math.abs(parsed) <= 2147483647) return Math.round(parsed);
    this.badNumbers++;
    return MISSING_INT;
  }
}

/** ac, an, n_hom_ref, n_het, n_hom_alt, n_missing, n_half from how many samples have each packed byte. */
function countsFromHistogram(histogram: Int32Array, counts: Int32Array, at: number): void {
  let ac = 0, an = 0, homRef = 0, het = 0, homAlt = 0, missing = 0, half = 0;
  for (let v = 0; v < 256; v++) {
    const h = histogram[v]!;
    if (h === 0) continue;
    const copies = v & 7;
    const called = (v >> 3) & 7;
    const anyMissing = (v & 0x80) !== 0;
    an += called * h;
    ac += copies * h;
    if (called === 0) missing += h;
    else if (anyMissing) half += h;
    else if (called === 2) {
      if (copies === 0) homRef += h;
      else if (copies === 1) het += h;
      else homAlt += h;
    }
  }
  counts[at] = ac;
  counts[at + 1] = an;
  counts[at + 2] = homRef;
  counts[at + 3] = het;
  counts[at + 4] = homAlt;
  counts[at + 5] = missing;
  counts[at + 6] = half;
}

/** Start of the `index`-th `:`-separated subfield of the field at `p`, or -1 when the field has fewer. */
function subfieldStart(b: Uint8Array, p: number, end: number, index: number): number {
  let k = 0;
  for (let q = p; q < end; q++) {
    const c = b[q];
    if (c === TAB) return -1;
    if (c === COLON && ++k === index) return q + 1;
  }
  return -1;
}

function countTabs(b: Uint8Array, p: number, end: number): number {
  let tabs = 0;
  for (let q = p; q < end; q++) if (b[q] === TAB) tabs++;
  return tabs;
}

function columnCountError(found: number, expected: number): VcfLineError {
  return new VcfLineError({
    message: `${found < expected ? 'the line ends after' : 'the line has'} ${found} fields, the #CHROM line has ${expected}`,
    hint: found < expected ? 'the file may be truncated, or a sample column is missing' : 'a sample column has no name in the #CHROM line, or a field holds a tab',
  });
}

function fieldText(b: Uint8Array, p: number, end: number): string {
  let q = p;
  while (q < end && b[q] !== TAB && b[q] !== COLON) q++;
  return new TextDecoder().decode(b.subarray(p, Math.min(q, p + 40)));
}

function alleleError(b: Uint8Array, p: number, end: number, sample: number, samples: readonly string[], nAlt: number): VcfLineError {
  return new VcfLineError({
    message: `sample ${samples[sample]} has GT ${fieldText(b, p, end)}, but the record has ${nAlt === 0 ? 'no ALT allele' : `${nAlt} ALT allele${nAlt === 1 ? '' : 's'}`}`,
    hint: 'GT allele numbers count REF as 0 and the ALT alleles from 1; the ALT column or the genotypes are wrong',
  });
}

function genotypeSyntaxError(b: Uint8Array, p: number, end: number, sample: number, samples: readonly string[]): VcfLineError {
  return new VcfLineError({
    message: `sample ${samples[sample]} has GT ${JSON.stringify(fieldText(b, p, end))}, which is not a genotype`,
    hint: 'a GT is allele numbers or . separated by / or | (0/1, 1|0, ./., 1)',
  });
}
