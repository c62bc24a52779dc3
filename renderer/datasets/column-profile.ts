/** One column's profile: missing values, distinct values, range, most frequent values and a histogram. */
import type { ColumnProfile } from '../../workers/engine/api.js';
import { el } from '../app/dom.js';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.js';
import { createHistogram, isTemporalType } from './histogram.js';

function fact(labelKey: MessageKey, value: () => string, testid: string): HTMLElement[] {
  return [el('dt', { label: () => t(labelKey) }), el('dd', { testid, label: value })];
}

export function createColumnProfile(profile: ColumnProfile): HTMLElement {
  const nullShare = profile.rows ? profile.nulls / profile.rows : 0;
  const topCount = Math.max(1, ...profile.topValues.map((top) => top.count));
  return el('div', { className: 'column-profile', testid: 'column-profile', dataset: { column: profile.name } }, [
    el('dl', { className: 'profile-facts' }, [
      ...fact('app.profile.type', () => profile.type, 'profile-type'),
      ...fact('app.profile.nulls', () => t('app.profile.nullsValue', { count: profile.nulls, percent: formatNumber(100 * nullShare, { maximumFractionDigits: 1 }) }), 'profile-nulls'),
      ...fact('app.profile.distinct', () => (profile.distinctIsExact ? formatNumber(profile.distinct) : t('app.profile.estimate', { count: profile.distinct })), 'profile-distinct'),
      ...fact('app.profile.min', () => profile.min ?? t('app.grid.null'), 'profile-min'),
      ...fact('app.profile.max', () => profile.max ?? t('app.grid.null'), 'profile-max'),
    ]),
    profile.topValues.length > 0 && el('div', { className: 'profile-top' }, [
      el('h5', { label: () => t('app.profile.topValues') }),
      el('ol', { testid: 'profile-top-values' }, profile.topValues.map((top) => el('li', {}, [
        el('span', { className: 'top-value', text: top.value }),
        el('span', { className: 'top-value-bar', attrs: { style: `width: ${(100 * top.count) / topCount}%` } }),
        el('span', { className: 'top-count', label: () => formatNumber(top.count) }),
      ]))),
    ]),
    profile.histogram && profile.histogram.length > 0 && createHistogram(profile.histogram, isTemporalType(profile.type)),
  ]);
}
