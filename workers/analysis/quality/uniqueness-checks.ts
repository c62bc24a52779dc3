import { quoteIdentifier } from '../../db/quote.js';
import { quoteTableName } from '../../engine/catalog.js';
import type { QueryCheck } from './check-plan.js';
import { shortName } from './check-plan.js';
import { THRESHOLDS } from './thresholds.js';

/**
 * Rows that share their values of `columns` with another row, as DQD's isPrimaryKey counts them: every
 * row of a group of two or more, not only the extra copies. Grouping millions of distinct wide rows is
 * slow, so rows are first grouped by a 64-bit hash of the columns, and only the rows whose hash repeats
 * are grouped by the values themselves (a hash collision then costs time, never a wrong count). The
 * listing shows each group's rows together.
 */
function duplicatesCheck(table: string, columns: string[], head: Omit<QueryCheck, 'counts' | 'sql' | 'category' | 'threshold'>, where?: string): QueryCheck {
  const from = quoteTableName(table);
  const group = columns.map(quoteIdentifier).join(', ');
  const filter = where ? ` WHERE ${where}` : '';
  const and = where ? ` AND ${where}` : '';
  return {
    ...head,
    category: 'uniqueness',
    threshold: THRESHOLDS.uniqueness,
    counts: `WITH repeated AS (SELECT hash(${group}) AS h FROM ${from}${filter} GROUP BY h HAVING count(*) > 1)
SELECT coalesce((SELECT sum(n) FILTER (WHERE n > 1) FROM (SELECT count(*) AS n FROM ${from}
  WHERE hash(${group}) IN (SELECT h FROM repeated)${and} GROUP BY ${group})), 0),
  (SELECT count(*) FROM ${from}${filter})`,
    sql: `SELECT * FROM ${from}${filter}\nQUALIFY count(*) OVER (PARTITION BY ${group}) > 1\nORDER BY ${group}`,
  };
}

/** Whole rows that occur more than once (every column equal, nulls equal to nulls). */
export function duplicateRowsCheck(table: string, columns: string[]): QueryCheck {
  return duplicatesCheck(table, columns, {
    id: `uniqueness.duplicate_rows.${shortName(table)}`,
    description: 'rows that occur more than once (every column the same)',
  });
}

/** Rows whose key (every key column not null) another row has too. */
export function duplicateKeyCheck(table: string, key: string[]): QueryCheck {
  const notNull = key.map((k) => `${quoteIdentifier(k)} IS NOT NULL`).join(' AND ');
  return duplicatesCheck(table, key, {
    id: `uniqueness.key.${shortName(table)}`,
    ...(key.length === 1 ? { column: key[0]! } : {}),
    description: `rows whose key (${key.join(', ')}) another row has too`,
  }, notNull);
}
