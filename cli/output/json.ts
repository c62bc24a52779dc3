import { jsonSafeInteger, jsonText } from './cell-text.js';
import type { Tabular } from './tabular.js';

/** A cell as JSON: 64-bit integers as numbers when exact, else strings; NaN and ±Infinity as strings. */
export function jsonCell(value: unknown): unknown {
  if (value === undefined) return null;
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
    data.columns.forEach((c, column) => { object[c.name] = jsonCell(data.value(row, column)); });
    lines.push(jsonText(object));
  }
  return `[\n${lines.join(',\n')}\n]\n`;
}

/** Any value as indented JSON (catalog entries, profiles, audit entries). */
export function renderJson(value: unknown): string {
  return jsonText(value, 2) + '\n';
}
