/**
 * What the catalog keeps about a dataset's de-identification (Dataset.privacy), in its details: the last
 * scan's summary and every transform applied (kind, table, columns, rows changed, when).
 */
import type { Dataset } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
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
    privacy.transforms.length > 0 && el('h4', { text: t('priv.transforms.title') }),
    privacy.transforms.length > 0 && tableElement(transformsTable(privacy.transforms), {
      className: 'dataset-transforms', testid: 'dataset-transforms',
      row: (i) => ({ testid: 'dataset-transform', dataset: { kind: privacy.transforms[i]!.transform.kind, table: privacy.transforms[i]!.table } }),
    }),
  ]));
}
