/** The Engine API, genomic variants (VCF): queries, association, pharmacogenomics. Re-exported by api.ts; storage in docs/vcf.md. */

import type { ResultPage, Suppression } from './api.js';
import type { CohortRef } from './api-cohorts.js';

export interface VariantQuery {
  dataset: string;
  /** `chr22:16050000-16060000` (1-based, both ends inclusive); `chr` prefixes are matched either way. */
  region?: string;
  gene?: string;
  consequence?: string;
  /** VEP / SnpEff impact: HIGH, MODERATE, LOW, MODIFIER. */
  impact?: string[];
  /** Smallest carrier count shown; the engine raises it to the workspace policy's. */
  minCellCount?: number;
  limit?: number;
  offset?: number;
  taskId?: string;
}

export interface CarrierQuery {
  dataset: string;
  /** Variant ids of the dataset's `variant` table, or rsids. */
  variants?: (number | string)[];
  /** Any qualifying variant of this gene (with `impact` and `maxAf` filters). */
  gene?: string;
  impact?: string[];
  maxAf?: number;
  /** Minimum alternate alleles for a carrier (default 1; 2 = homozygous). */
  minAltCount?: number;
  limit?: number;
  offset?: number;
}

/** Who is a case and who a control: a file (sample id, 1/0 or case/control), or two cohorts of linked persons. */
export type PhenotypeSource = { file: string } | { cases: CohortRef; controls: CohortRef };

export interface AssociationSpec {
  dataset: string;
  phenotype: PhenotypeSource;
  region?: string;
  gene?: string;
  /** Leave out variants whose minor allele frequency (all called samples) is below this. */
  minMaf?: number;
  /** Gene-level burden: carriers of qualifying variants (impact, frequency), cases vs controls. */
  burden?: { impact?: string[]; maxAf?: number };
  /** Smallest allele / carrier count shown; the engine raises it to the workspace policy's. */
  minCellCount?: number;
  orderBy?: string;
  limit?: number;
  taskId?: string;
}

export interface AssociationResult {
  /** One row per variant: `variant_id, chrom, pos, ref, alt, rsid, ac_cases, an_cases, ac_controls, an_controls,
   * af, hwe_p, chisq, p_chisq, p_fisher, or, or_lo, or_hi, p_trend`, kept in the workspace. */
  resultTable: string;
  page: ResultPage;
  /** One row per gene when a burden test was asked for: `gene, variants, carriers_cases, cases, carriers_controls, controls, or, p_fisher`. */
  burdenTable?: string;
  cases: number;
  controls: number;
  /** Samples in the VCF with no phenotype (left out). */
  samplesWithoutPhenotype: number;
  variants: number;
  warnings: string[];
  /** Small allele and carrier counts hidden in the result tables. */
  suppression: Suppression;
  elapsedMs: number;
}

export interface PgxSpec {
  dataset: string;
  genes?: string[];
  /** Cross-tab of one gene's phenotype against a drug exposure cohort and an adverse outcome cohort. */
  crossTab?: { gene: string; phenotype: string; exposure: CohortRef; outcome: CohortRef };
  /** Smallest count shown in the summary and cross-tab; the engine raises it to the workspace policy's. */
  minCellCount?: number;
  taskId?: string;
}

export interface PgxResult {
  /** One row per sample and gene: `sample, person_id, gene, diplotype, phenotype, activity_score, determinable, reason`. */
  callsTable: string;
  page: ResultPage;
  /** Per gene and phenotype: samples. */
  summary: { gene: string; phenotype: string; samples: number }[];
  /** Exposed persons with and without the phenotype, and how many of each had the outcome. */
  crossTab?: { gene: string; phenotype: string; rows: { group: string; exposed: number; withOutcome: number }[]; oddsRatio: number | null; pFisher: number | null };
  /** Where the allele and phenotype definitions come from (CPIC, version, licence). */
  source: { name: string; version: string; url: string; licence: string };
  warnings: string[];
  elapsedMs: number;
}
