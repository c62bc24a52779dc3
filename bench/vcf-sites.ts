import type { Prng } from './prng.js';

/** chr22's length in GRCh37 and the stretch 1000 Genomes has calls in (its short arm is unsequenced). */
export const CHROM = '22';
export const CHROM_LENGTH = 51_304_566;
const FIRST_POS = 16_050_075;
const LAST_POS = 51_244_237;

/**
 * The allele-frequency spectrum: 56 % of ALTs rare, log-uniform from one copy in the cohort to 1 %; the
 * rest common, 0.01 + 0.98·u² (more low than high). With this mix about 21.6 % of calls carry an ALT,
 * 2,504 × 100,000 × 0.216 ≈ 54M non-reference calls, as in the file.
 */
const COMMON_SHARE = 0.438;
const RARE_MAX = 0.01;
const MULTIALLELIC_SHARE = 0.03;
const INDEL_SHARE = 0.08;
const NO_RSID_SHARE = 0.05;
const LOW_QUAL_SHARE = 0.02;
/** Records with some missing calls, and the share of calls missing in them. */
const WITH_MISSING_SHARE = 0.05;
const MISSING_RATE = 0.01;
const BASES = 'ACGT';

/** One VCF record before its genotypes are drawn. */
export interface VcfSite {
  pos: number;
  /** The ID column; null for `.`. */
  rsid: string | null;
  ref: string;
  alts: string[];
  /** Each ALT's frequency among controls (among everyone, except at the planted site). */
  controlFreqs: number[];
  /** Each ALT's frequency among cases. */
  caseFreqs: number[];
  qual: number;
  filter: 'PASS' | 'LowQual';
  /** Probability that a call is missing (`./.`). */
  missingRate: number;
}

/** The planted association: one biallelic SNV with this ALT frequency in cases and controls. */
export const PLANTED = { caseFreq: 0.3, controlFreq: 0.1 } as const;

/** An ALT frequency from the spectrum above, for a cohort of `samples` diploid samples. */
export function drawAltFrequency(prng: Prng, samples: number): number {
  if (prng.chance(COMMON_SHARE)) return 0.01 + 0.98 * prng.next() ** 2;
  const lowest = 1 / (2 * samples);
  return lowest * Math.exp(prng.next() * Math.log(RARE_MAX / lowest));
}

/** Draws the records of a chr22-like VCF in position order: SNVs, some indels and multi-allelic sites. */
export class SiteDrawer {
  private pos = FIRST_POS;
  private readonly meanGap: number;
  private rsNumber = 1_000_000;

  constructor(private readonly prng: Prng, private readonly samples: number, records: number, private readonly plantedIndex: number) {
    this.meanGap = (LAST_POS - FIRST_POS) / records;
  }

  /** Record `index` (0-based); call in order. */
  next(index: number): VcfSite {
    const prng = this.prng;
    this.pos += 1 + Math.floor(-Math.log(1 - prng.next()) * (this.meanGap - 1));
    this.rsNumber += 1 + prng.int(60);
    const rsid = index === this.plantedIndex || !prng.chance(NO_RSID_SHARE) ? `rs${this.rsNumber}` : null;
    const qual = 30 + prng.int(970);
    const filter = prng.chance(LOW_QUAL_SHARE) ? 'LowQual' : 'PASS';
    const missingRate = prng.chance(WITH_MISSING_SHARE) ? MISSING_RATE : 0;
    if (index === this.plantedIndex) {
      const [ref, alt] = this.snv();
      return { pos: this.pos, rsid, ref, alts: [alt], controlFreqs: [PLANTED.controlFreq], caseFreqs: [PLANTED.caseFreq], qual, filter: 'PASS', missingRate: 0 };
    }
    const { ref, alts } = prng.chance(MULTIALLELIC_SHARE) ? this.multiallelic() : prng.chance(INDEL_SHARE) ? this.indel() : this.biallelicSnv();
    const freqs = this.frequencies(alts.length);
    return { pos: this.pos, rsid, ref, alts, controlFreqs: freqs, caseFreqs: freqs, qual, filter, missingRate };
  }

  /** Frequencies for each ALT, scaled down when they would add up to more than 0.95. */
  private frequencies(alts: number): number[] {
    const freqs = Array.from({ length: alts }, () => drawAltFrequency(this.prng, this.samples));
    const total = freqs.reduce((sum, f) => sum + f, 0);
    return total > 0.95 ? freqs.map((f) => (f * 0.95) / total) : freqs;
  }

  private snv(): [string, string] {
    const ref = this.prng.int(4);
    const alt = (ref + 1 + this.prng.int(3)) % 4;
    return [BASES[ref]!, BASES[alt]!];
  }

  private biallelicSnv(): { ref: string; alts: string[] } {
    const [ref, alt] = this.snv();
    return { ref, alts: [alt] };
  }

  /** Two ALTs at one position: a SNV with both other bases but one. */
  private multiallelic(): { ref: string; alts: string[] } {
    const ref = this.prng.int(4);
    const firstOffset = 1 + this.prng.int(3);
    const secondOffset = 1 + ((firstOffset + this.prng.int(2)) % 3);
    return { ref: BASES[ref]!, alts: [BASES[(ref + firstOffset) % 4]!, BASES[(ref + secondOffset) % 4]!] };
  }

  /** A deletion or insertion of 1–5 bases after the anchor base. */
  private indel(): { ref: string; alts: string[] } {
    const anchor = BASES[this.prng.int(4)]!;
    let extra = '';
    for (let i = 1 + this.prng.int(5); i > 0; i--) extra += BASES[this.prng.int(4)]!;
    return this.prng.chance(0.5) ? { ref: anchor + extra, alts: [anchor] } : { ref: anchor, alts: [anchor + extra] };
  }
}
