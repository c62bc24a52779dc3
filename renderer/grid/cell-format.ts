/**
 * The text of one cell of a columnar result page, for the grid (formatted for the locale) and for CSV
 * (exact, locale-free). 64-bit integers stay bigint end to end so no digit is lost.
 */
import type { ColumnValues } from '../../workers/engine/api.js';
import { formatNumber, locale } from '../i18n/i18n.js';

export function isNumericColumn(data: ColumnValues): boolean {
  return data.kind === 'number' || data.kind === 'bigint';
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

let bigintFormat: { locale: string; format: Intl.NumberFormat } | null = null;

function formatBigInt(value: bigint): string {
  const current = locale();
  if (bigintFormat?.locale !== current) bigintFormat = { locale: current, format: new Intl.NumberFormat(current) };
  return bigintFormat.format.format(value);
}

/** What the grid shows; `null` when the value is missing. */
export function displayCell(data: ColumnValues, index: number): string | null {
  const value = rawCell(data, index);
  if (value === null) return null;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return formatBigInt(value);
  return String(value);
}

/** What a CSV field holds: numbers in plain JavaScript notation, bigint exact, no grouping separators. */
export function csvCell(data: ColumnValues, index: number): string | null {
  const value = rawCell(data, index);
  return value === null ? null : String(value);
}
