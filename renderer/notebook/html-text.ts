/** Small pieces of HTML as strings, everything escaped: the notebook output renderers and `pmw run` share them. */
import type { ResultColumn } from '../../workers/engine/api.js';
import { formatNumber } from '../i18n/i18n.js';
import { pageValue } from './page-values.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A value as table text: numbers to four significant digits past the decimal point, missing values empty. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? formatNumber(value) : formatNumber(value, { maximumSignificantDigits: 4 });
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function cellText(column: ResultColumn, row: number): string {
  return displayValue(pageValue(column, row));
}

/** A `<table>` from a header and rows of already-plain text; numeric columns (`numeric[i]`) are right-aligned. */
export function htmlTable(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${numeric[i] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<thead><tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('\n')}</tbody>`;
  return `<table>${head}\n${body}</table>`;
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}
