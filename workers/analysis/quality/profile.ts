import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import type { ColumnInfo, ColumnProfile, HistogramBin } from '../../engine/api.js';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/i;
const TEMPORAL = /^(DATE|TIMESTAMP.*)$/i;
const NESTED = /[\[\]]|^(STRUCT|MAP|UNION)/i;
const MAX_VALUE_CHARS = 200;
/**
 * Below this many rows distinct counts are exact. HyperLogLog can be off by a fifth on small tables
 * (1,232 for 1,000 ids in our samples), which a user would rightly call wrong.
 */
export const EXACT_DISTINCT_ROWS = 5_000_000;

/** Per column: nulls, approximate distinct count, min/max, the most frequent values and a histogram. */
export async function profileTable(
  connection: DuckDBConnection,
  quotedTable: string,
  columns: ColumnInfo[],
  options: { bins: number; top: number },
): Promise<ColumnProfile[]> {
  const rows = await rowCount(connection, quotedTable);
  const exact = rows <= EXACT_DISTINCT_ROWS;
  const summary = await summarize(connection, quotedTable, columns, exact);
  const profiles: ColumnProfile[] = [];
  for (const [index, column] of columns.entries()) {
    const stats = summary[index]!;
    const nested = NESTED.test(column.type);
    profiles.push({
      name: column.name,
      type: column.type,
      rows: stats.rows,
      nulls: stats.nulls,
      distinct: stats.distinct,
      distinctIsExact: exact,
      min: stats.min,
      max: stats.max,
      topValues: nested ? [] : await topValues(connection, quotedTable, column.name, options.top),
      histogram: NUMERIC.test(column.type) || TEMPORAL.test(column.type)
        ? await histogram(connection, quotedTable, column, options.bins)
        : null,
    });
  }
  return profiles;
}

interface ColumnSummary { rows: number; nulls: number; distinct: number; min: string | null; max: string | null }

async function rowCount(connection: DuckDBConnection, table: string): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}

/** One scan for every column's counts and extremes. */
async function summarize(connection: DuckDBConnection, table: string, columns: ColumnInfo[], exact: boolean): Promise<ColumnSummary[]> {
  if (columns.length === 0) return [];
  const parts = columns.flatMap((column) => {
    const c = quoteIdentifier(column.name);
    const comparable = !NESTED.test(column.type);
    return [
      `count(${c})`,
      exact ? `count(DISTINCT ${c})` : `approx_count_distinct(${c})`,
      comparable ? `min(${c})::VARCHAR` : 'NULL',
      comparable ? `max(${c})::VARCHAR` : 'NULL',
    ];
  });
  const reader = await connection.runAndReadAll(`SELECT count(*), ${parts.join(', ')} FROM ${table}`);
  const row = reader.getRowsJS()[0] ?? [];
  const rows = Number(row[0] ?? 0);
  return columns.map((_, i) => {
    const at = 1 + i * 4;
    const nonNull = Number(row[at] ?? 0);
    return {
      rows,
      nulls: rows - nonNull,
      distinct: Number(row[at + 1] ?? 0),
      min: clip(row[at + 2]),
      max: clip(row[at + 3]),
    };
  });
}

async function topValues(connection: DuckDBConnection, table: string, name: string, top: number): Promise<ColumnProfile['topValues']> {
  const c = quoteIdentifier(name);
  const reader = await connection.runAndReadAll(
    `SELECT ${c}::VARCHAR AS v, count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v LIMIT $1`,
    [top],
  );
  return reader.getRowsJS().map((r) => ({ value: clip(r[0]) ?? '', count: Number(r[1]) }));
}

/**
 * Equal-width bins between min and max. Dates and timestamps are binned on epoch days so that the edges
 * are plain numbers; the last bin includes the maximum.
 */
async function histogram(connection: DuckDBConnection, table: string, column: ColumnInfo, bins: number): Promise<HistogramBin[]> {
  const c = quoteIdentifier(column.name);
  const x = TEMPORAL.test(column.type) ? `(epoch(${c}) / 86400.0)` : `${c}::DOUBLE`;
  const reader = await connection.runAndReadAll(
    `WITH v AS (SELECT ${x} AS x FROM ${table} WHERE ${c} IS NOT NULL),
          r AS (SELECT min(x) AS lo, max(x) AS hi FROM v)
     SELECT r.lo, r.hi,
            CASE WHEN r.hi = r.lo THEN 0 ELSE least(floor((v.x - r.lo) / ((r.hi - r.lo) / $1))::BIGINT, $1 - 1) END AS bin,
            count(*) AS n
     FROM v, r GROUP BY ALL ORDER BY bin`,
    [bins],
  );
  const rows = reader.getRowsJS();
  const first = rows[0];
  if (!first) return [];
  const lo = Number(first[0]);
  const hi = Number(first[1]);
  const count = hi === lo ? 1 : bins;
  const width = hi === lo ? 0 : (hi - lo) / bins;
  const result: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    lo: lo + i * width,
    hi: i === count - 1 ? hi : lo + (i + 1) * width,
    count: 0,
  }));
  for (const r of rows) result[Number(r[2])]!.count = Number(r[3]);
  return result;
}

function clip(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
