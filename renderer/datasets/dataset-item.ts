/**
 * One catalog entry: name and size, and when unfolded its source, import time, licence, the Quality and Privacy
 * scan buttons, the de-identification it went through, and its tables.
 */
import type { Dataset } from '../../workers/engine/api.js';
import { el } from '../app/dom.js';
import { formatDate, t } from '../i18n/i18n.js';
import type { EngineClient } from '../platform/platform.js';
import { createTableView } from './table-view.js';
import { baseName } from '../app/base-name.js';
import { createDatasetPrivacy } from './dataset-privacy.js';
import { createDatasetReports } from './dataset-reports.js';

export function createDatasetItem(engine: EngineClient, dataset: Dataset): HTMLDetailsElement {
  return el('details', { className: 'dataset-item', testid: 'dataset-item', dataset: { dataset: dataset.name, kind: dataset.kind } }, [
    el('summary', {}, [
      el('span', { className: 'dataset-name', text: dataset.name }),
      el('span', { className: 'muted', label: () => t('app.datasets.rows', { count: dataset.rows }) }),
    ]),
    el('dl', { className: 'dataset-facts' }, [
      el('dt', { label: () => t('app.datasets.source') }),
      el('dd', { text: baseName(dataset.sourceFile), attrs: { title: dataset.sourceFile } }),
      el('dt', { label: () => t('app.datasets.imported') }),
      el('dd', { testid: 'dataset-imported', label: () => formatDate(dataset.importedAt, { dateStyle: 'medium', timeStyle: 'short' }) }),
      el('dt', { label: () => t('app.datasets.licence') }),
      el('dd', dataset.licence ? { text: dataset.licence } : { label: () => t('app.datasets.noLicence') }),
      dataset.description !== '' && el('dt', { label: () => t('app.datasets.description') }),
      dataset.description !== '' && el('dd', { text: dataset.description }),
    ]),
    createDatasetReports(engine, dataset),
    createDatasetPrivacy(dataset),
    el('div', { className: 'table-list' }, dataset.tables.map((table) => createTableView(engine, dataset, table))),
  ]);
}
