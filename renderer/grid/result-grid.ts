/**
 * The result grid every table output uses: virtual scrolling over any number of rows, sort and filter done by
 * whoever answers `fetch` (the Engine), CSV export of the whole result.
 *
 * Only the visible rows plus a small buffer exist in the DOM, in one absolutely positioned window inside a
 * tall spacer; rows come in pages of `PAGE_SIZE`, fetched when first scrolled to and kept in a small LRU.
 * The data stays columnar: cells are filled straight from the page's column arrays.
 */
import type { ResultPage } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { localize } from '../app/localized.js';
import { onLocaleChange, t } from '../i18n/i18n.js';
import type { GridRequest } from '../notebook/notebook.js';
import { csvPolicyLine, hiddenCellText, policyNote, type OutputPolicy } from '../notebook/small-cells.js';
import { displayCell, isNumericColumn } from './cell-format.js';
import { createGridExport } from './grid-export.js';
import { createGridHeader, type GridHeader, type HeaderColumn } from './grid-header.js';
import { nextSort, type SortKey } from './grid-sort.js';
import { computeWindow, pagesCovering, spacerHeight, type RowWindow } from './grid-window.js';
import { PageCache } from './page-cache.js';

export const ROW_HEIGHT = 24;
export const PAGE_SIZE = 500;
export const CACHED_PAGES = 6;
export const BUFFER_ROWS = 8;
const FALLBACK_VIEWPORT_HEIGHT = 360;

export type GridPage = ResultPage & { totalRows: number };

export interface ResultGridOptions {
  fetch(request: GridRequest): Promise<GridPage>;
  /** Name offered for the CSV download; `result.csv` when absent. */
  fileName?: string;
  saveDownload(name: string, data: Blob): Promise<void>;
  /**
   * The small-cell policy the rows went through (default: rows of a SQL query, none): nulls in its hidden
   * columns show as `<N` (or `—`), a note says what was hidden, and the CSV export's first line states it.
   */
  policy?: OutputPolicy;
}

export interface ResultGrid {
  element: HTMLElement;
  /** Fetches again from the first row (after the cell's result changed); the grid fetches once when created. */
  refresh(): Promise<void>;
  destroy(): void;
}

function columnWidth(column: HeaderColumn): number {
  return Math.min(320, Math.max(88, 16 + 8 * Math.max(column.name.length + 2, column.numeric ? 10 : 14)));
}

