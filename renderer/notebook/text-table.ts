/**
 * A table as plain text in the current language — header, rows, which columns are numbers — built once and drawn
 * twice: as DOM in the app, as an HTML string in the report. Also the number formats those tables share.
 */
import { formatNumber, locale } from '../i18n/i18n.js';

export interface TextTable {
  header: string[];
  rows: string[][];
  /** Right-aligned (number) columns. */
  numeric: boolean[];
}

export const count = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : formatNumber(value, { maximumFractionDigits: 0 });

/** A share (0..1) as a percentage with three significant digits, so 0.002 % does not read 0 %. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  if (share === 0) return formatNumber(0, { style: 'percent' });
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumSignificantDigits: 3 }).format(share);
}
