import { CallText, CALLS_PER_PIECE, HEX_DIGITS, isCanonicalGt } from './call-text.js';
import { alleleError, columnCountError, genotypeSyntaxError } from './genotype-errors.js';
import { COLON, DOT, PIPE, SLASH, TAB } from './vcf-bytes.js';

/** Where GT, DP and GQ sit in a record's FORMAT (`GT:AD:DP:GQ` → 0, 2, 3); -1 when absent. */
export interface FormatLayout {
  gt: number;
  dp: number;
  gq: number;
}

/** Indexes of `genotypeCounts` per ALT row, seven numbers each (docs/vcf.md). */
export const COUNT_NAMES = ['ac', 'an', 'n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half'] as const;
export const COUNTS_PER_ROW = COUNT_NAMES.length;


const MAX_PLOIDY = 64;

/** Bytes a DP or GQ value may hold: digits, sign, decimal point, exponent. */
const NUMBER_BYTE = new Uint8Array(256).map((_, c) => ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 69 || c === 101 ? 1 : 0));
/** Packed bytes that go into the sparse relation: some copies of the ALT, an allele missing, or no call at all. */
const IS_SPARSE = new Uint8Array(256).map((_, v) => ((v & 7) > 0 || (v & 0x80) !== 0 || ((v >> 3) & 7) === 0 ? 1 : 0));

/** Where one record's output goes: its packed rows and counts, and the end of each row's calls. */
export interface RecordTarget {
  packed: Uint8Array;
  /** Offset of the record's first packed row; row j starts at `packedAt + j × samples`. */
  packedAt: number;
  counts: Int32Array;
  countsAt: number;
  calls: CallText;
  /** Filled per ALT row: `calls.length` (text end) and `calls.count` after the row. */
  textEnds: number[];
  callCounts: number[];
}

/**
 * Scans the sample columns of one record. Each GT is read once into one packed byte per ALT row
 * (docs/vcf.md), counted, and only for sparse calls are the GT text, DP and GQ decoded. A biallelic
 * record takes one pass; a multi-allelic one notes where each sample starts and goes back per ALT row.
 */
export class GenotypeScanner {
  private readonly fieldStart: Int32Array;
  private readonly alleles = new Int32Array(MAX_PLOIDY);
  private readonly histogram = new Int32Array(256);
  /** DP or GQ values that were neither numbers nor `.` (stored as NULL). */
  badNumbers = 0;
  /** Called alleles naming an ALT in records without ALT, since the last reset. */
  altlessAlleles = 0;
  /** Each sample index as decimal digits, for the call tokens. */
  private readonly sampleDigits: Uint8Array;
  private readonly sampleDigitsAt: Int32Array;
  /** Where the sample field ends, set by copyDigitSubfields. */
  private fieldEnd = 0;

  constructor(readonly samples: readonly string[]) {
    this.fieldStart = new Int32Array(samples.length);
    const text = samples.map((_, i) => String(i)).join('');
    this.sampleDigits = new TextEncoder().encode(text);
    this.sampleDigitsAt = new Int32Array(samples.length + 1);
    for (let i = 0; i < samples.length; i++) this.sampleDigitsAt[i + 1] = this.sampleDigitsAt[i]! + String(i).length;
  }

  /** Scans the sample fields from `p` (the first sample column) to `end`; `layout` null: no genotype columns. */
  scanRecord(b: Uint8Array, p: number, end: number, layout: FormatLayout | null, nAlt: number, target: RecordTarget): void {
    target.textEnds.length = 0;
    target.callCounts.length = 0;
    const rows = Math.max(nAlt, 1);
    const n = this.samples.length;
    if (layout === null) {
      target.packed.fill(0, target.packedAt, target.packedAt + rows * n);
      for (let j = 0; j < rows; j++) this.collect(b, end, null, target, j);
    } else if (nAlt <= 1) {
      this.scanOneRow(b, p, end, layout, nAlt, target);
    } else {
      this.scanRows(b, p, end, layout, nAlt, target.packed, target.packedAt);
      for (let j = 0; j < rows; j++) this.collect(b, end, layout, target, j);
    }
  }

