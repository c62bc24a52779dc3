import type { PgxAllele, PgxGene } from './pgx-table.js';

export interface PhenotypeCall {
  phenotype: string;
  /** The sum of the two alleles' activity values, for activity-score genes; null otherwise. */
  activityScore: number | null;
}

/**
 * CPIC's phenotype for a diplotype: by the pair of allele functions (CYP2C19, TPMT, NUDT15, SLCO1B1) or
 * by the activity score, the sum of the two activity values (CYP2C9, CYP2D6, DPYD). Null when the table
 * has no rule for the pair.
 */
export function phenotypeOf(gene: PgxGene, [a, b]: [PgxAllele, PgxAllele]): PhenotypeCall | null {
  const rules = gene.phenotypes;
  if (rules.by === 'function') {
    const rule = rules.rules.find(({ functions: [x, y] }) => (x === a.function && y === b.function) || (x === b.function && y === a.function));
    return rule ? { phenotype: rule.phenotype, activityScore: null } : null;
  }
  if (rules.by === 'activityScore') {
    const score = (a.activity ?? NaN) + (b.activity ?? NaN);
    const range = rules.ranges.find((r) => score >= r.min && (r.max === null || score <= r.max));
    return range ? { phenotype: range.phenotype, activityScore: score } : null;
  }
  return null;
}
