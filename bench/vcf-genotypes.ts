import type { Prng } from './prng.js';
import type { VcfCohort } from './vcf-samples.js';
import type { VcfSite } from './vcf-sites.js';

/** The FORMAT column: phased genotype, read depth, genotype quality. */
export const FORMAT_KEYS = 'GT:DP:GQ';
/** Per-sample read depth is log-normal around 20× (σ 0.35 on the log scale), drawn from a table of this many values. */
const DEPTH_TABLE_SIZE = 4096;
const MEAN_DEPTH = 20;
const DEPTH_LOG_SD = 0.35;
const MAX_DEPTH = 250;
/** Haplotype alleles are drawn from 16 random bits each: frequencies are resolved to 1/65,536. */
const ALLELE_SCALE = 65_536;
/** `255|255:250:99\t` at most; `0|0:20:63\t` is typical. */
const MAX_SAMPLE_BYTES = 16;
const TAB = 0x09;
const NEWLINE = 0x0a;
const COLON = 0x3a;
const PIPE = 0x7c;
const DOT = 0x2e;
const ZERO = 0x30;

/** What one record's genotypes hold, for its INFO column and the manifest. */
export interface GenotypeCounts {
  /** Copies of each ALT among the called alleles. */
  altCopies: number[];
  calledAlleles: number;
  /** Samples with at least one ALT allele: the non-reference calls. */
  carriers: number;
  /** Samples whose call is `.|.`. */
  missing: number;
  /** Sum of the samples' DP. */
  depth: number;
  /** Copies of the first ALT and called alleles among cases and among controls. */
  firstAltCases: { copies: number; alleles: number };
  firstAltControls: { copies: number; alleles: number };
}

/**
 * Draws and writes the sample columns of a record: each haplotype's allele independently from the site's
 * ALT frequencies (so genotypes follow Hardy–Weinberg), phased as in 1000 Genomes (`0|1`), with DP and a GQ
 * that grows with depth (3 per read for a homozygote, 2 for a heterozygote, at most 99). The text goes into one reusable buffer, digits written byte by byte, because
 * this loop runs 250 million times for the full file.
 */
export class GenotypeWriter {
  private readonly buffer: Buffer;
  private readonly depths: Uint8Array;

  constructor(private readonly cohort: VcfCohort, private readonly prng: Prng) {
    this.buffer = Buffer.allocUnsafe(cohort.ids.length * MAX_SAMPLE_BYTES);
    this.depths = new Uint8Array(DEPTH_TABLE_SIZE);
    for (let i = 0; i < DEPTH_TABLE_SIZE; i++) {
      this.depths[i] = Math.min(MAX_DEPTH, Math.round(MEAN_DEPTH * Math.exp(DEPTH_LOG_SD * prng.normal())));
    }
  }

  /** Writes the sample columns of `site`, tab-separated and ending in a newline; returns the bytes (valid until the next call) and the counts. */
  write(site: VcfSite): { text: Uint8Array; counts: GenotypeCounts } {
    const { prng, buffer, depths } = this;
    const isCase = this.cohort.isCase;
    const samples = isCase.length;
    const [control1, control12] = alleleThresholds(site.controlFreqs);
    const [case1, case12] = alleleThresholds(site.caseFreqs);
    const missingRate = site.missingRate;
    const altCopies = new Array<number>(site.alts.length).fill(0);
    let called = 0, carriers = 0, missing = 0, depth = 0;
    let caseCopies = 0, caseAlleles = 0, controlCopies = 0, controlAlleles = 0;
    let o = 0;
    for (let s = 0; s < samples; s++) {
      if (missingRate > 0 && prng.next() < missingRate) {
        buffer[o] = DOT; buffer[o + 1] = PIPE; buffer[o + 2] = DOT; buffer[o + 3] = COLON;
        buffer[o + 4] = DOT; buffer[o + 5] = COLON; buffer[o + 6] = DOT; buffer[o + 7] = TAB;
        o += 8;
        missing++;
        continue;
      }
      const bits = prng.nextUint32();
      const inCase = isCase[s] === 1;
      const first = inCase ? case1 : control1;
      const either = inCase ? case12 : control12;
      const low = bits & 0xffff;
      const high = bits >>> 16;
      const a = low < first ? 1 : low < either ? 2 : 0;
      const b = high < first ? 1 : high < either ? 2 : 0;
      if (a === 1) altCopies[0]!++; else if (a === 2) altCopies[1]!++;
      if (b === 1) altCopies[0]!++; else if (b === 2) altCopies[1]!++;
      if (a !== 0 || b !== 0) carriers++;
      const firstCopies = (a === 1 ? 1 : 0) + (b === 1 ? 1 : 0);
      if (inCase) { caseCopies += firstCopies; caseAlleles += 2; } else { controlCopies += firstCopies; controlAlleles += 2; }
      called += 2;

      const noise = prng.nextUint32();
      const dp = depths[noise & (DEPTH_TABLE_SIZE - 1)]!;
      const gq = Math.min(99, (a === b ? 3 : 2) * dp);
      depth += dp;
      buffer[o] = ZERO + a; buffer[o + 1] = PIPE; buffer[o + 2] = ZERO + b; buffer[o + 3] = COLON;
      o = writeSmallNumber(buffer, o + 4, dp);
      buffer[o] = COLON;
      o = writeSmallNumber(buffer, o + 1, gq);
      buffer[o++] = TAB;
    }
    buffer[o - 1] = NEWLINE;
    return {
      text: buffer.subarray(0, o),
      counts: {
        altCopies, calledAlleles: called, carriers, missing, depth,
        firstAltCases: { copies: caseCopies, alleles: caseAlleles },
        firstAltControls: { copies: controlCopies, alleles: controlAlleles },
      },
    };
  }
}

/** The 16-bit thresholds below which a haplotype carries ALT 1, and ALT 1 or 2. */
function alleleThresholds(freqs: readonly number[]): [number, number] {
  const first = Math.round((freqs[0] ?? 0) * ALLELE_SCALE);
  return [first, first + Math.round((freqs[1] ?? 0) * ALLELE_SCALE)];
}

/** Writes 0–999 in decimal at `offset`; returns the offset after it. */
function writeSmallNumber(buffer: Buffer, offset: number, value: number): number {
  if (value >= 100) {
    buffer[offset] = ZERO + Math.floor(value / 100);
    buffer[offset + 1] = ZERO + (Math.floor(value / 10) % 10);
    buffer[offset + 2] = ZERO + (value % 10);
    return offset + 3;
  }
  if (value >= 10) {
    buffer[offset] = ZERO + Math.floor(value / 10);
    buffer[offset + 1] = ZERO + (value % 10);
    return offset + 2;
  }
  buffer[offset] = ZERO + value;
  return offset + 1;
}
