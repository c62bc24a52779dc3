import { renderCsv } from './csv.js';
import { renderJsonRows } from './json.js';
import { renderTable } from './table.js';
import type { Tabular } from './tabular.js';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Renders rows in the chosen format: an aligned table, CSV with a header line, or a JSON array of objects. */
export function renderTabular(data: Tabular, format: OutputFormat): string {
  switch (format) {
    case 'table': return renderTable(data);
    case 'csv': return renderCsv(data);
    case 'json': return renderJsonRows(data);
  }
}

/** `20,156` */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 row`, `20,156 rows` */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
