/**
 * What the catalog keeps about a dataset's de-identification (Dataset.privacy), in its details: the last
 * scan's summary and every transform applied (kind, table, columns, rows changed, when).
 */
import type { AppliedTransform, Dataset } from '../../workers/engine/api.js';
import { el, replaceChildren, type Child } from '../app/dom.js';
import { localize } from '../app/localized.js';
import { t } from '../i18n/i18n.js';
import { scanSummary, transformsTable } from '../notebook/privacy-tables.js';
import { tableElement } from '../privacy/table-element.js';

export function createDatasetPrivacy(dataset: Dataset): HTMLElement | null {
  const privacy = dataset.privacy;
  if (!privacy || (privacy.scan === null && privacy.transforms.length === 0)) return null;
  const section = el('section', { className: 'dataset-privacy', testid: 'dataset-privacy' });
  return localize(section, (target) => replaceChildren(target, [
    privacy.scan && el('p', { className: 'small', testid: 'dataset-scan-summary', text: scanSummary(privacy.scan) }),
    ...transformsElements(privacy.transforms),
  ]));
}

/** The transforms applied (kind, table, columns, rows changed, when) under a heading; nothing when there are none. */
export function transformsElements(applied: readonly AppliedTransform[]): Child[] {
  if (applied.length === 0) return [];
  return [
    el('h4', { text: t('priv.transforms.title') }),
    tableElement(transformsTable(applied), {
      className: 'dataset-transforms', testid: 'dataset-transforms',
      row: (i) => ({ testid: 'dataset-transform', dataset: { kind: applied[i]!.transform.kind, table: applied[i]!.table } }),
    }),
  ];
}
