import { createReadStream, createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
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

/** `# ` before each line of the note, for the top of a CSV file. */
function commentLines(note: string): string {
  return note.split(/\r?\n/).map((line) => `# ${line}`.trimEnd()).join('\n') + '\n';
}

/**
 * Writes the rows with DuckDB's COPY; the format follows the file's extension. A note goes first in a CSV (as
 * `# ` lines: COPY writes a temporary file that is then appended after them) and into a Parquet file's metadata.
 */
export async function exportResult(
  connection: DuckDBConnection,
  source: { table?: string; sql?: string },
  path: string,
  note?: string,
): Promise<{ path: string; rows: number; sql: string }> {
  const absolute = resolve(path);
  const extension = extname(absolute).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `cannot export to ${absolute}: unknown file type`, hint: 'name a .csv, .parquet or .json file' });
  }
  const select = await exportSource(connection, source);
  const noted = note !== undefined && note !== '';
  const target = noted && extension === '.csv' ? `${absolute}.pmw-partial` : absolute;
  const options = noted && extension === '.parquet' ? `(FORMAT parquet, KV_METADATA {pmw_note: ${quoteLiteral(note)}})` : format;
  const copy = `COPY (${select}\n) TO ${quoteLiteral(target)} ${options}`;
  const reader = await connection.runAndReadAll(copy).catch((e: unknown) => { throw queryError(e, select); });
  const rows = Number(reader.getRowsJS()[0]?.[0] ?? 0);
  if (target !== absolute) {
    try {
      await writeFile(absolute, commentLines(note!));
      await pipeline(createReadStream(target), createWriteStream(absolute, { flags: 'a' }));
    } finally {
      await rm(target, { force: true });
    }
  }
  return { path: absolute, rows, sql: copy };
}