  /** One pass for a record with at most one ALT: byte, count and (when sparse) the call's fields together. */
  private scanOneRow(b: Uint8Array, p: number, end: number, layout: FormatLayout, nAlt: number, target: RecordTarget): void {
    const n = this.samples.length;
    const histogram = this.histogram;
    histogram.fill(0);
    const { packed, packedAt, calls } = target;
    const gtFirst = layout.gt === 0;
    const firstCall = calls.count;
    // Every token is at most its sample field plus the sample index and separators: room for all at once.
    calls.ensure(end - p + n * 15);
    for (let s = 0; s < n; s++) {
      if (p > end) throw columnCountError(9 + s, 9 + n);
      const start = p;
      let v = -1;
      if (gtFirst) {
        const diploid = fastDiploid(b, p, end, nAlt);
        if (diploid >= 0) {
          v = ((diploid & 15) + ((diploid >> 4) & 15)) | (diploid & 256 ? 0x50 : 0x10);
          p += 3;
        }
      }
      // Where the walk over the field's subfields may start: after a GT already read (it ends at a `:` or tab).
      const walkFrom = p;
      if (v < 0) {
        this.scanGeneralCall(b, layout.gt === 0 ? p : layout.gt > 0 ? subfieldStart(b, p, end, layout.gt) : -2, end, nAlt, packed, packedAt + s, n, s);
        v = packed[packedAt + s]!;
      } else {
        packed[packedAt + s] = v;
      }
      histogram[v]!++;
      if (IS_SPARSE[v] === 1) {
        p = this.appendCall(b, start, end, layout, calls, s, calls.count - firstCall, v, nAlt === 1, walkFrom);
      } else {
        while (p < end && b[p] !== TAB) p++;
      }
      p++;
    }
    if (p <= end) throw columnCountError(9 + n + countTabs(b, p, end) + 1, 9 + n);
    countsFromHistogram(histogram, target.counts, target.countsAt);
    target.textEnds.push(calls.length);
    target.callCounts.push(calls.count);
  }

  /** Pass 1 of a multi-allelic record: the packed byte of every sample for every ALT row. */
  private scanRows(b: Uint8Array, p: number, end: number, layout: FormatLayout, nAlt: number, packed: Uint8Array, offset: number): void {
    const n = this.samples.length;
    for (let s = 0; s < n; s++) {
      if (p > end) throw columnCountError(9 + s, 9 + n);
      this.fieldStart[s] = p;
      const diploid = layout.gt === 0 ? fastDiploid(b, p, end, nAlt) : -1;
      if (diploid >= 0) {
        // Two single-digit alleles: bits 0–3 the first, 4–7 the second, 8 phased.
        const a1 = diploid & 15;
        const a2 = (diploid >> 4) & 15;
        const flags = diploid & 256 ? 0x50 : 0x10;
        for (let j = 1; j <= nAlt; j++) packed[offset + (j - 1) * n + s] = ((a1 === j ? 1 : 0) + (a2 === j ? 1 : 0)) | flags;
        p += 3;
      } else {
        const gtAt = layout.gt === 0 ? p : layout.gt > 0 ? subfieldStart(b, p, end, layout.gt) : -2;
        this.scanGeneralCall(b, gtAt, end, nAlt, packed, offset + s, n, s);
      }
      while (p < end && b[p] !== TAB) p++;
      p++;
    }
    if (p <= end) throw columnCountError(9 + n + countTabs(b, p, end) + 1, 9 + n);
  }