export function createResultGrid(options: ResultGridOptions): ResultGrid {
  let columns: HeaderColumn[] = [];
  let totalRows = 0;
  let sort: SortKey[] = [];
  const filters = new Map<string, string>();
  // Bumped on every refresh, sort or filter change: answers to older requests are dropped.
  let generation = 0;
  const cache = new PageCache<GridPage>(CACHED_PAGES);
  const inFlight = new Set<number>();
  let header: GridHeader | null = null;
  let shown: RowWindow = computeWindow({ totalRows: 0, rowHeight: ROW_HEIGHT, viewportHeight: 0, scrollTop: 0, bufferRows: 0 });
  let renderScheduled = false;
  let destroyed = false;

  const statusText = (): string => (totalRows === 0
    ? t('app.grid.noRows')
    : t('app.grid.showing', { first: shown.firstVisible + 1, last: shown.endVisible, total: totalRows }));
  const status = localize(el('span', { className: 'grid-status', testid: 'grid-status', attrs: { 'aria-live': 'polite' } }), (span) => {
    span.textContent = statusText();
  });
  const errorSlot = el('div', { className: 'grid-error' });
  const rowsWindow = el('div', { className: 'grid-rows', attrs: { role: 'rowgroup' } });
  const spacer = el('div', { className: 'grid-spacer' }, [rowsWindow]);
  const headSlot = el('div', { className: 'grid-head-slot' });
  const viewport = el('div', { className: 'grid-viewport', testid: 'grid-viewport', attrs: { role: 'grid', tabindex: '0' } }, [headSlot, spacer]);
  const hiddenText = hiddenCellText(options.policy);
  const exporter = createGridExport(
    () => ({ fetch: options.fetch, orderBy: sort, filters: activeFilters(), preamble: [csvPolicyLine(options.policy)] }),
    () => options.fileName ?? 'result.csv',
    options.saveDownload,
    showError,
  );
  const note = policyNote(options.policy) === null ? null
    : el('p', { className: 'grid-policy muted small', testid: 'grid-policy', label: () => policyNote(options.policy) ?? '' });
  const element = el('div', { className: 'result-grid', testid: 'result-grid' }, [
    el('div', { className: 'grid-toolbar' }, [status, exporter.element]),
    note,
    errorSlot,
    viewport,
  ]);

  function activeFilters(): { column: string; text: string }[] {
    return [...filters].filter(([, text]) => text !== '').map(([column, text]) => ({ column, text }));
  }

  function request(offset: number, limit: number): GridRequest {
    const result: GridRequest = { offset, limit };
    if (sort.length) result.orderBy = sort.map((key) => ({ ...key }));
    const active = activeFilters();
    if (active.length) result.filters = active;
    return result;
  }

  function showError(error: unknown): void {
    replaceChildren(errorSlot, [createErrorView(toErrorData(error), 'grid-error')]);
  }

  function setColumns(page: GridPage): void {
    const next = page.columns.map((column) => ({ name: column.name, type: column.type, numeric: isNumericColumn(column.data, column.type) }));
    if (next.length === columns.length && next.every((column, i) => column.name === columns[i]?.name)) return;
    columns = next;
    header?.destroy();
    header = createGridHeader(columns, (column, additive) => {
      sort = nextSort(sort, column, additive);
      void reload();
    }, (column, text) => {
      filters.set(column, text);
      void reload();
    });
    replaceChildren(headSlot, [header.element]);
    element.style.setProperty('--grid-columns', columns.map((column) => `${columnWidth(column)}px`).join(' '));
    element.style.setProperty('--grid-width', `${columns.reduce((sum, column) => sum + columnWidth(column), 0)}px`);
    replaceChildren(rowsWindow, []);
  }

  function accept(index: number, page: GridPage): void {
    cache.set(index, page);
    if (page.totalRows !== totalRows) {
      totalRows = page.totalRows;
      spacer.style.height = `${spacerHeight(totalRows, ROW_HEIGHT)}px`;
    }
  }

  async function load(index: number): Promise<void> {
    const asked = generation;
    inFlight.add(index);
    try {
      const page = await options.fetch(request(index * PAGE_SIZE, PAGE_SIZE));
      if (asked !== generation || destroyed) return;
      if (index === 0) setColumns(page);
      accept(index, page);
      scheduleRender();
    } catch (error) {
      if (asked === generation && !destroyed) showError(error);
    } finally {
      if (asked === generation) inFlight.delete(index);
    }
  }

  async function reload(): Promise<void> {
    generation++;
    cache.clear();
    inFlight.clear();
    replaceChildren(errorSlot, []);
    header?.showSort(sort);
    viewport.scrollTop = 0;
    await load(0);
    render();
  }

  function fillRow(row: HTMLElement, index: number): void {
    row.dataset.row = String(index);
    const page = cache.get(Math.floor(index / PAGE_SIZE));
    const cells = row.children;
    for (let c = 0; c < columns.length; c++) {
      const cell = cells[c] as HTMLElement;
      const column = page?.columns[c];
      const text = column ? displayCell(column.data, index - page.offset) : '';
      const hidden = text === null && column ? hiddenText(column.name) : null;
      cell.textContent = hidden ?? text ?? t('app.grid.null');
      cell.className = (columns[c]?.numeric ? 'grid-cell num' : 'grid-cell') + (hidden !== null ? ' hidden-count' : text === null ? ' null' : '') + (page ? '' : ' loading');
    }
  }

  function newRow(): HTMLElement {
    return el('div', { className: 'grid-row', testid: 'grid-row', attrs: { role: 'row' } },
      columns.map(() => el('div', { className: 'grid-cell', attrs: { role: 'gridcell' } })));
  }

  function render(): void {
    renderScheduled = false;
    if (destroyed) return;
    shown = computeWindow({
      totalRows,
      rowHeight: ROW_HEIGHT,
      // The sticky header covers the top of the viewport: rows show in what is left below it.
      viewportHeight: Math.max(ROW_HEIGHT, (viewport.clientHeight || FALLBACK_VIEWPORT_HEIGHT) - (headSlot.offsetHeight || 0)),
      scrollTop: viewport.scrollTop || 0,
      bufferRows: BUFFER_ROWS,
    });
    while (rowsWindow.children.length < shown.count) rowsWindow.appendChild(newRow());
    while (rowsWindow.children.length > shown.count) rowsWindow.lastChild?.remove();
    rowsWindow.style.transform = `translateY(${shown.top}px)`;
    for (let i = 0; i < shown.count; i++) fillRow(rowsWindow.children[i] as HTMLElement, shown.first + i);
    for (const index of pagesCovering(shown.first, shown.count, PAGE_SIZE)) {
      if (!cache.has(index) && !inFlight.has(index)) void load(index);
    }
    status.textContent = statusText();
  }

  function scheduleRender(): void {
    if (renderScheduled) return;
    renderScheduled = true;
    const frame = globalThis.requestAnimationFrame ?? ((callback: () => void) => setTimeout(callback, 0));
    frame(() => render());
  }

  viewport.addEventListener('scroll', scheduleRender, { passive: true });
  const stopLocale = onLocaleChange(() => scheduleRender());
  void reload();

  return {
    element,
    refresh: reload,
    destroy() {
      destroyed = true;
      generation++;
      header?.destroy();
      exporter.destroy();
      stopLocale();
      viewport.removeEventListener('scroll', scheduleRender);
      element.remove();
    },
  };
}
