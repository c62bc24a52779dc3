import { jsonText } from './cell-text.js';
import type { Tabular } from './tabular.js';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * NULL is an empty field and the empty string a quoted empty field, so the two stay apart.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value === '' ? '""' : quoteIfNeeded(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return quoteIfNeeded(jsonText(value));
}

function quoteIfNeeded(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, lines ending in `\n`. */
export function renderCsv(data: Tabular): string {
  const lines = [data.columns.map((c) => csvField(c.name)).join(',')];
  for (let row = 0; row < data.rowCount; row++) {
    lines.push(data.columns.map((_c, column) => csvField(data.value(row, column))).join(','));
  }
  return lines.join('\n') + '\n';
}
