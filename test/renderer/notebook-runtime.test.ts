import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { pageRows } from '../helpers/page-rows.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import type { Cell, CellState, NotebookRuntimeApi } from '../../renderer/notebook/notebook.js';
import { createNotebookRuntime } from '../../renderer/notebook/runtime.js';

const REPO = new URL('../..', import.meta.url).pathname;

const NOTEBOOK = [
  '```sql name=births', 'select year_of_birth as year, count(*) as n from omop.person group by 1', '```',
  '```sql name=recent', '-- the WITH of this cell joins the one the runtime adds', 'with cut as (select 1950 as y)', 'select year, n from births, cut where year >= y order by year', '```',
  '```plot data=recent name=picked', '{ "mark": "dot", "x": "year", "y": "n", "brush": "x" }', '```',
  '```sql name=picked_total', 'select count(*) as years, sum(n) as persons from picked', '```',
  '```sql', 'select 1,', '  no_such_column from births', '```',
].join('\n') + '\n';

describe('notebook runtime on a real engine', () => {
  const engine = new WorkspaceEngine();
  let runtime: NotebookRuntimeApi;
  let cells: Cell[];
  const scalar = async (sql: string) => pageRows(await engine.query(sql))[0]!;
  const rowsOf = (index: number) => {
    const output = runtime.state(cells[index]!.id).output;
    if (output?.type !== 'table') throw new Error(`cell ${index} has no table: ${JSON.stringify(runtime.state(cells[index]!.id))}`);
    return pageRows(output.page);
  };

  beforeAll(async () => {
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: join(REPO, 'samples/small/omop'), kind: 'omop', name: 'omop' });
  });
  afterAll(async () => engine.close());

  it('runs every cell in order, composing the cells each one reads', async () => {
    cells = parseNotebook(NOTEBOOK).cells;
    runtime = createNotebookRuntime(engine, { taskIdPrefix: 'test-' });
    runtime.load({ meta: {}, cells });
    const seen: [string, CellState['status']][] = [];
    runtime.subscribe((id, state) => seen.push([id, state.status]));
    await runtime.run();
    expect(cells.slice(0, 4).map((c) => runtime.state(c.id).status)).toEqual(['done', 'done', 'done', 'done']);
    expect(seen.filter(([id]) => id === cells[1]!.id).map(([, s]) => s)).toEqual(['queued', 'running', 'done']);
    // Independent: the same numbers straight from the table.
    const [years, persons] = await scalar('select count(distinct year_of_birth), count(*) from omop.person where year_of_birth >= 1950');
    const recent = runtime.state(cells[1]!.id).output;
    expect(recent?.type === 'table' && recent.totalRows).toBe(Number(years));
    expect(rowsOf(3).map((r) => r.map(Number))).toEqual([[Number(years), Number(persons)]]);
    expect(runtime.dependencies(cells[3]!.id)).toEqual([cells[2]!.id]);
    expect(runtime.dependents(cells[0]!.id)).toEqual([cells[1]!.id, cells[4]!.id]);
  });

  it('says a plot was sampled only when its rows reached the cap', async () => {
    const plot = runtime.state(cells[2]!.id).output;
    expect(plot?.type === 'plot' && plot.data.rowCount).toBeLessThan(20_000);
    expect(plot?.type === 'plot' && plot.note).toBeFalsy();
    const capped = createNotebookRuntime(engine, { taskIdPrefix: 'cap-' });
    const capCells = parseNotebook(['```sql name=many', 'select range as i from range(30)', '```', '```plot data=many', '{ "mark": "dot", "x": "i", "y": "i", "maxRows": 10 }', '```'].join('\n') + '\n').cells;
    capped.load({ meta: {}, cells: capCells });
    await capped.run();
    const sampled = capped.state(capCells[1]!.id).output;
    expect(sampled?.type === 'plot' && sampled.data.rowCount).toBe(10);
    expect(sampled?.type === 'plot' && sampled.note).toMatch(/10/);
  });

  it('reports a SQL error at its line and column within the cell', () => {
    const state = runtime.state(cells[4]!.id);
    expect(state.status).toBe('error');
    expect(state.error).toMatchObject({ code: 'QUERY_ERROR', line: 2, column: 3, message: expect.stringContaining('no_such_column') });
  });

  it('a brush on a named plot re-runs the cells reading it with the rows inside the brush', async () => {
    await runtime.setBrush(cells[2]!.id, { x: [1970, 1960] });
    const [years, persons] = await scalar('select count(distinct year_of_birth), count(*) from omop.person where year_of_birth between 1960 and 1970');
    expect(rowsOf(3).map((r) => r.map(Number))).toEqual([[Number(years), Number(persons)]]);
    await runtime.setBrush(cells[2]!.id, null);
    const [allYears] = await scalar('select count(distinct year_of_birth) from omop.person where year_of_birth >= 1950');
    expect(Number(rowsOf(3)[0]![0])).toBe(Number(allYears));
  });

  it('pages a relation sorted and filtered in the engine, with the total', async () => {
    const page = await runtime.page(cells[0]!.id, { offset: 0, limit: 3, orderBy: [{ column: 'n', descending: true }, { column: 'year', descending: false }], filters: [{ column: 'year', text: '19' }] });
    const expected = await engine.query("select year_of_birth, count(*) as n from omop.person where cast(year_of_birth as varchar) like '%19%' group by 1 order by n desc, 1 limit 3", { count: false });
    expect(pageRows(page).map((r) => r.map(Number))).toEqual(pageRows(expected).map((r) => r.map(Number)));
    const [total] = await scalar("select count(distinct year_of_birth) from omop.person where cast(year_of_birth as varchar) like '%19%'");
    expect(page.totalRows).toBe(Number(total));
    await expect(runtime.page(cells[0]!.id, { offset: 0, limit: 3, orderBy: [{ column: 'nope; drop', descending: true }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Filter text is a parameter: quotes in it are just characters.
    expect((await runtime.page(cells[0]!.id, { offset: 0, limit: 3, filters: [{ column: 'year', text: "1' or '1'='1" }] })).totalRows).toBe(0);
  });

  it('editing a cell makes its dependents stale and runs them again', async () => {
    const stale: string[] = [];
    const stop = runtime.subscribe((id, state) => { if (state.status === 'stale') stale.push(id); });
    await runtime.updateCell(cells[0]!.id, { source: 'select year_of_birth as year, count(*) as n from omop.person where gender_concept_id = 8532 group by 1' });
    stop();
    expect(stale).toEqual(expect.arrayContaining([cells[1]!.id, cells[2]!.id, cells[3]!.id]));
    const [persons] = await scalar('select count(*) from omop.person where year_of_birth >= 1950 and gender_concept_id = 8532');
    expect(Number(rowsOf(3)[0]![1])).toBe(Number(persons));
  });

  it('shows a reference to a later cell as an error before anything runs, until the cell is fixed', async () => {
    const bad = parseNotebook('```sql\nselect * from\n  later\n```\n```sql name=later\nselect 1\n```\n').cells;
    const other = createNotebookRuntime(engine);
    other.load({ meta: {}, cells: bad });
    expect(other.state(bad[0]!.id)).toMatchObject({ status: 'error', error: { line: 2, column: 3 } });
    expect(other.state(bad[1]!.id).status).toBe('idle');
    const prose = parseNotebook('# Title\n').cells;
    other.load({ meta: {}, cells: [...prose, ...bad] });
    expect(other.state(prose[0]!.id)).toEqual({ status: 'done', output: { type: 'markdown' } });
    await other.updateCell(bad[0]!.id, { source: 'select 2 as x' });
    expect(other.state(bad[0]!.id).status).toBe('done');
    // Naming a cell through its attrs names it: the cell below can read it.
    await other.updateCell(bad[0]!.id, { attrs: { name: 'first' } }, false);
    await other.updateCell(bad[1]!.id, { source: 'select x + 1 as y from first' });
    expect(other.dependencies(bad[1]!.id)).toEqual([bad[0]!.id]);
    const output = other.state(bad[1]!.id).output;
    expect(output?.type === 'table' && pageRows(output.page)).toEqual([[3]]);
  });

  it('cancels a long SQL cell in the engine', async () => {
    const long = parseNotebook('```sql name=slow\nselect sum(a.range * b.range) as s from range(200000) a, range(200000) b\n```\n```sql\nselect * from slow\n```\n').cells;
    const other = createNotebookRuntime(engine, { taskIdPrefix: 'cancel-' });
    other.load({ meta: {}, cells: long });
    const started = Date.now();
    const running = other.run();
    await new Promise<void>((resolve) => { const stop = other.subscribe((id, s) => { if (id === long[0]!.id && s.status === 'running') { stop(); resolve(); } }); });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.cancel();
    await running;
    expect(other.state(long[0]!.id).status).toBe('cancelled');
    // Cancelling every cell also takes the one waiting behind it off the queue.
    expect(other.state(long[1]!.id).status).toBe('cancelled');
    expect(other.state(long[0]!.id).output).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
