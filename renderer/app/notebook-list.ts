/** The notebooks the platform knows (bundled and beside the workspace); a click opens one. */
import { t } from '../i18n/i18n.js';
import type { NotebookFile, Platform } from '../platform/platform.js';
import { el, replaceChildren } from './dom.js';
import { createErrorView, toErrorData } from './error-view.js';

export interface NotebookList {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Marks the open notebook. */
  select(path: string): void;
}

export function createNotebookList(platform: Pick<Platform, 'listNotebooks'>, open: (file: NotebookFile) => void): NotebookList {
  const list = el('ul', { className: 'notebook-items' });
  const element = el('section', { className: 'notebook-list', testid: 'notebook-list' }, [
    el('h2', { label: () => t('app.notebooks.title') }),
    list,
  ]);

  function select(path: string): void {
    for (const item of list.querySelectorAll<HTMLElement>('[data-testid="notebook-item"]')) {
      item.classList.toggle('selected', item.dataset.path === path);
    }
  }

  async function refresh(): Promise<void> {
    try {
      const files = await platform.listNotebooks();
      replaceChildren(list, files.length === 0
        ? [el('li', { className: 'muted', label: () => t('app.notebooks.empty') })]
        : files.map((file) => el('li', {}, [el('button', {
          className: 'notebook-item',
          testid: 'notebook-item',
          dataset: { path: file.path, where: file.where },
          attrs: { type: 'button' },
          localizedAttrs: { title: () => t(file.where === 'bundled' ? 'app.notebooks.bundled' : 'app.notebooks.workspace') },
          text: file.name,
          on: { click: () => { select(file.path); open(file); } },
        })])));
    } catch (error) {
      replaceChildren(list, [el('li', {}, [createErrorView(toErrorData(error), 'notebooks-error')])]);
    }
  }

  return { element, refresh, select };
}
