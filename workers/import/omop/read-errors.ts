import type { DuckDBConnection } from '@duckdb/node-api';
import { duckDBErrorText } from '../../db/duckdb-errors.js';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import { PmwError } from '../../engine/errors.js';
import { csvImportError } from '../csv-errors.js';
import { fileVanishedError } from '../source.js';
import { parquetUnreadable, type ScannedFile } from './scan-folder-files.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** `a BIGINT`, `an INTEGER`. */
function withArticle(type: string): string {
  return `${/^[AEIOU]/i.test(type) ? 'an' : 'a'} ${type}`;
}

/**
 * A DuckDB error from reading one file of an OMOP import, as a PmwError that names the file, the line and
 * the column. `types` are the types asked for, by the file's column names; `origin` says who asks for them
 * (`the OMOP CDM`, `the mapping`).
 */
export async function fileReadError(
  connection: DuckDBConnection, error: unknown, scanned: ScannedFile, types: Record<string, string>, origin: string,
): Promise<PmwError> {
  const why = (column: string, fallback: string) => {
    const type = types[column] ?? fallback;
    return { type, reason: `${column} is ${type} in ${origin}` };
  };
  const text = duckDBErrorText(error);
  if (/No files found|No such file/i.test(text)) return fileVanishedError(scanned.source);
  if (scanned.source.format === 'parquet') return parquetReadError(connection, text, scanned, why);
  const conversion = /Error when converting column "([^"]+)"\. Could not convert string "([^"]*)" to '([^']+)'/.exec(text);
  const line = Number(/CSV Error on Line: (\d+)/.exec(text)?.[1] ?? NaN);
  if (!conversion || !Number.isFinite(line)) return csvImportError(error, scanned.source, scanned.delimiter);
  const [, column, value, duckType] = conversion as unknown as [string, string, string, string];
  const { type, reason } = why(column, duckType);
  const original = /Original Line: (.*)/.exec(text)?.[1];
  const index = scanned.columns.findIndex((c) => c.name === column);
  const at = original !== undefined && index >= 0 ? fieldStart(original, scanned.delimiter, index) : undefined;
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `line ${fmt(line)} of ${scanned.source.fileName}${at ? `, column ${at}` : ''}: ${column} holds "${value}", which is not ${withArticle(type)} (${reason})`,
    hint: 'fix that value (or empty it) and import again',
    file: scanned.source.path,
    line,
    ...(at ? { column: at } : {}),
  });
}

/** 1-based character position where field `index` starts in `line`, skipping delimiters inside double quotes. */
export function fieldStart(line: string, delimiter: string, index: number): number {
  let field = 0;
  let quoted = false;
  const characters = [...line];
  for (let i = 0; i < characters.length; i++) {
    if (field === index) return i + 1;
    const ch = characters[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) field += 1;
  }
  return characters.length + 1;
}

/**
 * Parquet files carry their own types; a text column whose value does not fit the CDM type is found by
 * scanning for its first bad row (DuckDB names the column, not the row).
 */
async function parquetReadError(
  connection: DuckDBConnection, text: string, scanned: ScannedFile, why: (column: string, fallback: string) => { type: string; reason: string },
): Promise<PmwError> {
  const cast = /Could not convert string '([^']*)' to (\w+) when casting from source column (\S+)/.exec(text);
  const column = cast?.[3];
  const target = column ? scanned.columns.find((c) => c.name === column) : undefined;
  if (!cast || !column || !target) return parquetUnreadable(new Error(text), scanned.source);
  const value = cast[1]!;
  const { type, reason } = why(column, cast[2]!);
  const row = await firstRowHolding(connection, scanned, column, value);
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `${row === null ? '' : `row ${fmt(row)} of `}${scanned.source.fileName}: ${column} holds "${value}", which is not ${withArticle(type)} (${reason})`,
    hint: 'fix that value in the source and write the Parquet file again',
    file: scanned.source.path,
  });
}

async function firstRowHolding(connection: DuckDBConnection, scanned: ScannedFile, column: string, value: string): Promise<number | null> {
  try {
    const reader = await connection.runAndReadAll(
      `SELECT min(file_row_number) + 1 FROM read_parquet(${quoteLiteral(scanned.source.path)}, file_row_number = true)
        WHERE CAST(${quoteIdentifier(column)} AS VARCHAR) = $1`, [value]);
    const row = reader.getRowsJS()[0]?.[0];
    return row === null || row === undefined ? null : Number(row);
  } catch {
    return null;
  }
}
