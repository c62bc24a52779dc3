import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultPage } from '../../workers/engine/api.js';
import { readColumns } from '../../workers/db/columnar.js';
import { parsePlotSpec, planPlotQuery } from '../../renderer/plot/plot-query.js';
import { renderPlot } from '../../renderer/plot/render-plot.js';

// Plots of the bundled synthetic OMOP persons, from the planned SQL through the Engine's own columnar reader.
let connection: DuckDBConnection;
let columns: string[];

async function page(sql: string): Promise<ResultPage> {
  const reader = await connection.runAndReadAll(sql);
  const rowCount = reader.currentRowCount;
  return { taskId: 't', columns: readColumns(reader, 0, rowCount), rowCount, offset: 0, hasMore: false, elapsedMs: 0 };
}

async function render(specText: string, locale = 'en'): Promise<{ figure: Element; data: ResultPage }> {
  const spec = parsePlotSpec(specText);
  const data = await page(planPlotQuery(spec, 'SELECT * FROM person', columns).sql);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return { figure: renderPlot(spec, data, { document: document as unknown as Document, locale }) as Element, data };
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE person AS SELECT *, make_date(year_of_birth, month_of_birth, day_of_birth) AS birth
    FROM read_csv('samples/small/omop/person.csv') WHERE person_id <= 120`);
  columns = (await connection.runAndReadAll('SELECT * FROM person LIMIT 0')).columnNames();
});
afterAll(() => connection?.closeSync());

describe('renderPlot', () => {
  it('draws one circle per row, with axis labels from the columns and a legend for the colours', async () => {
    const { figure } = await render('{ "mark": "dot", "x": "year_of_birth", "y": "month_of_birth", "fill": "gender_source_value", "title": "Births" }');
    expect(figure.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(120);
    expect(figure.querySelector('g[aria-label="x-axis label"]')?.textContent).toMatch(/year_of_birth/);
    expect(figure.querySelector('g[aria-label="y-axis label"]')?.textContent).toMatch(/month_of_birth/);
    expect(figure.querySelector('h2')?.textContent).toBe('Births');
    expect(figure.textContent).toMatch(/F/);
    expect(figure.querySelector('[class$="-swatches-wrap"], [class*="-swatches"]')).not.toBeNull();
  });

  it('draws a path per line series', async () => {
    const { figure } = await render('{ "mark": "line", "x": "person_id", "y": "year_of_birth", "stroke": "gender_source_value" }');
    const series = (await page("SELECT count(DISTINCT gender_source_value) AS n FROM person")).columns[0]!.data;
    expect(figure.querySelectorAll('g[aria-label="line"] path')).toHaveLength(Number((series.values as BigInt64Array)[0]));
  });

  it('draws a histogram as one rectangle per non-empty bin, labelled with the count', async () => {
    const { figure, data } = await render('{ "mark": "barY", "x": "year_of_birth", "bin": { "x": 10 } }');
    expect(figure.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(data.rowCount);
    expect(figure.querySelector('g[aria-label="y-axis label"]')?.textContent).toMatch(/count/);
    expect(figure.querySelector('g[aria-label="x-axis label"]')?.textContent).toMatch(/year_of_birth/);
  });

  it('draws facet groups, one per value of fx', async () => {
    const { figure } = await render('{ "mark": "dot", "x": "year_of_birth", "y": "month_of_birth", "fx": "gender_source_value" }');
    const facets = (await page('SELECT count(DISTINCT gender_source_value) AS n FROM person')).columns[0]!.data;
    expect(figure.querySelectorAll('g[aria-label="dot"] > g')).toHaveLength(Number((facets.values as BigInt64Array)[0]));
  });

  it('formats date ticks in Chinese for zh-CN and in English for en', async () => {
    const spec = '{ "marks": [ { "mark": "dot", "x": "birth", "y": "year_of_birth" }, { "mark": "ruleY", "y": 1950 } ] }';
    const zh = (await render(spec, 'zh-CN')).figure.querySelector('g[aria-label="x-axis tick label"]')!.textContent!;
    expect(zh).toMatch(/\d{4}年/);
    const en = (await render(spec, 'en')).figure.querySelector('g[aria-label="x-axis tick label"]')!.textContent!;
    expect(en).not.toMatch(/年/);
    expect(en).toMatch(/19[4-9]\d/);
  });

  it('formats numbers for the locale (grouping) and draws constant rules once', async () => {
    const { figure } = await render('{ "marks": [ { "mark": "dot", "x": "person_id", "y": "person_id" }, { "mark": "ruleX", "x": 60 } ], "scales": { "x": { "domain": [0, 2000] } } }', 'zh-CN');
    expect(figure.querySelector('g[aria-label="x-axis tick label"]')!.textContent).toMatch(/1,000/);
    expect(figure.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(1);
  });
});
