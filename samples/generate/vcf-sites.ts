/**
 * The variant sites of the cohort VCF: synthetic SNVs, indels and multi-allelic sites with allele
 * frequencies, plus the real pharmacogenomic sites and the planted association site, sorted by position.
 */
import { PHARMACOGENOMIC_SITES, VARIANT_ASSOCIATION_EFFECT } from './effects.js';
import type { Random } from './random.js';

/** GRCh38 contigs written to the header, in file order. */
export const CONTIGS = [
  { id: 'chr10', length: 133_797_422 },
  { id: 'chr22', length: 50_818_468 },
] as const;

/** Where synthetic sites go: the CYP2C cluster on chr10, most of the long arm of chr22. */
const REGIONS = [
  { chrom: 'chr10', from: 94_000_000, to: 96_000_000, share: 0.3 },
  { chrom: 'chr22', from: 17_000_000, to: 50_000_000, share: 0.7 },
] as const;

export type SiteKind = 'synthetic' | 'pharmacogenomic' | 'planted';

export interface VariantSite {
  chrom: string;
  pos: number;
  id: string;
  ref: string;
  alts: string[];
  /** Population frequency of each ALT allele (for the planted site: the control frequency). */
  alleleFrequencies: number[];
  kind: SiteKind;
  missingRate: number;
  qual: string;
  filter: string;
}

const BASES = ['A', 'C', 'G', 'T'] as const;

function otherBase(random: Random, base: string): string {
  const choices = BASES.filter((candidate) => candidate !== base);
  return random.pick(choices);
}

function randomBases(random: Random, length: number): string {
  let bases = '';
  for (let i = 0; i < length; i++) bases += random.pick(BASES);
  return bases;
}

function logUniform(random: Random, low: number, high: number): number {
  return Math.exp(random.uniformBetween(Math.log(low), Math.log(high)));
}

/** Alleles and frequencies of a synthetic site: mostly SNVs, some indels, a few multi-allelic sites. */
function drawAlleles(random: Random): Pick<VariantSite, 'ref' | 'alts' | 'alleleFrequencies'> {
  const kind = random.uniform();
  const base = random.pick(BASES);
  if (kind < 0.03) {
    const second = random.bernoulli(0.5) ? base + randomBases(random, random.integer(1, 3)) : otherBase(random, base);
    const first = random.pick(BASES.filter((candidate) => candidate !== base && candidate !== second));
    return { ref: base, alts: [first, second], alleleFrequencies: [logUniform(random, 0.02, 0.3), logUniform(random, 0.005, 0.1)] };
  }
  const frequency = logUniform(random, 0.005, 0.5);
  if (kind < 0.055) return { ref: base, alts: [base + randomBases(random, random.integer(1, 3))], alleleFrequencies: [frequency] };
  if (kind < 0.08) return { ref: base + randomBases(random, random.integer(1, 3)), alts: [base], alleleFrequencies: [frequency] };
  return { ref: base, alts: [otherBase(random, base)], alleleFrequencies: [frequency] };
}

function drawQuality(random: Random): Pick<VariantSite, 'qual' | 'filter' | 'missingRate'> {
  const lowQuality = random.bernoulli(0.02);
  const qual = random.bernoulli(0.03) ? '.' : (lowQuality ? random.uniformBetween(5, 30) : random.uniformBetween(30, 3000)).toFixed(1);
  const missingRate = random.bernoulli(0.5) ? 0 : random.uniformBetween(0.002, 0.04);
  return { qual, filter: lowQuality ? 'LowQual' : 'PASS', missingRate };
}

function fixedSites(): VariantSite[] {
  const effect = VARIANT_ASSOCIATION_EFFECT;
  const planted: VariantSite = {
    chrom: effect.chrom, pos: effect.pos, id: '.', ref: effect.ref, alts: [effect.alt],
    alleleFrequencies: [effect.controlAlleleFrequency], kind: 'planted', missingRate: 0.01, qual: '2150.0', filter: 'PASS',
  };
  const pharmacogenomic = PHARMACOGENOMIC_SITES.map((site): VariantSite => ({
    chrom: site.chrom, pos: site.pos, id: site.rsid, ref: site.ref, alts: [site.alt],
    alleleFrequencies: [site.alleleFrequency], kind: 'pharmacogenomic', missingRate: 0.01, qual: '1830.0', filter: 'PASS',
  }));
  return [planted, ...pharmacogenomic];
}

const contigOrder = (chrom: string): number => CONTIGS.findIndex((contig) => contig.id === chrom);

/** `count` sites in all, sorted by contig then position, no two at one position. */
export function planSites(random: Random, count: number): VariantSite[] {
  const sites = fixedSites();
  const taken = new Set(sites.map((site) => `${site.chrom}:${site.pos}`));
  while (sites.length < count) {
    const region = random.uniform() < (REGIONS[0].share) ? REGIONS[0] : REGIONS[1];
    const pos = random.integer(region.from, region.to);
    const key = `${region.chrom}:${pos}`;
    if (taken.has(key)) continue;
    taken.add(key);
    sites.push({ chrom: region.chrom, pos, id: '.', kind: 'synthetic', ...drawAlleles(random), ...drawQuality(random) });
  }
  return sites.sort((a, b) => contigOrder(a.chrom) - contigOrder(b.chrom) || a.pos - b.pos);
}
