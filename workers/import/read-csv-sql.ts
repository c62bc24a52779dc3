import { quoteIdentifier, quoteLiteral } from '../db/quote.js';
import { PmwError } from '../engine/errors.js';
import type { Compression } from './source.js';

export interface ReadCsvOptions {
  delimiter: string;
  quote?: string;
  escape?: string;
  header?: boolean;
  encoding: 'utf-8' | 'latin-1';
  compression: Compression;
  columnTypes?: Record<string, string>;
}

const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?$/;

/** A type name from the user, checked before it goes into SQL text (DuckDB takes no parameter there). */
export function checkedTypeName(column: string, type: string): string {
  const trimmed = type.trim();
  if (!TYPE_PATTERN.test(trimmed)) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `"${type}" is not a column type (for column ${column})`,
      hint: 'use a DuckDB type such as VARCHAR, BIGINT, DOUBLE, DATE, TIMESTAMP or DECIMAL(10,2)',
    });
  }
  return trimmed.toUpperCase();
}

function oneCharacter(option: string, value: string): string {
  if ([...value].length !== 1 && !(option === 'quote' && value === '')) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `the ${option} must be one character, not "${value}"`, hint: `give a single character for the ${option}` });
  }
  return quoteLiteral(value);
}

/**
 * `read_csv(...)` with everything we decided spelled out. Strict mode makes DuckDB stop at the first
 * row that does not fit, with its line number, instead of guessing.
 */
export function buildReadCsvSql(path: string, options: ReadCsvOptions): string {
  const parts = [
    quoteLiteral(path),
    `delim = ${oneCharacter('delimiter', options.delimiter)}`,
    'strict_mode = true',
    // Never let the sniffer skip leading lines: with a ragged last row it took that row for the header
    // and silently dropped every line above it.
    'skip = 0',
    `encoding = ${quoteLiteral(options.encoding)}`,
    `compression = ${quoteLiteral(options.compression === 'gzip' ? 'gzip' : 'none')}`,
  ];
  if (options.quote !== undefined) parts.push(`quote = ${oneCharacter('quote', options.quote)}`);
  if (options.escape !== undefined) parts.push(`escape = ${oneCharacter('escape', options.escape)}`);
  if (options.header !== undefined) parts.push(`header = ${options.header}`);
  const types = Object.entries(options.columnTypes ?? {});
  if (types.length > 0) {
    const struct = types.map(([column, type]) => `${quoteLiteral(column)}: ${quoteLiteral(checkedTypeName(column, type))}`);
    parts.push(`types = {${struct.join(', ')}}`);
  }
  return `read_csv(${parts.join(', ')})`;
}

export function buildReadParquetSql(path: string, columnTypes: Record<string, string> | undefined): string {
  const source = `read_parquet(${quoteLiteral(path)})`;
  const casts = Object.entries(columnTypes ?? {});
  if (casts.length === 0) return source;
  return `(SELECT * REPLACE (${casts
    .map(([column, type]) => `CAST(${quoteIdentifier(column)} AS ${checkedTypeName(column, type)}) AS ${quoteIdentifier(column)}`)
    .join(', ')}) FROM ${source})`;
}
