/**
 * Manhattan and QQ plot data of an association result table (AssociationResult.resultTable), as SQL over
 * it: nothing extra is stored, any p-value column can be plotted, and a page of points is read like any
 * query. Variants without the p-value (NULL) are left out.
 *
 * - QQ: the i-th smallest of n p-values against the expected −log₁₀((i − 0.5)/n) (stats/genetics/qq-expected.ts).
 * - Manhattan: −log₁₀ p at a genome-wide x: position plus the summed lengths (largest tested position) of
 *   the chromosomes before it, in the order 1–22, X, Y, M/MT, then others by name; `chr` prefixes ignored.
 * - λ: median χ² over the median of χ²₁ (qq-expected.ts genomicInflation, computed by DuckDB's median).
 *
 * p = 0 (underflow) gives an infinite −log₁₀ p; plots clamp it.
 */
import { pageQuery } from '../../db/page-query.js';
import type { Task } from '../../db/tasks.js';
import type { ResultPage } from '../../engine/api.js';
import { quoteTableName } from '../../engine/catalog.js';
import { PmwError } from '../../engine/errors.js';
import { CHI_SQUARE_1_MEDIAN } from '../../stats/genetics/qq-expected.js';

export const P_COLUMNS = ['p_chisq', 'p_fisher', 'p_trend', 'hwe_p'] as const;
export type PColumn = (typeof P_COLUMNS)[number];

function checkedColumn(column: string): PColumn {
  if (!(P_COLUMNS as readonly string[]).includes(column)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `"${column}" is not a p-value column of an association`, hint: `use one of ${P_COLUMNS.join(', ')}` });
  }
  return column as PColumn;
}

/** Columns `variant_id, chrom, pos, p, observed, expected` in order of p. */
export function qqPlotSql(resultTable: string, column: string = 'p_chisq'): string {
  const p = checkedColumn(column);
  return `SELECT variant_id, chrom, pos, p, -log10(p) AS observed,
      -log10((row_number() OVER (ORDER BY p, variant_id) - 0.5) / count(*) OVER ()) AS expected
    FROM (SELECT variant_id, chrom, pos, "${p}" AS p FROM ${quoteTableName(resultTable)} WHERE "${p}" IS NOT NULL)
    ORDER BY p, variant_id`;
}

/** Columns `variant_id, chrom, chrom_index, pos, x, minus_log10_p, p` in genome order. */
export function manhattanSql(resultTable: string, column: string = 'p_chisq'): string {
  const p = checkedColumn(column);
  const key = "regexp_replace(lower(chrom), '^chr', '')";
  return `WITH hits AS (SELECT variant_id, chrom, pos, "${p}" AS p FROM ${quoteTableName(resultTable)} WHERE "${p}" IS NOT NULL),
    chromosomes AS (SELECT chrom, max(pos) AS length, TRY_CAST(${key} AS INTEGER) AS number,
        CASE ${key} WHEN 'x' THEN 1 WHEN 'y' THEN 2 WHEN 'm' THEN 3 WHEN 'mt' THEN 3 ELSE 4 END AS rank, ${key} AS name
      FROM hits GROUP BY chrom),
    placed AS (SELECT chrom, row_number() OVER genome - 1 AS chrom_index,
        coalesce(sum(length) OVER (genome ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
      FROM chromosomes WINDOW genome AS (ORDER BY number NULLS LAST, rank, name))
    SELECT h.variant_id, h.chrom, c.chrom_index::INTEGER AS chrom_index, h.pos, (c.start + h.pos)::DOUBLE AS x, -log10(h.p) AS minus_log10_p, h.p
    FROM hits h JOIN placed c ON c.chrom = h.chrom ORDER BY x, h.variant_id`;
}

/** One page of QQ or Manhattan points. */
export function plotPage(task: Task, resultTable: string, plot: 'qq' | 'manhattan', options: { column?: PColumn; limit?: number; offset?: number } = {}): Promise<ResultPage> {
  const sql = plot === 'qq' ? qqPlotSql(resultTable, options.column) : manhattanSql(resultTable, options.column);
  return pageQuery(task, sql, { limit: options.limit, offset: options.offset, count: true });
}

/** λ of the allelic χ² column (NaN when no variant has one). */
export async function genomicInflationOf(task: Task, resultTable: string): Promise<number> {
  const reader = await task.connection.runAndReadAll(`SELECT median(chisq) / ${CHI_SQUARE_1_MEDIAN} FROM ${quoteTableName(resultTable)}`);
  const value = reader.getRowsJS()[0]?.[0];
  return value === null || value === undefined ? NaN : Number(value);
}
