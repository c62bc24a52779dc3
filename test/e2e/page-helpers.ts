/** What the end-to-end tests read from and do to the app's page, through its data-testid hooks. */
import type { Locator, Page } from 'playwright-core';

export const SETTLED = new Set(['done', 'error', 'cancelled']);

export async function openNotebook(page: Page, fileName: string): Promise<void> {
  await page.locator(`[data-testid=notebook-item][data-path$="${fileName}"]`).click();
  // The view names the file once its cells replaced the previous notebook's.
  await page.locator(`[data-testid=notebook-view][data-file="${fileName}"]`).waitFor();
  await page.locator('[data-testid=cell]').first().waitFor();
}

/** Clicks Run all and waits until every cell has settled; fails naming the cells that did not end `done`. */
export async function runAll(page: Page, timeoutMs = 180_000): Promise<void> {
  await page.getByTestId('run-all').click();
  await page.waitForFunction(() => {
    const chips = [...document.querySelectorAll('[data-testid=cell-status]')];
    return chips.length > 0 && chips.every((c) => ['done', 'error', 'cancelled'].includes(c.getAttribute('data-status') ?? ''));
  }, undefined, { timeout: timeoutMs, polling: 250 });
  const failures = await page.locator('[data-testid=cell]').evaluateAll((cells) => cells
    .map((cell, index) => ({ index, status: cell.querySelector('[data-testid=cell-status]')?.getAttribute('data-status'), error: cell.querySelector('[data-testid=cell-error]')?.textContent ?? '' }))
    .filter((c) => c.status !== undefined && c.status !== 'done'));
  if (failures.length > 0) throw new Error(`cells did not finish: ${JSON.stringify(failures)}`);
}

/** The cell whose `name=` is `name`. */
export async function namedCell(page: Page, name: string): Promise<Locator> {
  const index = await page.locator('[data-testid=cell]').evaluateAll((cells, wanted) =>
    cells.findIndex((cell) => (cell.querySelector('[data-testid=cell-name]') as HTMLInputElement | null)?.value === wanted), name);
  if (index < 0) throw new Error(`no cell named ${name}`);
  return page.locator('[data-testid=cell]').nth(index);
}

/** The first cell after the one named `name` whose kind is `kind`. */
export async function cellAfter(page: Page, name: string, kind: string): Promise<Locator> {
  const index = await page.locator('[data-testid=cell]').evaluateAll((cells, [wanted, wantedKind]) => {
    const start = cells.findIndex((cell) => (cell.querySelector('[data-testid=cell-name]') as HTMLInputElement | null)?.value === wanted);
    return start < 0 ? -1 : cells.findIndex((cell, i) => i > start && cell.getAttribute('data-kind') === wantedKind);
  }, [name, kind] as const);
  if (index < 0) throw new Error(`no ${kind} cell after ${name}`);
  return page.locator('[data-testid=cell]').nth(index);
}

export function cellsOfKind(page: Page, kind: string): Locator {
  return page.locator(`[data-testid=cell][data-kind="${kind}"]`);
}

/** N of the grid's "Showing x–y of N rows" line. */
export async function gridTotal(grid: Locator): Promise<number> {
  const text = (await grid.getByTestId('grid-status').textContent()) ?? '';
  const numbers = [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')));
  const total = numbers.at(-1);
  if (total === undefined || Number.isNaN(total)) throw new Error(`no row count in "${text}"`);
  return total;
}

/** The rows the grid shows (the visible window), as column name → cell text. */
export async function gridRows(grid: Locator): Promise<Record<string, string>[]> {
  return grid.evaluate((root) => {
    const names = [...root.querySelectorAll('[data-testid=grid-header]')].map((h) => h.getAttribute('data-column') ?? '');
    const rows = [...root.querySelectorAll('[data-testid=grid-row]')]
      .sort((a, b) => Number(a.getAttribute('data-row')) - Number(b.getAttribute('data-row')));
    return rows.map((row) => Object.fromEntries([...row.querySelectorAll('[role=gridcell]')].map((cell, i) => [names[i] ?? String(i), cell.textContent ?? ''])));
  });
}

/** Numbers as the grid shows them ("1,234.5", "−0.3", "1.5e-10") back to numbers. */
export function shownNumber(text: string): number {
  return Number(text.replace(/,/g, '').replace(/\u2212/g, '-').trim());
}

/** Collects long tasks (> 50 ms, the browser's definition) from now on; `read` returns their durations. */
export async function watchLongTasks(page: Page): Promise<{ read(): Promise<number[]> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    w.__longTaskObserver?.disconnect();
    w.__longTasks = [];
    w.__longTaskObserver = new PerformanceObserver((list) => { for (const entry of list.getEntries()) w.__longTasks.push(entry.duration); });
    w.__longTaskObserver.observe({ type: 'longtask' });
  });
  return { read: () => page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]) };
}
