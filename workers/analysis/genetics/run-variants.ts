/**
 * Variants of a `vcf` dataset by region, gene, consequence and impact, with their counts over all
 * samples (the `variant` table's `ac`, `an` and genotype counts; `af` = ac / an), one page at a time.
 */
import { pageQuery } from '../../db/page-query.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset, ResultPage, VariantQuery } from '../../engine/api.js';
import { variantFilterSql } from './variant-filters.js';
import { vcfSchemaOf } from './vcf-schema.js';

/** The columns of a variant page, in order. */
export const VARIANT_COLUMNS = [
  'variant_id', 'chrom', 'pos', 'ref', 'alt', 'rsid', 'qual', 'filter', 'gene', 'consequence', 'impact', 'hgvs_c', 'hgvs_p',
  'ac', 'an', 'af', 'n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half',
] as const;

export function variantsSql(schema: string, query: Omit<VariantQuery, 'dataset'>): string {
  const columns = VARIANT_COLUMNS.map((c) => (c === 'af' ? 'CASE WHEN v.an > 0 THEN v.ac / v.an END AS af' : `v.${c}`));
  return `SELECT ${columns.join(', ')} FROM ${schema}.variant v WHERE ${variantFilterSql(query)} ORDER BY v.variant_id`;
}

export async function runVariants(task: Task, dataset: Dataset, query: VariantQuery): Promise<ResultPage> {
  const sql = variantsSql(vcfSchemaOf(dataset), query);
  return pageQuery(task, sql, { limit: query.limit, offset: query.offset, count: true });
}
