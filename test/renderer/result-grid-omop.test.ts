/**
 * The result grid fed the way the notebook view feeds it: pages of a SQL cell from the notebook runtime over a
 * real engine holding the bundled OMOP sample (omop.drug_exposure, 5,798 rows = 12 pages of 500). Every
 * number the grid shows is checked against a separate SQL query written differently from the grid's.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOmopSampleEngine } from '../helpers/omop-sample-engine.js';
import { pageRows } from '../helpers/page-rows.js';
import { byTestId, installDom, waitFor } from '../../renderer/app/test-dom.node.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import { createNotebookRuntime } from '../../renderer/notebook/runtime.js';
import { createResultGrid, ROW_HEIGHT } from '../../renderer/grid/result-grid.js';

describe('result grid over omop.drug_exposure', () => {
  const engine = useOmopSampleEngine();
  const scalar = async (sql: string) => pageRows(await engine.query(sql))[0]?.[0];

  beforeAll(() => { installDom(); });

  it('pages, sorts, filters and exports what the engine holds', async () => {
    const runtime = createNotebookRuntime(engine, { taskIdPrefix: 'grid-' });
    const cells = parseNotebook('```sql name=exposures\nselect person_id, drug_concept_id, drug_exposure_start_date from omop.drug_exposure\n```\n').cells;
    runtime.load({ meta: {}, cells });
    await runtime.run();
    const cellId = cells[0]!.id;
    const downloads: { name: string; data: Blob }[] = [];
    const grid = createResultGrid({
      fetch: (request) => runtime.page(cellId, request),
      fileName: 'exposures.csv',
      saveDownload: async (name, data) => { downloads.push({ name, data }); },
    });
    document.body.append(grid.element);
    const status = () => byTestId(grid.element, 'grid-status')[0]?.textContent;
    await waitFor(() => status() !== 'No rows', 'the first page');

    const total = Number(await scalar('select count(*) from omop.drug_exposure'));
    expect(total).toBe(5798);
    expect(status()).toBe('Showing 1–16 of 5,798 rows');

    // The bottom of the spacer shows the last row (row index 5,797).
    const viewport = byTestId(grid.element, 'grid-viewport')[0]!;
    viewport.scrollTop = total * ROW_HEIGHT - 360;
    viewport.dispatchEvent(new Event('scroll'));
    const lastRow = () => byTestId(grid.element, 'grid-row').at(-1);
    await waitFor(() => lastRow()?.dataset.row === '5797' && !lastRow()?.querySelector('.loading'), 'the last page');
    const rows = byTestId(grid.element, 'grid-row');
    expect(rows.at(-1)?.dataset.row).toBe('5797');
    expect(rows.at(-1)?.querySelector('.loading')).toBeNull();
    expect(status()).toBe('Showing 5,784–5,798 of 5,798 rows');

    // Newest exposure first: two clicks on the date header.
    const dateHeader = byTestId(grid.element, 'grid-header').find((cell) => cell.dataset.column === 'drug_exposure_start_date')!;
    dateHeader.dispatchEvent(new Event('click'));
    await waitFor(() => dateHeader.getAttribute('aria-sort') === 'ascending', 'ascending sort');
    dateHeader.dispatchEvent(new Event('click'));
    const latest = String(await scalar('select strftime(max(drug_exposure_start_date), \'%Y-%m-%d\') from omop.drug_exposure'));
    const firstDate = () => byTestId(grid.element, 'grid-row')[0]?.children[2]?.textContent;
    await waitFor(() => firstDate() === latest, `the newest date ${latest} first`);
    expect(dateHeader.getAttribute('aria-sort')).toBe('descending');

    // Rows whose drug concept id contains 1118 (celecoxib's 1118084 and its products).
    const filter = byTestId(grid.element, 'grid-filter').find((input) => input.dataset.column === 'drug_concept_id') as HTMLInputElement;
    filter.value = '1118';
    filter.dispatchEvent(new Event('input'));
    const matching = Number(await scalar("select count(*) from omop.drug_exposure where cast(drug_concept_id as varchar) like '%1118%'"));
    expect(matching).toBeGreaterThan(0);
    await waitFor(() => status()?.endsWith(`of ${matching.toLocaleString('en')} rows`) ?? false, `${matching} filtered rows`);
    expect(status()).toBe(`Showing 1–${Math.min(16, matching)} of ${matching.toLocaleString('en')} rows`);

    // CSV of the sorted, filtered result: same rows, same person ids, newest first.
    byTestId(grid.element, 'grid-export')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => downloads.length > 0, 'the CSV download');
    expect(downloads.map((download) => download.name)).toEqual(['exposures.csv']);
    const csv = await downloads[0]!.data.text();
    // The first line states the small-cell policy: none, for the rows of a SQL cell.
    expect(csv.split('\r\n')[0]).toBe('# small-cell policy: none applied (rows of a SQL query, as it returned them)');
    const parsed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true, comments: '#' });
    expect(parsed.data).toHaveLength(matching);
    const personSum = Number(await scalar("select sum(person_id) from omop.drug_exposure where cast(drug_concept_id as varchar) like '%1118%'"));
    expect(parsed.data.reduce((sum, row) => sum + Number(row.person_id), 0)).toBe(personSum);
    const dates = parsed.data.map((row) => row.drug_exposure_start_date as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    grid.destroy();
  });
});
