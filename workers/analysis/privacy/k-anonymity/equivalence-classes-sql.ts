import type { KAnonymityClasses } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';

/**
 * SQL for equivalence classes: the rows grouped by the quasi-identifiers, null counting as a value of
 * its own (GROUP BY puts all nulls of a column in one group).
 */

/** Figures over class sizes `size` (and an optional set id `set_id`), one row per set. */
function classFigures(k: number, groupBy: string): string {
  return `SELECT ${groupBy === '' ? '' : `${groupBy}, `}count(*) AS classes, min(size) AS smallest,
    count(*) FILTER (WHERE size < ${k}) AS classes_below_k, coalesce(sum(size) FILTER (WHERE size < ${k}), 0) AS records_below_k`;
}

/** One row: classes, smallest, classes_below_k, records_below_k over `columns` of `relation`. */
export function classesSql(relation: string, columns: readonly string[], k: number): string {
  const keys = columns.map(quoteIdentifier).join(', ');
  return `${classFigures(k, '')} FROM (SELECT count(*) AS size FROM ${relation} GROUP BY ${keys})`;
}

/**
 * One row per column set (set_id = DuckDB's GROUPING() bit mask over `columns`: a 1 for each column left
 * out of the set, the first column the highest bit), from a single GROUPING SETS query.
 */
export function columnSetsSql(relation: string, columns: readonly string[], sets: readonly (readonly string[])[], k: number): string {
  const keys = columns.map(quoteIdentifier).join(', ');
  const groupingSets = sets.map((set) => `(${set.map(quoteIdentifier).join(', ')})`).join(', ');
  return `${classFigures(k, 'set_id')} FROM (SELECT GROUPING(${keys}) AS set_id, count(*) AS size FROM ${relation}
    GROUP BY GROUPING SETS (${groupingSets})) GROUP BY set_id`;
}

/** The GROUPING() value DuckDB gives the rows of `set`. */
export function groupingId(columns: readonly string[], set: readonly string[]): number {
  return columns.reduce((id, column, i) => (set.includes(column) ? id : id + 2 ** (columns.length - 1 - i)), 0);
}

/** A row of classesSql / columnSetsSql as KAnonymityClasses (no row: an empty table, all zero). */
export function readClasses(columns: readonly string[], row: Record<string, unknown> | undefined): KAnonymityClasses {
  return {
    columns: [...columns],
    classes: Number(row?.['classes'] ?? 0),
    smallestClass: Number(row?.['smallest'] ?? 0),
    recordsBelowK: Number(row?.['records_below_k'] ?? 0),
    classesBelowK: Number(row?.['classes_below_k'] ?? 0),
  };
}
