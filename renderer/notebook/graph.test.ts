import { describe, expect, it } from 'vitest';
import { parseNotebook } from './format.js';
import { buildGraph, transitiveDependencies, transitiveDependents } from './graph.js';
import { sqlIdentifiers } from './sql-identifiers.js';

const cellsOf = (text: string) => parseNotebook(text).cells;

describe('sqlIdentifiers', () => {
  it('skips strings, comments and dollar quotes and marks qualified names', () => {
    const sql = `select "Users".n, 'users' as s, E'it''s users', $$ users $$ -- users\n/* users */ from gibleed.person join users on true`;
    expect(sqlIdentifiers(sql).map((i) => [i.text, i.quoted, i.qualified])).toEqual([
      ['select', false, false], ['Users', true, false], ['n', false, true], ['as', false, false], ['s', false, false],
      ['from', false, false], ['gibleed', false, false], ['person', false, true], ['join', false, false], ['users', false, false],
      ['on', false, false], ['true', false, false],
    ]);
  });
});

describe('buildGraph', () => {
  const text = [
    '```sql name=users', 'select 1 as n', '```',
    '```sql name=Other', "select n from USERS where 'other' <> 'x' -- other", '```',
    '```plot data=other name=picked', '{}', '```',
    '```cohort name=c', '{}', '```',
    '```survival', '{ "target": "c", "outcome": { "$ref": "c" }, "comparator": { "dataset": "d", "entry": {} } }', '```',
    '```sql', 'select * from picked, gibleed.users', '```',
  ].join('\n') + '\n';
  const cells = cellsOf(text);
  const graph = buildGraph(cells);
  const names = (ids: string[]) => ids.map((id) => cells.find((c) => c.id === id)!.name ?? cells.findIndex((c) => c.id === id));

  it('finds SQL, data= and spec references, case-insensitively, and ignores a self-mention and qualified names', () => {
    expect(graph.errors.size).toBe(0);
    expect(cells.map((c) => names(graph.dependencies.get(c.id)!))).toEqual([[], ['users'], ['Other'], [], ['c'], ['picked']]);
    expect(names(transitiveDependencies(graph, cells, cells[5]!.id))).toEqual(['users', 'Other', 'picked']);
    expect(names(transitiveDependents(graph, cells, cells[0]!.id))).toEqual(['Other', 'picked', 5]);
  });

  it('reports forward references, missing names and non-cohort references on the cell, with line and column', () => {
    const bad = cellsOf([
      '```sql', 'select 1', 'from later', '```',
      '```plot data=nowhere', '{}', '```',
      '```plot', '{}', '```',
      '```sql name=later', 'select 2', '```',
      '```characterize', '{\n  "target": "later" }', '```',
    ].join('\n'));
    const errors = buildGraph(bad).errors;
    expect(errors.get(bad[0]!.id)).toMatchObject({ code: 'BAD_REQUEST', line: 2, column: 6, message: expect.stringContaining('further down') });
    expect(errors.get(bad[1]!.id)).toMatchObject({ message: 'no cell is named nowhere' });
    expect(errors.get(bad[2]!.id)).toMatchObject({ message: expect.stringContaining('needs data=NAME') });
    expect(errors.get(bad[3]!.id)).toBeUndefined();
    expect(errors.get(bad[4]!.id)).toMatchObject({ line: 2, column: 13, message: 'later is a sql cell, but a cohort is needed here' });
  });
});
