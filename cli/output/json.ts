import { jsonSafeInteger, jsonText } from './cell-text.js';
import type { Tabular } from './tabular.js';

/**
 * Numbers that travel as text (HUGEINT, DECIMAL, ...) become JSON numbers when a double holds them
 * exactly — `sum()` returns HUGEINT, and a count that reads as a string would surprise — else stay text.
 */
export function exactNumber(text: string): number | string {
  if (/^-?\d+$/.test(text)) return jsonSafeInteger(BigInt(text));
  if (!/^-?\d+\.\d+$/.test(text)) return text;
  const number = Number(text);
  const canonical = text.replace(/0+$/, '').replace(/\.$/, '').replace(/^(-?)0+(?=\d)/, '$1');
  return String(number) === canonical ? number : text;
}

/** A cell as JSON: 64-bit integers as numbers when exact, else strings; NaN and ±Infinity as strings. */
export function jsonCell(value: unknown, numeric = false): unknown {
  if (value === undefined) return null;
  if (numeric && typeof value === 'string') return exactNumber(value);
  if (typeof value === 'bigint') return jsonSafeInteger(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** An array of row objects keyed by column name, one row per line so large outputs stay greppable. */
export function renderJsonRows(data: Tabular): string {
  if (data.rowCount === 0) return '[]\n';
  const lines: string[] = [];
  for (let row = 0; row < data.rowCount; row++) {
    const object: Record<string, unknown> = {};
    data.columns.forEach((c, column) => { object[c.name] = jsonCell(data.value(row, column), c.numeric); });
    lines.push(jsonText(object));
  }
  return `[\n${lines.join(',\n')}\n]\n`;
}

/** Any value as indented JSON (catalog entries, profiles, audit entries). */
export function renderJson(value: unknown): string {
  return jsonText(value, 2) + '\n';
}
