import cyp2c19 from './data/cyp2c19.json' with { type: 'json' };
import cyp2c9 from './data/cyp2c9.json' with { type: 'json' };
import cyp2d6 from './data/cyp2d6.json' with { type: 'json' };
import dpyd from './data/dpyd.json' with { type: 'json' };
import hlaB from './data/hla-b.json' with { type: 'json' };
import nudt15 from './data/nudt15.json' with { type: 'json' };
import slco1b1 from './data/slco1b1.json' with { type: 'json' };
import tpmt from './data/tpmt.json' with { type: 'json' };

/** The reference build every position of the table is given in. */
export const TABLE_BUILD = 'GRCh38';

/** What the bundled table is and where it comes from (data/SOURCES.md has every fact's source). */
export const PGX_SOURCE = {
  name: 'CPIC-derived pharmacogene table',
  version: 'pmw-pgx 1 (CPIC data as exported 2021-10 to 2024-08, via PharmCAT; data/SOURCES.md)',
  url: 'https://cpicpgx.org',
  licence: 'CC0 1.0 (CPIC); attribution requested',
} as const;

/** A defining variant, as a VCF would write it on GRCh38. */
export interface PgxVariant {
  rsid: string;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
}

/**
 * What an allele needs at a defining position of its gene: the ALT (`alt`), either base (`any`, a variant
 * the definition leaves open). Positions an allele does not list must be reference.
 */
export type AlleleRequirement = 'alt' | 'any';

export interface PgxAllele {
  name: string;
  function: string;
  /** CPIC activity value, for genes whose phenotype is an activity score. */
  activity?: number;
  /** By rsid. */
  defining: Record<string, AlleleRequirement>;
}

export type PhenotypeRules =
  | { by: 'function'; rules: { functions: [string, string]; phenotype: string }[] }
  | { by: 'activityScore'; ranges: { min: number; max: number | null; phenotype: string }[] }
  | { by: 'none' };

export interface PgxRecommendation {
  drug: string;
  phenotype: string;
  /** Only for this activity score, where CPIC's advice differs within a phenotype. */
  activityScore?: number;
  text: string;
  guideline: string;
}

export interface PgxGene {
  gene: string;
  /** False for genes SNVs cannot call (HLA-B); every sample then gets `notCallableReason`. */
  callable: boolean;
  notCallableReason?: string;
  /** The allele with no defining variant (all reference). */
  referenceAllele: string | null;
  variants: PgxVariant[];
  alleles: PgxAllele[];
  phenotypes: PhenotypeRules;
  recommendations: PgxRecommendation[];
  /** Said in every call of the gene (CYP2D6: copy number not assessed). */
  caveat: string | null;
}

const GENES = [cyp2c19, cyp2c9, cyp2d6, tpmt, nudt15, dpyd, slco1b1, hlaB] as unknown as PgxGene[];

/** The bundled genes, checked once: a definition naming a variant the gene does not list is a bug in the data. */
export function pgxGenes(): PgxGene[] {
  for (const gene of GENES) checkGene(gene);
  return GENES;
}

function checkGene(gene: PgxGene): void {
  const rsids = new Set(gene.variants.map((v) => v.rsid));
  for (const allele of gene.alleles) {
    for (const rsid of Object.keys(allele.defining)) {
      if (!rsids.has(rsid)) throw new Error(`pgx table: ${gene.gene} ${allele.name} names ${rsid}, which ${gene.gene} does not list`);
    }
    if (gene.phenotypes.by === 'activityScore' && allele.activity === undefined) {
      throw new Error(`pgx table: ${gene.gene} ${allele.name} has no activity value`);
    }
  }
  if (gene.callable && !gene.alleles.some((a) => a.name === gene.referenceAllele && Object.keys(a.defining).length === 0)) {
    throw new Error(`pgx table: ${gene.gene} has no reference allele without defining variants`);
  }
}

/** Every phenotype a gene's rules can give, for checking a cross-tab's phenotype name. */
export function phenotypesOf(gene: PgxGene): string[] {
  const rules = gene.phenotypes;
  if (rules.by === 'function') return [...new Set(rules.rules.map((r) => r.phenotype))];
  if (rules.by === 'activityScore') return rules.ranges.map((r) => r.phenotype);
  return [];
}

/** CPIC's one-line advice for a phenotype (and activity score, where it matters). */
export function recommendationsFor(gene: PgxGene, phenotype: string, activityScore: number | null): PgxRecommendation[] {
  return gene.recommendations.filter((r) => r.phenotype === phenotype && (r.activityScore === undefined || r.activityScore === activityScore));
}
