import type { Transform } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';
import { PmwError } from '../../../engine/errors.js';
import { dateShiftOffsetSql, shiftDateSql } from './date-shift-sql.js';
import {
  DEFAULT_AGE_BAND_WIDTH, DEFAULT_AGE_TOP_CODE, DEFAULT_RARE_MIN_COUNT,
  ageBandSql, generalizeDateSql, suppressRareSql, truncateSql,
} from './generalize-sql.js';
import { hmacSha256HexSql } from './hmac-sql.js';

/**
 * The one place a transform becomes SQL. applyTransforms rewrites tables with these expressions and
 * kAnonymity predicts a generalisation's effect with the same ones, so the two always agree.
 */

/** Column types of the table the transform reads, by column name. */
export type ColumnTypes = ReadonlyMap<string, string>;

/** What `hash` and `shiftDates` need besides the transform: the workspace key (64 hex characters). */
export interface TransformKeys {
  secretHex?: string;
  /** ± days for `shiftDates` without `maxDays`. */
  dateShiftDays?: number;
}

function typeOf(types: ColumnTypes, column: string): string {
  const type = types.get(column);
  if (type === undefined) throw new PmwError({ code: 'INTERNAL', message: `no type known for column "${column}"` });
  return type;
}

function secretOf(keys: TransformKeys): string {
  if (keys.secretHex === undefined) throw new PmwError({ code: 'INTERNAL', message: 'a keyed transform was built without the workspace secret' });
  return keys.secretHex;
}

/** Each column the transform rewrites → the SQL expression for its new value (empty for `drop`). */
export function replacementExpressions(transform: Transform, types: ColumnTypes, keys: TransformKeys = {}): Map<string, string> {
  const expressions = new Map<string, string>();
  if (transform.kind === 'drop') return expressions;
  if (transform.kind === 'shiftDates') {
    const maxDays = transform.maxDays ?? keys.dateShiftDays;
    if (maxDays === undefined) throw new PmwError({ code: 'INTERNAL', message: 'shiftDates was built without maxDays' });
    const offset = dateShiftOffsetSql(secretOf(keys), quoteIdentifier(transform.person), maxDays);
    for (const column of transform.columns) expressions.set(column, shiftDateSql(quoteIdentifier(column), typeOf(types, column), offset));
    return expressions;
  }
  const column = quoteIdentifier(transform.column);
  switch (transform.kind) {
    case 'hash':
      expressions.set(transform.column, hmacSha256HexSql(secretOf(keys), `CAST(${column} AS VARCHAR)`));
      break;
    case 'ageBands':
      expressions.set(transform.column, ageBandSql(column, transform.width ?? DEFAULT_AGE_BAND_WIDTH, transform.topCode ?? DEFAULT_AGE_TOP_CODE));
      break;
    case 'truncate':
      expressions.set(transform.column, truncateSql(column, transform.keep));
      break;
    case 'generalizeDate':
      expressions.set(transform.column, generalizeDateSql(column, typeOf(types, transform.column), transform.to));
      break;
    case 'suppressRare':
      expressions.set(transform.column, suppressRareSql(column, typeOf(types, transform.column), transform.minCount ?? DEFAULT_RARE_MIN_COUNT, transform.replacement ?? null));
      break;
  }
  return expressions;
}

/**
 * A SELECT over `relation` (a quoted table name or a parenthesised query) giving the rows as `transform`
 * leaves them, with `extraColumn` (an `expression AS name`) appended when given.
 */
export function transformedSelect(relation: string, transform: Transform, types: ColumnTypes, keys: TransformKeys = {}, extraColumn?: string): string {
  const extra = extraColumn === undefined ? '' : `, ${extraColumn}`;
  if (transform.kind === 'drop') return `SELECT * EXCLUDE (${quoteIdentifier(transform.column)})${extra} FROM ${relation}`;
  const replaced = [...replacementExpressions(transform, types, keys)].map(([column, sql]) => `${sql} AS ${quoteIdentifier(column)}`);
  return `SELECT * REPLACE (${replaced.join(', ')})${extra} FROM ${relation}`;
}

/**
 * A boolean SQL expression, true for a row whose value `transform` changes: any rewritten column's text
 * differs (IS DISTINCT FROM, so null → value counts). Compared as text because some transforms change
 * the type. Not for `drop`, which changes every row.
 */
export function changedRowSql(transform: Transform, types: ColumnTypes, keys: TransformKeys = {}): string {
  const differs = [...replacementExpressions(transform, types, keys)]
    .map(([column, sql]) => `CAST(${quoteIdentifier(column)} AS VARCHAR) IS DISTINCT FROM CAST(${sql} AS VARCHAR)`);
  return `(${differs.join(' OR ')})`;
}
