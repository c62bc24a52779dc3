/**
 * One table of a dataset: its columns with their types; a column opens its profile (computed by the Engine
 * the first time any column of the table is asked for); "Query" inserts `SELECT * FROM table` in the notebook.
 */
import type { ColumnProfile, Dataset, DatasetTable } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { t } from '../i18n/i18n.js';
import type { EngineClient } from '../platform/platform.js';
import { createColumnProfile } from './column-profile.js';
import { requestInsertSql, selectAllSql } from './insert-sql.js';

export function createTableView(engine: EngineClient, dataset: Dataset, table: DatasetTable): HTMLElement {
  let profiles: Promise<ColumnProfile[]> | null = null;
  // Moved under the column whose profile it shows.
  const profileSlot = el('li', { className: 'profile-slot' });
  let openColumn: string | null = null;

  async function showProfile(column: string, below: HTMLElement): Promise<void> {
    if (openColumn === column) {
      openColumn = null;
      replaceChildren(profileSlot, []);
      return;
    }
    openColumn = column;
    below.after(profileSlot);
    replaceChildren(profileSlot, [el('div', { className: 'loading', testid: 'profile-loading', label: () => t('app.profile.loading') })]);
    profiles ??= engine.profile(dataset.id, { table: table.table });
    try {
      const profile = (await profiles).find((candidate) => candidate.name === column);
      if (openColumn !== column) return;
      replaceChildren(profileSlot, [profile ? createColumnProfile(profile) : null]);
    } catch (error) {
      profiles = null;
      if (openColumn === column) replaceChildren(profileSlot, [createErrorView(toErrorData(error), 'profile-error')]);
    }
  }

  const query = el('button', {
    className: 'link-button',
    testid: 'query-table',
    attrs: { type: 'button' },
    label: () => t('app.datasets.queryTable'),
    localizedAttrs: { title: () => t('app.datasets.queryTableHint') },
    on: {
      click: (event) => {
        // The button sits in the <summary>: without this the click would also fold the table.
        event.preventDefault();
        requestInsertSql(window, selectAllSql(table.table));
      },
    },
  });
  const columns = el('ul', { className: 'column-list' }, table.columns.map((column) => {
    const item = el('li', {});
    item.append(el('button', {
      className: 'column-button',
      testid: 'dataset-column',
      dataset: { column: column.name },
      attrs: { type: 'button' },
      localizedAttrs: { title: () => t('app.datasets.profileHint') },
      on: { click: () => void showProfile(column.name, item) },
    }, [el('span', { className: 'column-name', text: column.name }), el('span', { className: 'column-type', text: column.type })]));
    return item;
  }));
  return el('details', { className: 'table-view', testid: 'dataset-table', dataset: { table: table.table } }, [
    el('summary', {}, [
      el('span', { className: 'table-name', text: table.table }),
      el('span', { className: 'muted', label: () => t('app.datasets.rows', { count: table.rows }) }),
      query,
    ]),
    columns,
  ]);
}

