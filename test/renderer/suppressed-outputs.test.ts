/**
 * Small-cell suppression as the notebook view shows and exports it, on the bundled samples in a real engine:
 * a cohort's attrition and a signal screen's grid under the workspace minimum (5), each checked against the same
 * analysis run with every count shown (policy 0 for a moment) — a number on screen is the true count, `<5` stands
 * for a count from 1 to 4, and no count from 1 to 4 is ever shown.
 */
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttritionStep, CohortResult, SignalResult } from '../../workers/engine/api.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { pageRows } from '../helpers/page-rows.js';
import { byTestId, installDom, waitFor } from '../../renderer/app/test-dom.node.js';
import { ROW_HEIGHT } from '../../renderer/grid/result-grid.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import type { Cell, NotebookRuntimeApi } from '../../renderer/notebook/notebook.js';
import { createNotebookRuntime } from '../../renderer/notebook/runtime.js';
import { createOutputView } from '../../renderer/notebook-view/cell-output.js';
import type { Platform } from '../../renderer/platform/platform.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

/** Celecoxib's first users in the small OMOP sample (366), then only those aged 28 or less: fewer than 5 are left. */
const COHORT = { dataset: 'omop', name: 'young celecoxib users', entry: { domain: 'drug', codes: { concepts: [{ id: 1118084, descendants: true }] }, occurrence: 'first' }, inclusion: [{ name: 'aged 28 or less', age: { max: 28 } }] };
const SCREEN = { dataset: 'faers', minCount: 1 };
const NOTEBOOK = `\`\`\`cohort name=young\n${JSON.stringify(COHORT)}\n\`\`\`\n\`\`\`signals name=screen\n${JSON.stringify(SCREEN)}\n\`\`\`\n`;

describe('suppressed counts in the notebook view', () => {
  const engine = new WorkspaceEngine();
  const downloads: { name: string; data: Blob }[] = [];
  const platform = { saveDownload: async (name: string, data: Blob) => { downloads.push({ name, data }); } } as unknown as Platform;
  let runtime: NotebookRuntimeApi;
  let cells: Cell[];
  const view = (cell: Cell) => createOutputView(runtime.state(cell.id).output!, { cellId: cell.id, cellName: cell.name, runtime, platform, width: 600 })!;
  /** The same analysis with every count shown. */
  async function withEveryCount<T>(run: () => Promise<T>): Promise<T> {
    await engine.setPrivacyPolicy({ minCellCount: 0 });
    try { return await run(); } finally { await engine.setPrivacyPolicy({ minCellCount: 5 }); }
  }

  beforeAll(async () => {
    installDom();
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: join(SAMPLES, 'small/omop'), kind: 'omop', name: 'omop' });
    await engine.importFile({ path: join(SAMPLES, 'small/faers'), kind: 'faers', name: 'faers' });
    cells = parseNotebook(NOTEBOOK).cells;
    runtime = createNotebookRuntime(engine, { taskIdPrefix: 'suppressed-' });
    runtime.load({ meta: {}, cells });
    await runtime.run();
    expect(cells.map((c) => runtime.state(c.id).status)).toEqual(['done', 'done']);
  }, 120_000);
  afterAll(async () => engine.close());

  it('the attrition shows true counts, <5 for small ones, and never a count from 1 to 4', async () => {
    const shown = runtime.state(cells[0]!.id).output as { result: CohortResult };
    const open = await withEveryCount(() => engine.cohort(COHORT as never));
    const element = view(cells[0]!).element;
    const table = byTestId(element, 'cohort-attrition')[0]!;
    const texts = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent));
    const trueCounts = open.attrition.map((s: AttritionStep) => [s.persons, s.events, s.dropped]);
    expect(texts).toHaveLength(trueCounts.length);
    let hidden = 0;
    texts.forEach((row, i) => row.forEach((text, j) => {
      const count = trueCounts[i]![j]! as number;
      if (text === '<5') { hidden++; expect(count, `${i},${j}`).toBeGreaterThan(0); expect(count).toBeLessThan(5); }
      else if (text === '—') hidden++;
      else { expect(Number(text!.replace(/,/g, '')), `${i},${j}`).toBe(count); expect(count === 0 || count >= 5).toBe(true); }
    }));
    // The spec was chosen so something is hidden (the last step's persons are few); the note says what.
    expect(open.attrition.at(-1)!.persons).toBeGreaterThan(0);
    expect(open.attrition.at(-1)!.persons).toBeLessThan(5);
    expect(hidden).toBeGreaterThan(0);
    // The cohort size is hidden too, though the members table holds every person.
    expect(texts.at(-1)![0]).not.toBe(String(open.persons));
    expect(element.querySelector('.analysis-facts dd')?.textContent).toBe(texts.at(-1)![0]);
    expect(byTestId(element, 'attrition-policy')[0]?.textContent).toMatch(/^(Counts from 1 to 4 are shown as <5|\d+ counts from 1 to 4, and \d+ counts that would reveal them, are hidden)/);
  });

  it('the screen’s grid shows hidden counts as <5 and its CSV states the policy, hidden counts empty', async () => {
    const screen = (runtime.state(cells[1]!.id).output as { result: SignalResult }).result;
    expect(screen.suppression.primary).toBeGreaterThan(0);
    const open = await withEveryCount(() => engine.signals(SCREEN));
    const small = Number(pageRows(await engine.query(`select count(*) from ${open.resultTable} where n < 5`))[0]![0]);
    const output = view(cells[1]!);
    document.body.append(output.element);
    const grid = byTestId(output.element, 'result-grid')[0]!;
    const status = () => byTestId(grid, 'grid-status')[0]?.textContent ?? '';
    await waitFor(() => /of [\d,]+ rows/.test(status()), 'the first page');
    expect(byTestId(grid, 'grid-policy')[0]?.textContent).toBe(`Counts from 1 to 4 are shown as <5 (${screen.suppression.primary} cells).`);
    // The screen is ordered by its spec's default; hidden pairs have no measures and sort last.
    const viewport = byTestId(grid, 'grid-viewport')[0]!;
    viewport.scrollTop = screen.pairs * ROW_HEIGHT;
    viewport.dispatchEvent(new Event('scroll'));
    const nIndex = screen.page.columns.findIndex((c) => c.name === 'n');
    const lastN = () => byTestId(grid, 'grid-row').at(-1)?.children[nIndex];
    await waitFor(() => lastN()?.textContent === '<5', 'a hidden count at the end');
    expect(lastN()?.classList.contains('hidden-count')).toBe(true);

    byTestId(grid, 'grid-export')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => downloads.length > 0, 'the CSV');
    expect(downloads[0]!.name).toBe('screen.csv');
    const csv = await downloads[0]!.data.text();
    expect(csv.split('\r\n')[0]).toMatch(/^# small-cell policy: counts from 1 to 4 hidden as empty fields in n, .* \(minimum cell count 5\)/);
    const rows = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true, comments: '#' }).data;
    expect(rows).toHaveLength(screen.pairs);
    // Exactly the pairs with fewer than 5 reports in the open run have no count; every count written is 5 or more.
    expect(rows.filter((row) => row.n === '').length).toBe(small);
    expect(rows.filter((row) => row.n !== '').every((row) => Number(row.n) >= 5)).toBe(true);
    output.destroy();
  });
});
