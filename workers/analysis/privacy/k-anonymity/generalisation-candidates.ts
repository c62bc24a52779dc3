import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, Transform } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';
import { isDateType, isFractionalType, isNumberType, isTextType } from '../transforms/column-types.js';
import { ageBandMisfitsSql } from '../transforms/generalize-sql.js';
import { readCount } from '../transforms/read-count.js';

/**
 * A generalisation worth trying on one quasi-identifier. Candidates of one family come finest first
 * (5-year before 10-year bands, month before year, 3 characters before 2), so a coarser one can be
 * dropped when it does no better than a finer one.
 */
export interface Candidate {
  transform: Transform;
  /** Transforms of one family on one column coarsen the same way: `ageBands`, `generalizeDate`, … */
  family: string;
  /** What it does, for the suggestion's description. */
  what: string;
}

/** `ageYears`, `AGE_AT_INDEX`, `patient_age`, `年龄` → true; `stage`, `dosage`, `page` → false. */
export function isAgeName(name: string): boolean {
  if (/年龄|岁/.test(name)) return true;
  const words = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z]+/);
  return words.includes('age') || words.includes('ages');
}

/** `postcode`, `zip_code`, `ZIP`, `postal_code`, `邮编` → true. */
export function isPostcodeName(name: string): boolean {
  return /post_?code|postal|zip|邮编|邮政编码/i.test(name);
}

/** Whole values that look like postcodes: 5 digits (US ZIP) or 6 digits (China). */
const POSTCODE_PATTERN = '[0-9]{5,6}';

async function looksLikeAges(connection: DuckDBConnection, relation: string, column: ColumnInfo): Promise<boolean> {
  // ageBands refuses negative values and NaN, so a column holding any is not offered age bands.
  return isAgeName(column.name) && (await readCount(connection, ageBandMisfitsSql(relation, quoteIdentifier(column.name)))) === 0;
}

async function looksLikePostcodes(connection: DuckDBConnection, relation: string, column: ColumnInfo): Promise<boolean> {
  if (isPostcodeName(column.name)) return true;
  const name = quoteIdentifier(column.name);
  const misfits = await readCount(connection,
    `SELECT CASE WHEN count(${name}) = 0 THEN 1 ELSE count(*) FILTER (WHERE NOT regexp_full_match(${name}, '${POSTCODE_PATTERN}')) END FROM ${relation} WHERE ${name} IS NOT NULL`);
  return misfits === 0;
}

/**
 * The generalisations to try on one quasi-identifier of `table`: age bands of 5 and 10 years for
 * age-like numbers, the month and the year for dates, the first 3 and 2 characters for postcode-like
 * text, and suppression of values held by fewer than k rows for categorical columns (text, whole
 * numbers and booleans that are not ages). Continuous numbers get none.
 */
export async function candidateGeneralisations(connection: DuckDBConnection, table: string, relation: string, column: ColumnInfo, k: number): Promise<Candidate[]> {
  const on = { column: column.name, table };
  if (isDateType(column.type)) {
    return (['month', 'year'] as const).map((to) => ({ transform: { kind: 'generalizeDate', ...on, to }, family: 'generalizeDate', what: `${column.name} to the first day of its ${to}` }));
  }
  if (isNumberType(column.type) && (await looksLikeAges(connection, relation, column))) {
    return [5, 10].map((width) => ({
      transform: { kind: 'ageBands', ...on, width, topCode: 90 }, family: 'ageBands', what: `${column.name} in ${width}-year bands, 90 and over as "90+"`,
    }));
  }
  if (isFractionalType(column.type)) return [];
  const candidates: Candidate[] = [];
  if (isTextType(column.type) && (await looksLikePostcodes(connection, relation, column))) {
    for (const keep of [3, 2]) candidates.push({ transform: { kind: 'truncate', ...on, keep }, family: 'truncate', what: `${column.name} cut to its first ${keep} characters` });
  }
  candidates.push({
    transform: { kind: 'suppressRare', ...on, minCount: k, replacement: null }, family: 'suppressRare',
    what: `${column.name} values held by fewer than ${k} rows set to null`,
  });
  return candidates;
}
