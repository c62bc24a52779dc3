import type { DuckDBConnection } from '@duckdb/node-api';
import { duckDBErrorText } from '../../db/duckdb-errors.js';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import { PmwError } from '../../engine/errors.js';
import { csvImportError } from '../csv-errors.js';
import { fileVanishedError } from '../source.js';
import type { ScannedFile } from './scan-folder-files.js';

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
  const text = duckDBErrorText(error);
  if (/No files found|No such file/i.test(text)) return fileVanishedError(scanned.source);
  if (scanned.source.format === 'parquet') return parquetReadError(connection, text, scanned, types, origin);
  const conversion = /Error when converting column "([^"]+)"\. Could not convert string "([^"]*)" to '([^']+)'/.exec(text);
  const line = Number(/CSV Error on Line: (\d+)/.exec(text)?.[1] ?? NaN);
  if (!conversion || !Number.isFinite(line)) return csvImportError(error, scanned.source, scanned.delimiter);
  const [, column, value, duckType] = conversion as unknown as [string, string, string, string];
  const type = types[column] ?? duckType;
  const original = /Original Line: (.*)/.exec(text)?.[1];
  const index = scanned.columns.findIndex((c) => c.name === column);
  const at = original !== undefined && index >= 0 ? fieldStart(original, scanned.delimiter, index) : undefined;
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `line ${fmt(line)} of ${scanned.source.fileName}${at ? `, column ${at}` : ''}: ${column} holds "${value}", which is not ${withArticle(type)} (${column} is ${type} in ${origin})`,
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
 * Parquet files carry their own types; DuckDB names neither the column nor the row of a value that does
 * not cast, so the columns that needed a cast are searched, in file order, for their first such value.
 */
async function parquetReadError(
  connection: DuckDBConnection, text: string, scanned: ScannedFile, types: Record<string, string>, origin: string,
): Promise<PmwError> {
  const found = await firstUncastValue(connection, scanned, types);
  const name = scanned.source.fileName;
  if (!found) {
    return new PmwError({
      code: 'FILE_FORMAT',
      message: `${name}: a value does not fit its column type in ${origin} (${text.split('\n')[0]?.replace(/^.*?Error: /, '')})`,
      hint: 'check the column types of the file against the OMOP CDM, fix the values and write the Parquet file again',
      file: scanned.source.path,
    });
  }
  const { row, column, value, type } = found;
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `row ${fmt(row)} of ${name}: ${column} holds "${value}", which is not ${withArticle(type)} (${column} is ${type} in ${origin})`,
    hint: 'fix that value in the source and write the Parquet file again',
    file: scanned.source.path,
  });
}

async function firstUncastValue(
  connection: DuckDBConnection, scanned: ScannedFile, types: Record<string, string>,
): Promise<{ row: number; column: string; value: string; type: string } | null> {
  const read = `read_parquet(${quoteLiteral(scanned.source.path)}, file_row_number = true)`;
  let first: { row: number; column: string; value: string; type: string } | null = null;
  for (const { name, type: fileType } of scanned.columns) {
    const type = types[name];
    if (type === undefined || type === fileType) continue;
    const column = quoteIdentifier(name);
    const value = fileType === 'VARCHAR' ? `NULLIF(trim(${column}), '')` : column;
    const reader = await connection.runAndReadAll(
      `SELECT file_row_number + 1, CAST(${column} AS VARCHAR) FROM ${read}
        WHERE ${value} IS NOT NULL AND TRY_CAST(${value} AS ${type}) IS NULL ORDER BY file_row_number LIMIT 1`);
    const hit = reader.getRowsJS()[0];
    if (hit && (first === null || Number(hit[0]) < first.row)) first = { row: Number(hit[0]), column: name, value: String(hit[1]), type };
  }
  return first;
}
