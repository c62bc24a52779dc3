import { phenotypeOf, type PhenotypeCall } from './phenotype.js';
import type { PgxAllele, PgxGene, PgxVariant } from './pgx-table.js';
import { diplotypeName, solveDiplotype, type Observation } from './solve-diplotype.js';

/** One row of the calls table, without the sample. */
export interface GeneCall {
  diplotype: string | null;
  phenotype: string | null;
  activityScore: number | null;
  /** True when the phenotype is known (the diplotype may still be one of several that agree on it). */
  determinable: boolean;
  reason: string | null;
}

const MAX_LISTED = 4;

export function variantLabel(v: PgxVariant): string {
  return `${v.chrom}:${v.pos} (${v.rsid})`;
}

function listed(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED);
  const more = names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : '';
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}${more}` : `${shown[0] ?? ''}${more}`;
}

function missingReason(gene: PgxGene, observations: Observation[], indexes: number[]): string {
  return indexes.map((i) => {
    const label = variantLabel(gene.variants[i]!);
    return observations[i]!.state === 'absent' ? `position ${label} not in the file` : `no call at ${label}`;
  }).join('; ');
}

function carriedVariants(gene: PgxGene, observations: Observation[]): string {
  const carried = gene.variants.flatMap((v, i) => {
    const o = observations[i]!;
    return o.state === 'called' && o.altCopies > 0 ? [`${v.rsid} (${o.altCopies} ${o.altCopies === 1 ? 'copy' : 'copies'})`] : [];
  });
  return carried.length ? carried.join(', ') : 'none';
}

function withCaveat(gene: PgxGene, reason: string | null): string | null {
  if (!gene.caveat) return reason;
  return reason ? `${reason}; ${gene.caveat}` : gene.caveat;
}

/** The same value from every candidate, else null. */
function agreed<T>(values: T[]): T | null {
  return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
}

/**
 * A gene's call for one sample. A single fitting diplotype is called; several are reported together, and
 * the phenotype is still given when all of them agree on it (the CPIC rules often map different
 * diplotypes to one phenotype). Otherwise the reason says what is missing: a position, a call, or phase.
 */
export function callGene(gene: PgxGene, observations: Observation[]): GeneCall {
  if (!gene.callable) {
    return { diplotype: null, phenotype: null, activityScore: null, determinable: false, reason: gene.notCallableReason ?? 'not callable' };
  }
  const otherAlts = gene.variants.flatMap((v, i) => {
    const o = observations[i]!;
    return o.state === 'otherAlt' ? [`${v.ref}>${o.alt} at ${variantLabel(v)}`] : [];
  });
  if (otherAlts.length) {
    return {
      diplotype: null, phenotype: null, activityScore: null, determinable: false,
      reason: withCaveat(gene, `not determinable: carries an ALT the table does not define (${otherAlts.join('; ')})`),
    };
  }
  const solution = solveDiplotype(gene, observations);
  const { candidates } = solution;
  if (candidates.length === 0) {
    return {
      diplotype: null, phenotype: null, activityScore: null, determinable: false,
      reason: withCaveat(gene, `not determinable: no pair of the table's ${gene.gene} alleles explains the genotype (ALT copies: ${carriedVariants(gene, observations)}); an allele outside the table or a novel haplotype`),
    };
  }
  const names = candidates.map((pair) => diplotypeName(gene, pair));
  const phenotypes = candidates.map((pair) => phenotypeOf(gene, pair));
  const missing = gene.variants.flatMap((_, i) => (observations[i]!.state === 'called' ? [] : [i]));
  if (candidates.length === 1) return singleCall(gene, observations, names[0]!, phenotypes[0]!, candidates[0]!, missing);

  const phenotype = phenotypes.every((p) => p !== null) ? agreed(phenotypes.map((p) => p!.phenotype)) : null;
  const why = solution.decidingMissing.length
    ? missingReason(gene, observations, solution.decidingMissing)
    : solution.phased ? `the table's definitions allow ${names.length} diplotypes` : 'unphased ambiguity';
  if (phenotype === null) {
    return { diplotype: null, phenotype: null, activityScore: null, determinable: false, reason: withCaveat(gene, `not determinable: ${why} (${listed(names)})`) };
  }
  return {
    diplotype: listed(names),
    phenotype,
    activityScore: agreed(phenotypes.map((p) => p!.activityScore)),
    determinable: true,
    reason: withCaveat(gene, `diplotype not determinable (${why}); every possible diplotype gives ${phenotype}`),
  };
}

function singleCall(gene: PgxGene, observations: Observation[], name: string, phenotype: PhenotypeCall | null,
  [a, b]: [PgxAllele, PgxAllele], missing: number[]): GeneCall {
  if (!phenotype) {
    return { diplotype: name, phenotype: null, activityScore: null, determinable: false, reason: withCaveat(gene, `no CPIC phenotype rule for ${a.function} + ${b.function}`) };
  }
  const note = missing.length ? `${missingReason(gene, observations, missing)}; no other diplotype of the table fits the other positions` : null;
  return { diplotype: name, phenotype: phenotype.phenotype, activityScore: phenotype.activityScore, determinable: true, reason: withCaveat(gene, note) };
}
