import { extname, resolve } from 'node:path';
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { PmwError } from '../engine/errors.js';
import { queryError } from './duckdb-errors.js';
import { quoteLiteral } from './quote.js';

const FORMATS: Record<string, string> = {
  '.csv': "(FORMAT csv, HEADER true)",
  '.parquet': '(FORMAT parquet)',
  '.json': '(FORMAT json, ARRAY true)',
};

/** `results.signals_x` → `"results"."signals_x"`, refusing anything that is not a plain table name. */
function quotedTable(table: string): string {
  if (!/^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)?$/u.test(table)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `"${table}" is not a table name`, hint: 'give a table such as results.signals_caers_1a2b3c' });
  }
  return table.split('.').map((part) => `"${part}"`).join('.');
}

/** The SQL to export: a table, or one read-only SELECT. */
async function exportSource(connection: DuckDBConnection, source: { table?: string; sql?: string }): Promise<string> {
  if (source.table) return `SELECT * FROM ${quotedTable(source.table)}`;
  const sql = source.sql?.trim().replace(/;+\s*$/, '');
  if (!sql) throw new PmwError({ code: 'BAD_REQUEST', message: 'nothing to export', hint: 'give a table or a SELECT' });
  const statements = await connection.extractStatements(sql).catch((e: unknown) => { throw queryError(e, sql); });
  const prepared = statements.count === 1 ? await statements.prepare(0).catch((e: unknown) => { throw queryError(e, sql); }) : null;
  if (!prepared || prepared.statementType !== StatementType.SELECT) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'only one SELECT statement can be exported', hint: 'export a table, or a single SELECT' });
  }
  return sql;
}

/** Writes the rows with DuckDB's COPY; the format follows the file's extension. */
export async function exportResult(
  connection: DuckDBConnection,
  source: { table?: string; sql?: string },
  path: string,
): Promise<{ path: string; rows: number; sql: string }> {
  const absolute = resolve(path);
  const format = FORMATS[extname(absolute).toLowerCase()];
  if (!format) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `cannot export to ${absolute}: unknown file type`, hint: 'name a .csv, .parquet or .json file' });
  }
  const select = await exportSource(connection, source);
  const copy = `COPY (${select}\n) TO ${quoteLiteral(absolute)} ${format}`;
  const reader = await connection.runAndReadAll(copy).catch((e: unknown) => { throw queryError(e, select); });
  const rows = Number(reader.getRowsJS()[0]?.[0] ?? 0);
  return { path: absolute, rows, sql: copy };
}