  /**
   * Any GT: haploid, polyploid, half-calls, multi-digit alleles, the 4.4 phasing prefix; writes the byte of
   * each ALT row. `p` -1: the sample dropped its GT (missing call); -2: FORMAT has no GT (no call, byte 0).
   */
  private scanGeneralCall(b: Uint8Array, p: number, end: number, nAlt: number, packed: Uint8Array, at: number, n: number, sample: number): void {
    const rows = Math.max(nAlt, 1);
    if (p === -2) {
      for (let j = 0; j < rows; j++) packed[at + j * n] = 0;
      return;
    }
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
        if (allele > nAlt) {
          // A record without ALT (.) whose calls name one: bcftools reads it, and the conformance suite accepts it.
          if (nAlt > 0) throw alleleError(b, p, end, sample, this.samples, nAlt);
          this.altlessAlleles++;
          allele = -2;
        }
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

  /** Pass 2 of one ALT row of a multi-allelic record (or of a record without genotype columns). */
  private collect(b: Uint8Array, end: number, layout: FormatLayout | null, target: RecordTarget, row: number): void {
    const n = this.samples.length;
    const histogram = this.histogram;
    histogram.fill(0);
    const { packed, calls } = target;
    const offset = target.packedAt + row * n;
    const firstCall = calls.count;
    calls.ensure((layout && n > 0 ? end - this.fieldStart[0]! : 0) + n * 15);
    for (let s = 0; s < n; s++) {
      const v = packed[offset + s]!;
      histogram[v]!++;
      if (IS_SPARSE[v] === 1) this.appendCall(b, layout ? this.fieldStart[s]! : -1, end, layout, calls, s, calls.count - firstCall, v, false);
    }
    countsFromHistogram(histogram, target.counts, target.countsAt + row * COUNTS_PER_ROW);
    target.textEnds.push(calls.length);
    target.callCounts.push(calls.count);
  }

  /**
   * Appends the token of one sparse call (`sample_idx:code:GT:DP:GQ`, code the packed byte in two hex
   * digits) from its sample field at `p` (-1: the record has no genotype columns). Returns where the field
   * ends. In a biallelic record a GT that is the usual text for its byte is left out (CANONICAL_GT).
   */
  private appendCall(b: Uint8Array, p: number, end: number, layout: FormatLayout | null, calls: CallText, sample: number, indexInRow: number, code: number, biallelic: boolean, walkFrom = p): number {
    // FORMAT `GT:DP:GQ…` with the GT already read (walkFrom after it): the `:DP:GQ` text is copied as it
    // stands when it holds only digits, in one pass — the common call of a cohort file.
    if (layout !== null && walkFrom > p && layout.dp === 1 && layout.gq === 2) {
      const o = this.appendTokenStart(b, p, walkFrom, calls, sample, indexInRow, code, biallelic);
      const tail = this.copyDigitSubfields(b, walkFrom, end, calls.bytes, o);
      if (tail >= 0) {
        calls.length = tail;
        calls.count++;
        return this.fieldEnd;
      }
    }
    let gtStart = 0, gtEnd = 0, dpStart = 0, dpEnd = 0, gqStart = 0, gqEnd = 0;
    let q = walkFrom;
    if (layout && p >= 0) {
      let k = 0;
      let begin = p;
      for (; ; q++) {
        const c = q < end ? b[q]! : TAB;
        if (c !== COLON && c !== TAB) continue;
        if (k === layout.gt) { gtStart = begin; gtEnd = q; }
        else if (k === layout.dp) { dpStart = begin; dpEnd = q; }
        else if (k === layout.gq) { gqStart = begin; gqEnd = q; }
        if (c === TAB) break;
        k++;
        begin = q + 1;
      }
    }
    const out = calls.bytes;
    let o = this.appendTokenStart(b, gtStart, gtEnd, calls, sample, indexInRow, code, biallelic);
    out[o++] = COLON;
    o = this.appendNumber(b, dpStart, dpEnd, out, o);
    out[o++] = COLON;
    o = this.appendNumber(b, gqStart, gqEnd, out, o);
    calls.length = o;
    calls.count++;
    return Math.min(q, end);
  }

  /** Writes `sample_idx:code:GT` (the separator and piece start before it); returns the output end. */
  private appendTokenStart(b: Uint8Array, gtStart: number, gtEnd: number, calls: CallText, sample: number, indexInRow: number, code: number, biallelic: boolean): number {
    const digits = this.sampleDigits;
    const out = calls.bytes;
    let o = calls.length;
    if (indexInRow > 0) out[o++] = 32;
    if (indexInRow % CALLS_PER_PIECE === 0) calls.pieces.push(o);
    for (let i = this.sampleDigitsAt[sample]!, last = this.sampleDigitsAt[sample + 1]!; i < last; i++) out[o++] = digits[i]!;
    out[o++] = COLON;
    out[o++] = HEX_DIGITS[code >> 4]!;
    out[o++] = HEX_DIGITS[code & 15]!;
    out[o++] = COLON;
    if (!(biallelic && isCanonicalGt(b, gtStart, gtEnd, code))) for (let i = gtStart; i < gtEnd; i++) out[o++] = b[i]!;
    return o;
  }

  /**
   * Copies the two subfields after the GT (`:DP:GQ`, from the `:` at `from`) as written when they hold only
   * digits, padding absent ones with `:`; sets `fieldEnd`. Returns the output end, or -1 when a value is
   * anything else (`.`, a sign, a decimal), which the general path handles.
   */
  private copyDigitSubfields(b: Uint8Array, from: number, end: number, out: Uint8Array, o: number): number {
    let colons = 0;
    let q = from;
    for (; q < end; q++) {
      const c = b[q]!;
      if (c === COLON) {
        if (++colons === 3) break;
      } else if (c === TAB) {
        break;
      } else if (c < 48 || c > 57) {
        return -1;
      }
      out[o++] = c;
    }
    for (; colons < 2; colons++) out[o++] = COLON;
    while (q < end && b[q] !== TAB) q++;
    this.fieldEnd = q;
    return o;
  }

  /** Copies a DP or GQ value as written when it looks like a number; `.` and anything else are left empty (NULL). */
  private appendNumber(b: Uint8Array, start: number, end: number, out: Uint8Array, o: number): number {
    if (end - start === 1 && b[start] === DOT) return o;
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      if (NUMBER_BYTE[c] === 0) {
        this.badNumbers++;
        return o - (i - start);
      }
      out[o++] = c;
    }
    return o;
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

/**
 * The common call: a GT of two single-digit alleles at most `nAlt` (`0/1`, `1|0`) ending the field or
 * followed by `:`. Returns the alleles (bits 0–3, 4–7) and phase (bit 8), or -1 for anything else.
 */
function fastDiploid(b: Uint8Array, p: number, end: number, nAlt: number): number {
  if (p + 3 > end) return -1;
  const d0 = b[p]! - 48;
  const c1 = b[p + 1]!;
  const d2 = b[p + 2]! - 48;
  if (d0 < 0 || d0 > nAlt || d2 < 0 || d2 > nAlt || (c1 !== SLASH && c1 !== PIPE)) return -1;
  if (p + 3 < end && b[p + 3] !== COLON && b[p + 3] !== TAB) return -1;
  return d0 | (d2 << 4) | (c1 === PIPE ? 256 : 0);
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

