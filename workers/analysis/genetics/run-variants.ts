/**
 * Variants of a `vcf` dataset by region, gene, consequence and impact, with their counts over all
 * samples (the `variant` table's `ac`, `an` and genotype counts; `af` = ac / an), one page at a time.
 */
import { pageQuery } from '../../db/page-query.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset, ResultPage, VariantQuery } from '../../engine/api.js';
import { minCellCountOf } from '../privacy/suppress/suppression-sql.js';
import { variantFilterSql } from './variant-filters.js';
import { suppressedVariantsSql, variantSuppression } from './variant-suppression.js';
import { vcfSchemaOf } from './vcf-schema.js';

/** The columns of a variant page, in order. */
export const VARIANT_COLUMNS = [
  'variant_id', 'chrom', 'pos', 'ref', 'alt', 'rsid', 'qual', 'filter', 'gene', 'consequence', 'impact', 'hgvs_c', 'hgvs_p',
  'ac', 'an', 'af', 'n_hom_ref', 'n_het', 'n_hom_alt', 'n_missing', 'n_half',
] as const;

export function variantsSql(schema: string, query: Omit<VariantQuery, 'dataset'>): string {
  const columns = VARIANT_COLUMNS.map((c) => (c === 'af' ? 'CASE WHEN v.an > 0 THEN v.ac / v.an END AS af' : `v.${c}`));
  return `SELECT ${columns.join(', ')} FROM ${schema}.variant v WHERE ${variantFilterSql(query)}`;
}

/**
 * One page of the variants, small carrier counts hidden (`query.minCellCount`: the engine passes the
 * workspace policy's; none when absent; variant-suppression.ts); the page says what was hidden.
 */
export async function runVariants(task: Task, dataset: Dataset, query: VariantQuery): Promise<ResultPage> {
  const minCellCount = minCellCountOf(query.minCellCount, 0);
  const shown = suppressedVariantsSql(variantsSql(vcfSchemaOf(dataset), query), minCellCount, 'variant_id');
  const page = await pageQuery(task, shown.select, { limit: query.limit, offset: query.offset, count: true });
  const [counts] = (await task.connection.runAndReadAll(shown.counts)).getRowsJS();
  page.suppression = variantSuppression(minCellCount, Number(counts?.[0] ?? 0), Number(counts?.[1] ?? 0));
  return page;
}
