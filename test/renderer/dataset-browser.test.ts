/**
 * The dataset browser on the bundled OMOP sample in a real engine (linkedom for the DOM): the catalog, a
 * column's profile checked against SQL written separately, "query this table", and the Quality and Privacy
 * scan dialogs (a check's SQL lists its failing rows; k-anonymity as GROUP BY over the source CSV counts it).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useOmopSampleEngine } from '../helpers/omop-sample-engine.js';
import { pageRows } from '../helpers/page-rows.js';
import { byTestId, installDom, waitFor } from '../../renderer/app/test-dom.node.js';
import { setLocale } from '../../renderer/i18n/i18n.js';
import { createDatasetBrowser } from '../../renderer/datasets/dataset-browser.js';
import { INSERT_SQL_EVENT, type InsertSqlDetail } from '../../renderer/datasets/insert-sql.js';

describe('dataset browser on the omop sample', () => {
  const engine = useOmopSampleEngine();
  const row = async (sql: string) => pageRows(await engine.query(sql))[0] ?? [];

  beforeAll(() => { installDom(); });
  afterEach(() => setLocale('en'));

  it('lists the catalog by kind and unfolds the dataset asked for', async () => {
    const browser = createDatasetBrowser(engine);
    await browser.refresh('omop');
    const items = byTestId(browser.element, 'dataset-item');
    expect(items.map((item) => item.dataset.dataset)).toEqual(['omop']);
    expect((items[0] as HTMLDetailsElement).open).toBe(true);
    expect(browser.element.querySelector('.dataset-group h3')?.textContent).toBe('Clinical (OMOP) · 1');
    const tables = byTestId(browser.element, 'dataset-table').map((table) => table.dataset.table);
    expect(tables).toContain('omop.person');
    expect(tables).toContain('omop.drug_exposure');
    const person = byTestId(browser.element, 'dataset-table').find((table) => table.dataset.table === 'omop.person')!;
    expect(person.querySelector('summary .muted')?.textContent).toBe('1,000 rows');
    setLocale('zh-CN');
    expect(browser.element.querySelector('h2')?.textContent).toBe('数据集');
    expect(person.querySelector('summary .muted')?.textContent).toBe('1,000 行');
    // The import time re-rendered as a Chinese date (年 … 日).
    expect(byTestId(browser.element, 'dataset-imported')[0]?.textContent).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('profiles a column the way SQL counts it', async () => {
    const browser = createDatasetBrowser(engine);
    await browser.refresh('omop');
    const person = byTestId(browser.element, 'dataset-table').find((table) => table.dataset.table === 'omop.person')!;
    const column = byTestId(person, 'dataset-column').find((button) => button.dataset.column === 'year_of_birth')!;
    column.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(person, 'column-profile').length === 1, 'the profile');
    const [nulls, distinct, min, max] = await row(
      'select count(*) - count(year_of_birth), count(distinct year_of_birth), min(year_of_birth), max(year_of_birth) from omop.person');
    const text = (id: string) => byTestId(person, id)[0]?.textContent;
    const percent = new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format((100 * Number(nulls)) / 1000);
    expect(text('profile-nulls')).toBe(`${nulls} (${percent}%)`);
    expect(text('profile-distinct')).toBe(String(distinct));
    expect(text('profile-min')).toBe(String(min));
    expect(text('profile-max')).toBe(String(max));
    // Most frequent year first, with its count as SQL finds it.
    const [topYear, topCount] = await row('select year_of_birth, count(*) as n from omop.person group by 1 order by n desc, 1 limit 1');
    const firstTop = byTestId(person, 'profile-top-values')[0]?.querySelector('li');
    expect(firstTop?.querySelector('.top-count')?.textContent).toBe(String(topCount));
    expect(firstTop?.querySelector('.top-value')?.textContent).toBe(String(topYear));
    // The histogram's bars hold every non-null year.
    const bars = [...person.querySelectorAll<HTMLElement>('.histogram-bar')];
    expect(bars.length).toBeGreaterThan(1);
    const binned = bars.reduce((sum, bar) => sum + Number(/: ([\d,]+)$/.exec(bar.getAttribute('title') ?? '')?.[1]?.replaceAll(',', '')), 0);
    expect(binned).toBe(1000 - Number(nulls));
    // A second click folds it away.
    column.dispatchEvent(new Event('click'));
    expect(byTestId(person, 'column-profile')).toHaveLength(0);
  });

  it('shows a date column’s range and histogram edges as dates', async () => {
    const browser = createDatasetBrowser(engine);
    await browser.refresh('omop');
    const measurement = byTestId(browser.element, 'dataset-table').find((table) => table.dataset.table === 'omop.measurement')!;
    byTestId(measurement, 'dataset-column').find((button) => button.dataset.column === 'measurement_date')!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(measurement, 'column-profile').length === 1, 'the profile');
    const [min, max, minText, maxText] = await row(`select strftime(min(measurement_date), '%Y-%m-%d'), strftime(max(measurement_date), '%Y-%m-%d'),
      strftime(min(measurement_date), '%b %-d, %Y'), strftime(max(measurement_date), '%b %-d, %Y') from omop.measurement`);
    expect(byTestId(measurement, 'profile-min')[0]?.textContent).toBe(min);
    expect(byTestId(measurement, 'profile-max')[0]?.textContent).toBe(max);
    // Equal-width bins from the first date to the last: the axis names both ends as dates (en: "Mar 4, 2019").
    const axis = [...measurement.querySelectorAll('.histogram-axis span')].map((span) => span.textContent);
    expect(axis).toEqual([minText, maxText]);
  });

  it('asks the notebook for SQL that selects the whole table', async () => {
    const browser = createDatasetBrowser(engine);
    await browser.refresh();
    const requested: string[] = [];
    const listener = (event: Event) => requested.push((event as CustomEvent<InsertSqlDetail>).detail.sql);
    window.addEventListener(INSERT_SQL_EVENT, listener);
    const death = byTestId(browser.element, 'dataset-table').find((table) => table.dataset.table === 'omop.death')!;
    byTestId(death, 'query-table')[0]!.dispatchEvent(new Event('click'));
    window.removeEventListener(INSERT_SQL_EVENT, listener);
    expect(requested).toEqual(['SELECT * FROM "omop"."death"']);
    const page = await engine.query(requested[0]!, { count: true });
    expect(page.totalRows).toBe(Number((await row('select count(*) from omop.death'))[0]));
  });

  it('runs the quality report from the catalog and sends a check’s SQL to the notebook', async () => {
    const browser = createDatasetBrowser(engine);
    await browser.refresh('omop');
    const item = byTestId(browser.element, 'dataset-item')[0]!;
    byTestId(item, 'dataset-quality')[0]!.dispatchEvent(new Event('click'));
    const dialog = byTestId(item, 'dataset-report-dialog')[0]!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.dataset.report).toBe('quality');
    await waitFor(() => byTestId(dialog, 'quality-report').length === 1 || byTestId(dialog, 'dataset-report-error').length === 1, 'the report');
    const report = await engine.quality('omop');
    const view = byTestId(dialog, 'quality-report')[0]!;
    expect(view.dataset).toMatchObject({ passed: String(report.passed), failed: String(report.failed) });
    const rows = byTestId(view, 'quality-check');
    expect(rows.map((row) => row.dataset.check).sort()).toEqual(report.checks.map((c) => c.id).sort());
    // Failed checks first.
    expect(rows.slice(0, report.failed).every((row) => row.dataset.status === 'fail')).toBe(true);
    const requested: InsertSqlDetail[] = [];
    const listener = (event: Event) => requested.push((event as CustomEvent<InsertSqlDetail>).detail);
    window.addEventListener(INSERT_SQL_EVENT, listener);
    byTestId(rows[0]!, 'quality-insert-sql')[0]!.dispatchEvent(new Event('click'));
    window.removeEventListener(INSERT_SQL_EVENT, listener);
    const first = report.checks.find((c) => c.id === rows[0]!.dataset.check)!;
    expect(requested).toEqual([{ sql: first.sql }]);
    expect(Number((await row(`select count(*) from (${first.sql})`))[0])).toBe(first.failing);
  });

  it('scans for identifiers and checks k-anonymity over the columns ticked, as GROUP BY over the CSV counts it', async () => {
    const browser = createDatasetBrowser(engine);
    await browser.refresh('omop');
    const item = byTestId(browser.element, 'dataset-item')[0]!;
    byTestId(item, 'dataset-privacy')[0]!.dispatchEvent(new Event('click'));
    const dialog = byTestId(item, 'dataset-report-dialog')[0]!;
    await waitFor(() => byTestId(dialog, 'privacy-scan').length === 1 || byTestId(dialog, 'dataset-report-error').length === 1, 'the scan');
    const scan = byTestId(dialog, 'privacy-scan')[0]!;
    expect(scan.dataset.identifiers).toBe('0');
    const form = byTestId(dialog, 'k-anonymity-form')[0]!;
    const tablePicker = byTestId(form, 'k-table')[0]!;
    Object.defineProperty(tablePicker, 'value', { value: 'omop.person', configurable: true });
    tablePicker.dispatchEvent(new Event('change'));
    for (const column of ['year_of_birth', 'gender_concept_id']) (form.querySelector(`input[data-column="${column}"]`) as HTMLInputElement).checked = true;
    const k = byTestId(form, 'k-value')[0] as HTMLInputElement;
    Object.defineProperty(k, 'value', { value: '3', configurable: true });
    byTestId(form, 'k-run')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(form, 'k-anonymity').length === 1 || byTestId(form, 'k-error').length === 1, 'the k-anonymity report');
    const person = new URL('../../samples/small/omop/person.csv', import.meta.url).pathname;
    const [smallest, below] = await row(`select min(size), coalesce(sum(size) filter (where size < 3), 0)
      from (select count(*) as size from read_csv('${person}') group by year_of_birth, gender_concept_id)`);
    expect(byTestId(form, 'k-anonymity')[0]!.dataset).toMatchObject({ k: '3', smallest: String(smallest), below: String(below) });
  });
});
