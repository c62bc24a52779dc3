import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResultPage } from '../../workers/engine/api.js';
import { byTestId, installDom, settle } from '../app/test-dom.node.js';
import { setLocale } from '../i18n/i18n.js';
import type { GridRequest } from '../notebook/notebook.js';
import { createResultGrid, PAGE_SIZE, type GridPage, type ResultGrid } from './result-grid.js';
import { MAX_SPACER_PX } from './grid-window.js';

beforeAll(() => { installDom(); });

/**
 * A result of `totalRows` rows made up on demand: id = row number (bigint), half = row / 2 (missing on every
 * 7th row), label = `r<row>`. Records every request.
 */
function fakeResult(totalRows: number) {
  const requests: GridRequest[] = [];
  async function fetch(request: GridRequest): Promise<GridPage> {
    requests.push(request);
    const rowCount = Math.max(0, Math.min(request.limit, totalRows - request.offset));
    const ids = new BigInt64Array(rowCount);
    const halves = new Float64Array(rowCount);
    const valid = new Uint8Array(rowCount);
    const labels: (string | null)[] = [];
    for (let i = 0; i < rowCount; i++) {
      const row = request.offset + i;
      ids[i] = BigInt(row);
      halves[i] = row / 2;
      valid[i] = row % 7 === 0 ? 0 : 1;
      labels.push(`r${row}`);
    }
    const page: ResultPage = {
      taskId: 't',
      columns: [
        { name: 'id', type: 'BIGINT', data: { kind: 'bigint', values: ids, valid: new Uint8Array(rowCount).fill(1) } },
        { name: 'half', type: 'DOUBLE', data: { kind: 'number', values: halves, valid } },
        { name: 'label', type: 'VARCHAR', data: { kind: 'string', values: labels } },
      ],
      rowCount,
      offset: request.offset,
      hasMore: request.offset + rowCount < totalRows,
      elapsedMs: 0,
    };
    return { ...page, totalRows };
  }
  return { fetch, requests };
}


/** linkedom has no MouseEvent: a plain event carrying the one field the header reads. */
function click(target: HTMLElement, shiftKey = false): void {
  target.dispatchEvent(Object.assign(new Event('click'), { shiftKey }));
}

function rowCells(row: HTMLElement): string[] {
  return [...row.children].map((cell) => cell.textContent ?? '');
}

let grid: ResultGrid | null = null;
afterEach(() => { grid?.destroy(); grid = null; setLocale('en'); });

function mount(fetch: (request: GridRequest) => Promise<GridPage>): ResultGrid {
  grid = createResultGrid({ fetch, saveDownload: async () => {} });
  document.body.append(grid.element);
  return grid;
}

