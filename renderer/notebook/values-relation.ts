/**
 * A result page held in memory (a Kaplan–Meier curve, Table 1, a trend) as SQL: a VALUES list with each column cast
 * to its type, so SQL cells can join and filter it like any table. Values are written as literals (numbers,
 * quoted strings), never pasted as SQL.
 */
import type { ResultColumn, ResultPage } from '../../workers/engine/api.js';
import { pageValue } from './page-values.js';
import { quoteIdentifier } from './quote-identifier.js';

function sqlType(column: ResultColumn): string {
  switch (column.data.kind) {
    case 'number': return /^(DOUBLE|FLOAT|REAL|DECIMAL|INTEGER|BIGINT|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/i.test(column.type) ? column.type : 'DOUBLE';
    case 'bigint': return /INT/i.test(column.type) ? column.type : 'BIGINT';
    case 'boolean': return 'BOOLEAN';
    case 'json': return 'JSON';
    case 'string': return /^(DATE|TIMESTAMP|TIME|INTERVAL|UUID|DECIMAL)/i.test(column.type) ? column.type : 'VARCHAR';
  }
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `'${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}'`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replace(/'/g, "''")}'`;
}

export function valuesRelationSql(page: ResultPage): string {
  const columns = page.columns;
  if (columns.length === 0) return 'SELECT 1 AS empty WHERE false';
  const placeholders = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => `CAST(${placeholders[i]} AS ${sqlType(c)}) AS ${quoteIdentifier(c.name)}`).join(', ');
  const rows: string[] = [];
  for (let row = 0; row < page.rowCount; row++) rows.push(`(${columns.map((c) => literal(pageValue(c, row))).join(', ')})`);
  if (rows.length === 0) return `SELECT ${select} FROM (VALUES (${columns.map(() => 'NULL').join(', ')})) AS v(${placeholders.join(', ')}) WHERE false`;
  return `SELECT ${select} FROM (VALUES ${rows.join(',\n')}) AS v(${placeholders.join(', ')})`;
}
