/**
 * The one aggregate pass over a table. Three levels over a single scan: the inner projection computes the
 * per-row bindings (a resident ID's leading digits as a number), the middle one each column's code, the
 * aggregate counts non-null values and takes a histogram of each code (a few distinct small integers), which
 * is decoded here into rows per outcome. A histogram costs about a tenth of counting each outcome with
 * its own count_if.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../../db/quote.js';
import type { ColumnPlan } from './column-checks.js';

export interface ColumnCounts {
  nonNull: number;
  /** Rows per outcome, in the order of `plan.outcomes`. */
  outcomes: number[];
}

export interface TableCounts {
  rows: number;
  columns: ColumnCounts[];
}

function codeAlias(index: number): string {
  return quoteIdentifier(`__pmw_code_${index}`);
}

/** The SELECT that counts rows, non-null values per column and the histogram of each column's code. */
export function buildCountSql(quotedTable: string, plans: ColumnPlan[]): string {
  if (plans.length === 0) return `SELECT count(*) FROM ${quotedTable}`;
  const columns = [...new Set(plans.map((p) => quoteIdentifier(p.column.name)))];
  const inner = [...columns, ...plans.flatMap((p) => p.bindings.map((b) => `${b.sql} AS ${b.alias}`))];
  const middle = [...columns, ...plans.map((p, i) => `${p.code} AS ${codeAlias(i)}`)];
  const outer = ['count(*)', ...plans.flatMap((p, i) => [`count(${quoteIdentifier(p.column.name)})`, `histogram(${codeAlias(i)})`])];
  return `SELECT ${outer.join(', ')} FROM (SELECT ${middle.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${quotedTable}))`;
}

/** Base-3 digit `place` of `code`. */
export function codeDigit(code: number, place: number): number {
  return Math.floor(code / 3 ** place) % 3;
}

/**
 * Counts for each plan. An empty table is settled by `count(*)` alone (DuckDB answers it from metadata):
 * binding the full pass costs some 20 ms per text column, which adds up over the many empty tables an OMOP
 * extract ships.
 */
export async function countMatches(connection: DuckDBConnection, quotedTable: string, plans: ColumnPlan[]): Promise<TableCounts> {
  const total = await connection.runAndReadAll(`SELECT count(*) FROM ${quotedTable}`);
  if (Number(total.getRowsJS()[0]?.[0] ?? 0) === 0) return { rows: 0, columns: plans.map((p) => ({ nonNull: 0, outcomes: p.outcomes.map(() => 0) })) };
  const reader = await connection.runAndReadAll(buildCountSql(quotedTable, plans));
  const row = reader.getRowsJS()[0] ?? [];
  const columns = plans.map((plan, i) => {
    // DuckDB's MAP comes back as a list of {key, value}; null when the table has no rows.
    const histogram = (row[2 + 2 * i] ?? []) as { key: unknown; value: unknown }[];
    const codes = histogram.map(({ key, value }) => [Number(key), Number(value)] as const);
    return {
      nonNull: Number(row[1 + 2 * i] ?? 0),
      outcomes: plan.outcomes.map((o) => codes.reduce((sum, [code, n]) => sum + (codeDigit(code, o.place) === o.digit ? n : 0), 0)),
    };
  });
  return { rows: Number(row[0] ?? 0), columns };
}
