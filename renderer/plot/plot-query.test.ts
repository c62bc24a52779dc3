import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brushedRelationSql, parsePlotSpec, planPlotQuery } from './plot-query.js';

// The bundled synthetic OMOP persons (1,000 rows), with a DATE column built from the birth fields.
const PERSON = `SELECT *, make_date(year_of_birth, month_of_birth, day_of_birth) AS birth FROM read_csv('samples/small/omop/person.csv')`;
let connection: DuckDBConnection;
let columns: string[];

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[];
}
async function count(sql: string): Promise<number> {
  return Number(Object.values((await rows(sql))[0]!)[0]);
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE person AS ${PERSON}`);
  columns = (await connection.runAndReadAll('SELECT * FROM person LIMIT 0')).columnNames();
});
afterAll(() => connection?.closeSync());

describe('planPlotQuery: bins', () => {
  it('counts a histogram per bin exactly as an independent WHERE count, the last bin closed', async () => {
    const spec = parsePlotSpec('{ "mark": "barY", "x": "year_of_birth", "bin": { "x": 10 } }');
    const plan = planPlotQuery(spec, 'SELECT * FROM person', columns);
    expect(plan.note).toMatch(/year_of_birth/);
    const bins = await rows(plan.sql);
    expect(bins.length).toBeGreaterThanOrEqual(5);
    let total = 0;
    for (const [i, bin] of bins.entries()) {
      const last = i === bins.length - 1;
      const expected = await count(`SELECT count(*) FROM person WHERE year_of_birth >= ${bin.x1} AND year_of_birth ${last ? '<=' : '<'} ${bin.x2}`);
      expect(Number(bin.count), `bin ${bin.x1}–${bin.x2}`).toBe(expected);
      total += Number(bin.count);
    }
    expect(total).toBe(await count('SELECT count(*) FROM person WHERE year_of_birth IS NOT NULL'));
    // Nice edges: every lower edge after the first is a multiple of the step.
    const step = Number(bins[2]!.x2) - Number(bins[2]!.x1);
    expect(Number(bins[2]!.x1) % step).toBe(0);
  });

  it('bins dates, grouped by a colour column, and means a column per bin', async () => {
    const byDate = await rows(planPlotQuery(parsePlotSpec('{ "mark": "barY", "x": "birth", "fill": "gender_source_value", "bin": { "x": 8 } }'), 'SELECT * FROM person', columns).sql);
    const female = byDate.filter((b) => b.gender_source_value === 'F');
    const first = female[0]!;
    expect(Number(first.count)).toBe(await count(`SELECT count(*) FROM person WHERE gender_source_value = 'F' AND birth >= DATE '${first.x1}' AND birth < DATE '${first.x2}'`));
    const means = await rows(planPlotQuery(parsePlotSpec('{ "mark": "line", "x": "year_of_birth", "bin": { "x": 5, "reduce": "mean", "of": "month_of_birth" } }'), 'SELECT * FROM person', columns).sql);
    const m = means[1]!;
    const expected = (await rows(`SELECT avg(month_of_birth) AS m FROM person WHERE year_of_birth >= ${m.x1} AND year_of_birth < ${m.x2}`))[0]!.m as number;
    expect(m.mean as number).toBeCloseTo(expected, 12);
  });

  it('bins a heatmap over x × y; the cells add up to the rows', async () => {
    const spec = parsePlotSpec('{ "mark": "cell", "x": "year_of_birth", "y": "month_of_birth", "bin": { "x": 5, "y": 4 } }');
    const cells = await rows(planPlotQuery(spec, 'SELECT * FROM person', columns).sql);
    expect(cells.reduce((s, c) => s + Number(c.count), 0)).toBe(1000);
    const c = cells[3]!;
    const yLast = cells.every((o) => Number(o.y2) <= Number(c.y2));
    const xLast = cells.every((o) => Number(o.x2) <= Number(c.x2));
    expect(Number(c.count)).toBe(await count(`SELECT count(*) FROM person WHERE year_of_birth >= ${c.x1} AND year_of_birth ${xLast ? '<=' : '<'} ${c.x2}
      AND month_of_birth >= ${c.y1} AND month_of_birth ${yLast ? '<=' : '<'} ${c.y2}`));
  });
});

describe('planPlotQuery: rows', () => {
  it('reads only the columns the marks use, all rows when under maxRows', async () => {
    const plan = planPlotQuery(parsePlotSpec('{ "mark": "dot", "x": "YEAR_OF_BIRTH", "y": "month_of_birth", "fill": "steelblue" }'), 'SELECT * FROM person;', columns);
    const result = await connection.runAndReadAll(plan.sql);
    expect(result.columnNames()).toEqual(['year_of_birth', 'month_of_birth']);
    expect(result.currentRowCount).toBe(1000);
  });

  it('samples exactly maxRows rows, the same rows twice', async () => {
    const plan = planPlotQuery(parsePlotSpec('{ "mark": "dot", "x": "person_id", "y": "year_of_birth", "maxRows": 100 }'), 'SELECT * FROM person', columns);
    const first = (await rows(plan.sql)).map((r) => Number(r.person_id)).sort((a, b) => a - b);
    const second = (await rows(plan.sql)).map((r) => Number(r.person_id)).sort((a, b) => a - b);
    expect(first).toHaveLength(100);
    expect(new Set(first).size).toBe(100);
    expect(second).toEqual(first);
    expect(plan.note).toMatch(/100/);
  });

  it('puts line rows in x order', async () => {
    const plan = planPlotQuery(parsePlotSpec('{ "mark": "line", "x": "person_id", "y": "year_of_birth", "maxRows": 50 }'), 'SELECT * FROM person', columns);
    const ids = (await rows(plan.sql)).map((r) => Number(r.person_id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('refuses an unknown column, listing the columns there are', () => {
    const spec = parsePlotSpec('{ "marks": [ { "mark": "dot", "x": "year_of_birth", "y": "agee" } ] }');
    expect(() => planPlotQuery(spec, 'SELECT * FROM person', columns)).toThrow(/marks\[0\]\.y: no column "agee"; the data has person_id, gender_concept_id/);
  });
});

describe('brushedRelationSql', () => {
  it('selects the rows inside a numeric brush, as an independent WHERE does', async () => {
    const spec = parsePlotSpec('{ "mark": "dot", "x": "year_of_birth", "y": "month_of_birth", "brush": "xy" }');
    const sql = brushedRelationSql(spec, 'SELECT * FROM person', { x: [1970, 1950], y: [3, 6] });
    expect(await count(`SELECT count(*) FROM (${sql})`)).toBe(
      await count('SELECT count(*) FROM person WHERE year_of_birth >= 1950 AND year_of_birth <= 1970 AND month_of_birth >= 3 AND month_of_birth <= 6'));
    expect(await count(`SELECT count(*) FROM (${brushedRelationSql(spec, 'SELECT * FROM person', null)})`)).toBe(1000);
  });

  it('compares dates as dates', async () => {
    const spec = parsePlotSpec('{ "mark": "barY", "x": "birth", "bin": { "x": 10 }, "brush": "x" }');
    const sql = brushedRelationSql(spec, 'SELECT * FROM person', { x: ['1950-06-01T00:00:00.000Z', '1960-01-01'] });
    expect(await count(`SELECT count(*) FROM (${sql})`)).toBe(
      await count(`SELECT count(*) FROM person WHERE birth >= DATE '1950-06-01' AND birth <= DATE '1960-01-01'`));
  });

  it('selects categories between the first and last brushed band', async () => {
    const spec = parsePlotSpec(`{ "mark": "barY", "x": "race_source_value", "y": "person_id", "brush": "x" }`);
    const sql = brushedRelationSql(spec, 'SELECT * FROM person', { x: ['asian', "o'brien"] });
    expect(await count(`SELECT count(*) FROM (${sql})`)).toBe(
      await count(`SELECT count(*) FROM person WHERE race_source_value >= 'asian' AND race_source_value <= 'o''brien'`));
  });
});
