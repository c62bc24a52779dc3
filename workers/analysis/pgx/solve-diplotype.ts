import type { PgxAllele, PgxGene } from './pgx-table.js';

/**
 * A sample's genotype at one defining position. `haplotypes` gives the ALT copies on the first and
 * second haplotype of a phased call (from the GT's `|` order), null when the call is unphased.
 * `otherAlt`: the sample carries an ALT of the same record that the table does not define.
 */
export type Observation =
  | { state: 'absent' }
  | { state: 'noCall' }
  | { state: 'otherAlt'; alt: string }
  | { state: 'called'; altCopies: number; haplotypes: [number, number] | null };

export interface DiplotypeSolution {
  /** Every pair of the gene's alleles that fits the genotype, in table order. */
  candidates: [PgxAllele, PgxAllele][];
  /** Indexes (into gene.variants) of missing positions on which the candidates disagree. */
  decidingMissing: number[];
  /** True when every heterozygous call had a known phase, so haplotypes were matched one by one. */
  phased: boolean;
}

/** The ALT copies an allele may carry at a position: one if it requires the ALT, none if it lists nothing. */
function copiesAllowed(allele: PgxAllele, rsid: string): number[] {
  const requirement = allele.defining[rsid];
  if (requirement === 'alt') return [1];
  if (requirement === 'any') return [0, 1];
  return [0];
}

function sumsOf(a: number[], b: number[]): Set<number> {
  const sums = new Set<number>();
  for (const x of a) for (const y of b) sums.add(x + y);
  return sums;
}

/** Unphased: the two alleles together must give the observed ALT copies at every called position. */
function fitsUnphased(gene: PgxGene, observations: Observation[], a: PgxAllele, b: PgxAllele): boolean {
  return gene.variants.every((v, i) => {
    const o = observations[i]!;
    return o.state !== 'called' || sumsOf(copiesAllowed(a, v.rsid), copiesAllowed(b, v.rsid)).has(o.altCopies);
  });
}

/** Phased: allele `first` must match the first haplotype and `second` the second, position by position. */
function fitsHaplotypes(gene: PgxGene, observations: Observation[], first: PgxAllele, second: PgxAllele): boolean {
  return gene.variants.every((v, i) => {
    const o = observations[i]!;
    if (o.state !== 'called') return true;
    const [h1, h2] = o.haplotypes ?? [o.altCopies / 2, o.altCopies / 2];
    return copiesAllowed(first, v.rsid).includes(h1) && copiesAllowed(second, v.rsid).includes(h2);
  });
}

/** Phase is usable when every heterozygous call carries it; homozygous calls need none. */
function isPhased(observations: Observation[]): boolean {
  return observations.every((o) => o.state !== 'called' || o.altCopies !== 1 || o.haplotypes !== null);
}

/**
 * The pairs of table alleles that explain a sample's genotype at a gene's defining positions. A missing
 * position (absent from the file, or no call) constrains nothing: a pair is kept if some genotype there
 * would fit, and the position is reported as deciding when the kept pairs need different genotypes at it.
 */
export function solveDiplotype(gene: PgxGene, observations: Observation[]): DiplotypeSolution {
  const phased = isPhased(observations);
  const candidates: [PgxAllele, PgxAllele][] = [];
  const alleles = gene.alleles;
  for (let i = 0; i < alleles.length; i++) {
    for (let j = i; j < alleles.length; j++) {
      const a = alleles[i]!;
      const b = alleles[j]!;
      const fits = phased
        ? fitsHaplotypes(gene, observations, a, b) || fitsHaplotypes(gene, observations, b, a)
        : fitsUnphased(gene, observations, a, b);
      if (fits) candidates.push([a, b]);
    }
  }
  return { candidates, decidingMissing: decidingMissing(gene, observations, candidates), phased };
}

function decidingMissing(gene: PgxGene, observations: Observation[], candidates: [PgxAllele, PgxAllele][]): number[] {
  const deciding: number[] = [];
  gene.variants.forEach((v, i) => {
    if (observations[i]!.state === 'called' || candidates.length < 2) return;
    const needs = new Set(candidates.map(([a, b]) => [...sumsOf(copiesAllowed(a, v.rsid), copiesAllowed(b, v.rsid))].sort().join(',')));
    if (needs.size > 1) deciding.push(i);
  });
  return deciding;
}

/** `*1/*3A`: the alleles in table order, so the reference allele comes first. */
export function diplotypeName(gene: PgxGene, [a, b]: [PgxAllele, PgxAllele]): string {
  const [first, second] = gene.alleles.indexOf(a) <= gene.alleles.indexOf(b) ? [a, b] : [b, a];
  return `${first.name}/${second.name}`;
}