describe('result grid over a million rows', () => {
  it('builds only the visible rows plus a buffer and asks for the first page once', async () => {
    const result = fakeResult(1_000_000);
    const { element } = mount(result.fetch);
    await settle();
    // linkedom has no layout: the grid falls back to a 360 px viewport, 15 rows of 24 px + 1 partly shown
    // + 8 buffer rows below (none above row 0) = 24 row elements.
    expect(byTestId(element, 'grid-row')).toHaveLength(24);
    expect(result.requests).toEqual([{ offset: 0, limit: PAGE_SIZE }]);
    const spacer = element.querySelector<HTMLElement>('.grid-spacer');
    expect(spacer?.style.height).toBe(`${MAX_SPACER_PX}px`);
    expect(byTestId(element, 'grid-header').map((cell) => cell.dataset.column)).toEqual(['id', 'half', 'label']);
    expect(byTestId(element, 'grid-status')[0]?.textContent).toBe('Showing 1–16 of 1,000,000 rows');
    const rows = byTestId(element, 'grid-row');
    // Row 0: half is missing (0 % 7 === 0) and shown as null; row 3: 3 / 2 = 1.5.
    expect(rowCells(rows[0] as HTMLElement)).toEqual(['0', 'null', 'r0']);
    expect(rows[0]?.children[1]?.classList.contains('null')).toBe(true);
    expect(rowCells(rows[3] as HTMLElement)).toEqual(['3', '1.5', 'r3']);
    expect(rows[3]?.children[0]?.classList.contains('num')).toBe(true);
  });

  it('fetches the pages under a scroll position, and only those', async () => {
    const result = fakeResult(1_000_000);
    const { element } = mount(result.fetch);
    await settle();
    const viewport = byTestId(element, 'grid-viewport')[0] as HTMLElement;
    viewport.scrollTop = (MAX_SPACER_PX - 360) / 2;
    viewport.dispatchEvent(new Event('scroll'));
    await settle();
    // Half way: row 0.5 × (1,000,000 − 15) = 499,992.5 on the top edge; rows 499,984 … 500,015 in the DOM
    // lie in pages 999 (offset 499,500) and 1000 (offset 500,000).
    expect(result.requests.map((request) => request.offset)).toEqual([0, 499_500, 500_000]);
    const rows = byTestId(element, 'grid-row');
    expect(rows).toHaveLength(32);
    expect(rows[0]?.dataset.row).toBe('499984');
    const top = rows.find((row) => row.dataset.row === '499992') as HTMLElement;
    expect(rowCells(top)).toEqual(['499,992', '249,996', 'r499992']);
    expect(byTestId(element, 'grid-status')[0]?.textContent).toBe('Showing 499,993–500,008 of 1,000,000 rows');
    // Scrolling a few rows within the same pages asks for nothing new.
    viewport.scrollTop += 48;
    viewport.dispatchEvent(new Event('scroll'));
    await settle();
    expect(result.requests).toHaveLength(3);
  });

  it('re-fetches from the first row when a header is clicked, shift-clicked, or a filter typed', async () => {
    const result = fakeResult(1_000);
    const { element } = mount(result.fetch);
    await settle();
    const [id, half] = byTestId(element, 'grid-header') as [HTMLElement, HTMLElement, HTMLElement];
    click(half);
    await settle();
    expect(result.requests.at(-1)).toEqual({ offset: 0, limit: PAGE_SIZE, orderBy: [{ column: 'half', descending: false }] });
    expect(half.getAttribute('aria-sort')).toBe('ascending');
    click(half);
    await settle();
    expect(result.requests.at(-1)?.orderBy).toEqual([{ column: 'half', descending: true }]);
    click(id, true);
    await settle();
    expect(result.requests.at(-1)?.orderBy).toEqual([{ column: 'half', descending: true }, { column: 'id', descending: false }]);
    expect(half.textContent).toBe('half▼1');

    const label = byTestId(element, 'grid-filter').find((input) => input.dataset.column === 'label') as HTMLInputElement;
    const before = result.requests.length;
    label.value = 'r1';
    label.dispatchEvent(new Event('input'));
    label.value = 'r12';
    label.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle();
    // Two keystrokes within the debounce make one request.
    expect(result.requests.length).toBe(before + 1);
    expect(result.requests.at(-1)).toEqual({
      offset: 0,
      limit: PAGE_SIZE,
      orderBy: [{ column: 'half', descending: true }, { column: 'id', descending: false }],
      filters: [{ column: 'label', text: 'r12' }],
    });
  });

  it('sorts from the keyboard (Enter on a focused header)', async () => {
    const result = fakeResult(100);
    const { element } = mount(result.fetch);
    await settle();
    const label = byTestId(element, 'grid-header').find((cell) => cell.dataset.column === 'label') as HTMLElement;
    expect(label.getAttribute('tabindex')).toBe('0');
    label.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Enter', shiftKey: false }));
    await settle();
    expect(result.requests.at(-1)?.orderBy).toEqual([{ column: 'label', descending: false }]);
  });

  it('keeps 64-bit integers exact and re-renders numbers and labels when the language changes', async () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1: a double would print …992
    const fetch = async (request: GridRequest): Promise<GridPage> => ({
      taskId: 't', offset: request.offset, rowCount: 1, hasMore: false, elapsedMs: 0, totalRows: 1,
      columns: [{ name: 'n', type: 'BIGINT', data: { kind: 'bigint', values: BigInt64Array.of(big), valid: Uint8Array.of(1) } }],
    });
    const { element } = mount(fetch);
    await settle();
    expect(byTestId(element, 'grid-row')[0]?.textContent).toBe('9,007,199,254,740,993');
    setLocale('zh-CN');
    await settle();
    expect(byTestId(element, 'grid-status')[0]?.textContent).toBe('显示第 1–1 行，共 1 行');
    expect(byTestId(element, 'grid-export')[0]?.textContent).toBe('导出 CSV');
  });

  it('shows the error of a failed page with its hint', async () => {
    const fetch = async (): Promise<GridPage> => {
      throw { code: 'QUERY_ERROR', message: 'Binder Error: column "x" not found', hint: 'check the column names', line: 2, column: 8 };
    };
    const { element } = mount(fetch);
    await settle();
    const error = byTestId(element, 'grid-error')[0];
    expect(error?.dataset.code).toBe('QUERY_ERROR');
    expect(error?.textContent).toContain('column "x" not found');
    expect(error?.textContent).toContain('What to do: check the column names');
  });

  it('shows the counts a small-cell policy hid as <N, says so, and states it on the CSV export’s first line', async () => {
    const result = fakeResult(20);
    const downloads: Blob[] = [];
    grid = createResultGrid({
      fetch: result.fetch, saveDownload: async (_name, data) => { downloads.push(data); },
      policy: { kind: 'suppressed', suppression: { minCellCount: 5, columns: ['half'], primary: 3, complementary: 0 } },
    });
    document.body.append(grid.element);
    await settle();
    const rows = byTestId(grid.element, 'grid-row');
    // Rows 0, 7 and 14 miss `half`: in a column the policy names, that is a hidden count.
    expect(rowCells(rows[7] as HTMLElement)).toEqual(['7', '<5', 'r7']);
    expect(rows[7]?.children[1]?.classList.contains('hidden-count')).toBe(true);
    expect(rows[7]?.children[1]?.classList.contains('null')).toBe(false);
    expect(byTestId(grid.element, 'grid-policy')[0]?.textContent).toBe('Counts from 1 to 4 are shown as <5 (3 cells).');
    byTestId(grid.element, 'grid-export')[0]!.dispatchEvent(new Event('click'));
    for (let i = 0; i < 50 && downloads.length === 0; i++) await settle();
    const lines = (await downloads[0]!.text()).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['# small-cell policy: counts from 1 to 4 hidden as empty fields in half (minimum cell count 5)', 'id,half,label', '0,,r0']);
    expect(lines[9]).toBe('7,,r7');
  });

  it('says nothing under the rows of a plain query, and the CSV says no policy was applied', async () => {
    const result = fakeResult(3);
    const downloads: Blob[] = [];
    grid = createResultGrid({ fetch: result.fetch, saveDownload: async (_name, data) => { downloads.push(data); } });
    document.body.append(grid.element);
    await settle();
    expect(byTestId(grid.element, 'grid-policy')).toHaveLength(0);
    expect(rowCells(byTestId(grid.element, 'grid-row')[0] as HTMLElement)).toEqual(['0', 'null', 'r0']);
    byTestId(grid.element, 'grid-export')[0]!.dispatchEvent(new Event('click'));
    for (let i = 0; i < 50 && downloads.length === 0; i++) await settle();
    expect((await downloads[0]!.text()).split('\r\n')[0]).toBe('# small-cell policy: none applied (rows of a SQL query, as it returned them)');
  });
});
