/**
 * The grid's column headers (click to sort, shift-click to add a sort key) and its filter row (text a
 * column must contain, sent after the user pauses typing).
 */
import { el } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import type { SortKey } from './grid-sort.js';

export const FILTER_DEBOUNCE_MS = 300;

export interface HeaderColumn {
  name: string;
  type: string;
  numeric: boolean;
}

export interface GridHeader {
  element: HTMLElement;
  showSort(keys: readonly SortKey[]): void;
  destroy(): void;
}

export function createGridHeader(
  columns: readonly HeaderColumn[],
  onSort: (column: string, additive: boolean) => void,
  onFilter: (column: string, text: string) => void,
): GridHeader {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const indicators = new Map<string, HTMLElement>();
  const headerCells = columns.map((column) => {
    const indicator = el('span', { className: 'grid-sort-indicator', attrs: { 'aria-hidden': 'true' } });
    indicators.set(column.name, indicator);
    return el('div', {
      className: column.numeric ? 'grid-header-cell num' : 'grid-header-cell',
      testid: 'grid-header',
      dataset: { column: column.name },
      attrs: { role: 'columnheader', 'aria-sort': 'none', tabindex: '0' },
      localizedAttrs: { title: () => t('app.grid.sortHint', { type: column.type }) },
      on: {
        click: (event) => onSort(column.name, event.shiftKey),
        keydown: (event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          onSort(column.name, event.shiftKey);
        },
      },
    }, [el('span', { className: 'grid-header-name', text: column.name }), indicator]);
  });
  const filterCells = columns.map((column) => {
    const input = el('input', {
      className: 'grid-filter',
      testid: 'grid-filter',
      dataset: { column: column.name },
      attrs: { type: 'search' },
      localizedAttrs: { placeholder: () => t('app.grid.filterPlaceholder'), 'aria-label': () => t('app.grid.filterLabel', { column: column.name }) },
    });
    input.addEventListener('input', () => {
      clearTimeout(timers.get(column.name));
      timers.set(column.name, setTimeout(() => onFilter(column.name, input.value), FILTER_DEBOUNCE_MS));
    });
    return el('div', { className: 'grid-filter-cell' }, [input]);
  });
  const element = el('div', { className: 'grid-head' }, [
    el('div', { className: 'grid-header-row', attrs: { role: 'row' } }, headerCells),
    el('div', { className: 'grid-filter-row' }, filterCells),
  ]);

  function showSort(keys: readonly SortKey[]): void {
    for (const cell of headerCells) {
      const name = cell.dataset.column as string;
      const position = keys.findIndex((key) => key.column === name);
      const key = keys[position];
      const indicator = indicators.get(name) as HTMLElement;
      indicator.textContent = key ? (key.descending ? '▼' : '▲') + (keys.length > 1 ? String(position + 1) : '') : '';
      cell.setAttribute('aria-sort', key ? (key.descending ? 'descending' : 'ascending') : 'none');
    }
  }

  return {
    element,
    showSort,
    destroy() { for (const timer of timers.values()) clearTimeout(timer); },
  };
}
