/**
 * Where the notebook view goes in the main area. The view itself is renderer/notebook-view/notebook-view.ts;
 * until it is in the tree this stand-in shows the opened notebook's text, so the shell works end to end.
 */
import { t } from '../i18n/i18n.js';
import type { NotebookFile, Platform } from '../platform/platform.js';
import { el, replaceChildren } from './dom.js';
import { createErrorView, toErrorData } from './error-view.js';

export interface NotebookViewHandle {
  element: HTMLElement;
  open(file: NotebookFile): Promise<void>;
  openText(name: string, text: string): void;
  destroy(): void;
}

export function createNotebookHost(platform: Platform): NotebookViewHandle {
  const body = el('div', { className: 'notebook-placeholder-body' });
  const element = el('div', { className: 'notebook-placeholder', testid: 'notebook-view' }, [
    el('p', { className: 'muted', label: () => t('app.notebooks.none') }),
    body,
  ]);
  function openText(name: string, text: string): void {
    replaceChildren(element, [el('h2', { text: name }), el('pre', { text })]);
  }
  return {
    element,
    async open(file) {
      try {
        openText(file.name, await platform.readNotebook(file.path));
      } catch (error) {
        replaceChildren(body, [createErrorView(toErrorData(error), 'notebook-error')]);
      }
    },
    openText,
    destroy() { element.remove(); },
  };
}
