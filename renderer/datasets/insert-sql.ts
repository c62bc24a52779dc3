/**
 * "Query this table": the dataset browser asks whoever edits notebooks (the notebook view listens) to insert
 * a SQL cell, through a window event so neither imports the other.
 */
export const INSERT_SQL_EVENT = 'pmw:insert-sql';

export interface InsertSqlDetail {
  sql: string;
  /** The id of the notebook cell the new one goes below (a quality check's SQL); at the end when absent. */
  after?: string;
}

/** `"gibleed"."person"` from the catalog's unquoted `gibleed.person`; `"caers"` from `caers`. */
export function quoteTableName(table: string): string {
  return table.split('.').map((part) => `"${part.replaceAll('"', '""')}"`).join('.');
}

export function selectAllSql(table: string): string {
  return `SELECT * FROM ${quoteTableName(table)}`;
}

export function requestInsertSql(target: EventTarget, sql: string, after?: string): void {
  target.dispatchEvent(new CustomEvent<InsertSqlDetail>(INSERT_SQL_EVENT, { detail: after === undefined ? { sql } : { sql, after } }));
}
