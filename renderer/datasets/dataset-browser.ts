/**
 * The catalog in the sidebar, grouped by kind of data. `refresh(name)` reloads it after an import and
 * unfolds the named dataset so the user sees what arrived.
 */
import type { Dataset, DatasetKind } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import type { EngineClient } from '../platform/platform.js';
import { createDatasetItem } from './dataset-item.js';

const KIND_ORDER: readonly DatasetKind[] = ['omop', 'table', 'faers', 'reports', 'vcf'];

const KIND_LABEL: Record<DatasetKind, MessageKey> = {
  omop: 'app.datasets.kind.omop',
  table: 'app.datasets.kind.table',
  faers: 'app.datasets.kind.faers',
  reports: 'app.datasets.kind.reports',
  vcf: 'app.datasets.kind.vcf',
};

export interface DatasetBrowser {
  element: HTMLElement;
  refresh(unfold?: string): Promise<void>;
}

function groupByKind(datasets: readonly Dataset[]): [DatasetKind, Dataset[]][] {
  return KIND_ORDER
    .map((kind): [DatasetKind, Dataset[]] => [kind, datasets.filter((dataset) => dataset.kind === kind)])
    .filter(([, members]) => members.length > 0);
}

export function createDatasetBrowser(engine: EngineClient): DatasetBrowser {
  const list = el('div', { className: 'dataset-groups' });
  const element = el('section', { className: 'dataset-browser', testid: 'dataset-browser' }, [
    el('header', { className: 'section-header' }, [
      el('h2', { label: () => t('app.datasets.title') }),
      el('button', {
        className: 'icon-button',
        testid: 'datasets-refresh',
        attrs: { type: 'button' },
        text: '↻',
        localizedAttrs: { title: () => t('app.datasets.refresh'), 'aria-label': () => t('app.datasets.refresh') },
        on: { click: () => void refresh() },
      }),
    ]),
    list,
  ]);

  async function refresh(unfold?: string): Promise<void> {
    element.setAttribute('aria-busy', 'true');
    try {
      const datasets = await engine.datasets();
      if (datasets.length === 0) {
        replaceChildren(list, [el('p', { className: 'muted', testid: 'datasets-empty', label: () => t('app.datasets.empty') })]);
        return;
      }
      replaceChildren(list, groupByKind(datasets).map(([kind, members]) => el('div', { className: 'dataset-group', dataset: { kind } }, [
        el('h3', { label: () => t(KIND_LABEL[kind], { count: members.length }) }),
        ...members.map((dataset) => {
          const item = createDatasetItem(engine, dataset);
          if (dataset.name === unfold) item.open = true;
          return item;
        }),
      ])));
    } catch (error) {
      replaceChildren(list, [createErrorView(toErrorData(error), 'datasets-error')]);
    } finally {
      element.removeAttribute('aria-busy');
    }
  }

  return { element, refresh };
}
