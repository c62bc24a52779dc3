/**
 * The text of one cell of a columnar result page, for the grid (formatted for the locale) and for CSV
 * (exact, locale-free). 64-bit integers stay bigint end to end so no digit is lost.
 */
import type { ColumnValues } from '../../workers/engine/api.js';
import { formatNumber, isTinyNumber, locale } from '../i18n/i18n.js';

/** DuckDB numeric types; DECIMAL and HUGEINT arrive as exact text but still read as numbers. */
const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)(\(\d+, *\d+\))?$/i;

/** Numbers are right-aligned so digits line up. */
export function isNumericColumn(data: ColumnValues, type = ''): boolean {
  return data.kind === 'number' || data.kind === 'bigint' || NUMERIC_TYPE.test(type);
}

/** `null` for a missing value; the grid shows it distinctly, CSV leaves the field empty. */
export function rawCell(data: ColumnValues, index: number): string | number | bigint | boolean | null {
  switch (data.kind) {
    case 'number': return data.valid[index] ? (data.values[index] as number) : null;
    case 'bigint': return data.valid[index] ? (data.values[index] as bigint) : null;
    case 'boolean': return data.valid[index] ? data.values[index] === 1 : null;
    case 'string': return data.values[index] ?? null;
    case 'json': {
      const value = data.values[index];
      return value === null || value === undefined ? null : toJson(value);
    }
  }
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
}

/**
 * Grouping only from five digits on ('min2'): years and four-digit codes, common in clinical data, read
 * 1950 rather than 1,950, while 19,500 is still grouped.
 */
const GRID_NUMBER: Intl.NumberFormatOptions = { useGrouping: 'min2', maximumFractionDigits: 6 };

let gridFormat: { locale: string; format: Intl.NumberFormat } | null = null;

function formatGridNumber(value: number | bigint): string {
  if (typeof value === 'number' && (!Number.isFinite(value) || isTinyNumber(value))) return formatNumber(value);
  const current = locale();
  if (gridFormat?.locale !== current) gridFormat = { locale: current, format: new Intl.NumberFormat(current, GRID_NUMBER) };
  return gridFormat.format.format(value);
}

/** What the grid shows; `null` when the value is missing. */
export function displayCell(data: ColumnValues, index: number): string | null {
  const value = rawCell(data, index);
  if (value === null) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return formatGridNumber(value);
  return String(value);
}

/** What a CSV field holds: numbers in plain JavaScript notation, bigint exact, no grouping separators. */
export function csvCell(data: ColumnValues, index: number): string | null {
  const value = rawCell(data, index);
  return value === null ? null : String(value);
}
