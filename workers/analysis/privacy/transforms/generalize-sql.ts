import { quoteLiteral } from '../../../db/quote.js';

/** Defaults of the generalising transforms (see `Transform` in engine/api-privacy.ts). */
export const DEFAULT_AGE_BAND_WIDTH = 5;
export const DEFAULT_AGE_TOP_CODE = 90;
export const DEFAULT_RARE_MIN_COUNT = 5;

/**
 * Numbers → VARCHAR band labels: `0-4`, `5-9`, … for width 5; values ≥ topCode → `90+`; the band just
 * under topCode ends at topCode − 1 when topCode is not a multiple of width (width 10, topCode 85: `80-84`,
 * `85+`); a band of one value is labelled by that value alone. Expects no negative values (checked first).
 */
export function ageBandSql(columnSql: string, width: number, topCode: number): string {
  const lower = `(CAST(floor(CAST(${columnSql} AS DOUBLE) / ${width}) AS BIGINT) * ${width})`;
  const upper = `least(${lower} + ${width - 1}, ${topCode - 1})`;
  return `CASE WHEN ${columnSql} IS NULL THEN NULL`
    + ` WHEN ${columnSql} >= ${topCode} THEN ${quoteLiteral(`${topCode}+`)}`
    + ` WHEN ${lower} = ${upper} THEN CAST(${lower} AS VARCHAR)`
    + ` ELSE CAST(${lower} AS VARCHAR) || '-' || CAST(${upper} AS VARCHAR) END`;
}

/** A query counting the values no age band fits (negative numbers, NaN): ageBands is refused while there are any. */
export function ageBandMisfitsSql(relation: string, columnSql: string): string {
  return `SELECT count(*) FROM ${relation} WHERE ${columnSql} < 0 OR isnan(CAST(${columnSql} AS DOUBLE))`;
}

/** The first `keep` characters (Unicode code points) of a text. */
export function truncateSql(columnSql: string, keep: number): string {
  return `left(${columnSql}, ${keep})`;
}

/** A date or timestamp → the first day (midnight) of its year or month, keeping the column's type. */
export function generalizeDateSql(columnSql: string, type: string, to: 'year' | 'month'): string {
  return `CAST(date_trunc(${quoteLiteral(to)}, ${columnSql}) AS ${type})`;
}

/**
 * Values held by fewer than `minCount` rows → `replacement` (null: SQL NULL). Nulls stay null and are not
 * counted as a value. A window count, so the expression stands alone in any SELECT over the table.
 */
export function suppressRareSql(columnSql: string, type: string, minCount: number, replacement: string | null): string {
  const replacementSql = replacement === null ? 'NULL' : `CAST(${quoteLiteral(replacement)} AS ${type})`;
  return `CASE WHEN ${columnSql} IS NOT NULL AND count(*) OVER (PARTITION BY ${columnSql}) < ${minCount}`
    + ` THEN ${replacementSql} ELSE ${columnSql} END`;
}
