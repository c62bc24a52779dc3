/** A column's equal-width histogram as plain bars (no chart library: it is small and must render anywhere). */
import type { HistogramBin } from '../../workers/engine/api.js';
import { el } from '../app/dom.js';
import { formatDate, formatNumber, t } from '../i18n/i18n.js';

const DAY_MS = 86_400_000;

/** DATE and TIMESTAMP columns: the profile's bin edges are days since 1970-01-01. */
export function isTemporalType(type: string): boolean {
  return /^(DATE|TIMESTAMP|TIME)/i.test(type);
}

export function formatEdge(value: number, temporal: boolean): string {
  return temporal ? formatDate(new Date(Math.round(value * DAY_MS))) : formatNumber(value, { maximumSignificantDigits: 4 });
}

export function createHistogram(bins: readonly HistogramBin[], temporal: boolean): HTMLElement {
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const bars = bins.map((bin) => el('div', {
    className: 'histogram-bar',
    attrs: { style: `height: ${Math.max(bin.count > 0 ? 2 : 0, (100 * bin.count) / tallest)}%` },
    localizedAttrs: {
      title: () => t('app.profile.bin', { lo: formatEdge(bin.lo, temporal), hi: formatEdge(bin.hi, temporal), count: bin.count }),
    },
  }));
  const first = bins[0];
  const last = bins[bins.length - 1];
  return el('figure', { className: 'histogram', testid: 'column-histogram' }, [
    el('div', { className: 'histogram-bars' }, bars),
    first && last && el('figcaption', { className: 'histogram-axis' }, [
      el('span', { label: () => formatEdge(first.lo, temporal) }),
      el('span', { label: () => formatEdge(last.hi, temporal) }),
    ]),
  ]);
}
