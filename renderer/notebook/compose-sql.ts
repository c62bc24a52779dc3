/**
 * A SQL cell runs as its own text with the cells it reads in front as common table expressions:
 * `WITH "users" AS (…), "by_year" AS (…)` then the body. A body that starts with its own WITH (after comments)
 * joins that list: its WITH keyword is blanked out, so every character of the body keeps its line and column and
 * an error DuckDB reports in the body maps back to the cell exactly.
 */
import type { PmwErrorData } from '../../workers/engine/api.js';
import { quoteIdentifier } from './quote-identifier.js';

export interface CommonTable {
  name: string;
  /** A SELECT that may name the tables before it in the list. */
  sql: string;
}

export interface ComposedSql {
  sql: string;
  /** 1-based line of the composed text where the body's first line is. */
  bodyLine: number;
}

const LEADING_WITH = /^((?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*)(with)(\s+recursive)?\b/i;

/** The body without trailing semicolons and blank space, so it can sit inside parentheses. */
export function withoutTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/u, '');
}

export function composeSql(body: string, tables: readonly CommonTable[]): ComposedSql {
  if (tables.length === 0) return { sql: body, bodyLine: 1 };
  const own = LEADING_WITH.exec(body);
  let text = body;
  let keyword = 'WITH';
  if (own) {
    const [whole, leading, , recursive] = own as unknown as [string, string, string, string | undefined];
    if (recursive) keyword = 'WITH RECURSIVE';
    text = leading + ' '.repeat(whole.length - leading.length) + body.slice(whole.length);
  }
  const list = tables.map((t) => `${quoteIdentifier(t.name)} AS (\n${withoutTrailingSemicolons(t.sql)}\n)`).join(',\n');
  const prefix = `${keyword} ${list}${own ? ',' : ''}\n`;
  return { sql: prefix + text, bodyLine: prefix.split('\n').length };
}

/**
 * An engine error on composed SQL, with its line and column moved into the cell's own text. An error in one of
 * the tables in front loses its position: it is in another cell, which says so when it runs.
 */
export function errorInCell(error: PmwErrorData, composed: ComposedSql): PmwErrorData {
  if (composed.bodyLine === 1 || error.line === undefined) return error;
  const { line: _line, column: _column, ...rest } = error;
  if (error.line < composed.bodyLine) return { ...rest, message: error.message.replace(/\s*\(SQL line \d+, column \d+\)/, ' (in a cell this one reads)') };
  const line = error.line - composed.bodyLine + 1;
  return { ...rest, line, column: error.column, message: error.message.replace(/\(SQL line \d+, column (\d+)\)/, `(SQL line ${line}, column $1)`) } as PmwErrorData;
}
