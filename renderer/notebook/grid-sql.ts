/**
 * The SQL behind a page of the result grid: a cell's relation filtered and sorted in the Engine. Column names are
 * checked against the relation's and quoted; filter text goes in as parameters, never into the SQL text.
 */
import type { GridRequest } from './notebook.js';
import { NotebookError } from './notebook-error.js';
import { quoteIdentifier } from './quote-identifier.js';

export function gridQuery(relationSql: string, columns: readonly string[], request: GridRequest): { sql: string; params: string[] } {
  const checked = (column: string): string => {
    if (!columns.includes(column)) {
      throw new NotebookError({ code: 'BAD_REQUEST', message: `the result has no column ${column}`, hint: `its columns are ${columns.join(', ')}` });
    }
    return quoteIdentifier(column);
  };
  const params: string[] = [];
  const where = (request.filters ?? []).filter((f) => f.text !== '').map((f) => {
    params.push(f.text);
    return `contains(lower(CAST(${checked(f.column)} AS VARCHAR)), lower(?))`;
  });
  const order = (request.orderBy ?? []).map((o) => `${checked(o.column)} ${o.descending ? 'DESC' : 'ASC'} NULLS LAST`);
  const sql = `SELECT * FROM (\n${relationSql}\n) AS relation`
    + (where.length > 0 ? `\nWHERE ${where.join(' AND ')}` : '')
    + (order.length > 0 ? `\nORDER BY ${order.join(', ')}` : '');
  return { sql, params };
}
