import type { Dataset, DatasetTable } from '../workers/engine/api.js';

/** A query worth showing when a table has all of `columns`; `{t}` is the table. */
const RECIPES: { columns: string[]; sql: string }[] = [
  { columns: ['gender_concept_id'], sql: 'select gender_concept_id, count(*) as persons from {t} group by all order by persons desc;' },
  { columns: ['condition_concept_id', 'person_id'], sql: 'select condition_concept_id, count(distinct person_id) as persons from {t} group by all order by persons desc limit 10;' },
  { columns: ['drug_concept_id', 'person_id'], sql: 'select drug_concept_id, count(distinct person_id) as persons from {t} group by all order by persons desc limit 10;' },
  { columns: ['pt'], sql: 'select pt, count(*) as reports from {t} group by all order by reports desc limit 10;' },
  { columns: ['drugname'], sql: 'select drugname, count(*) as reports from {t} group by all order by reports desc limit 10;' },
  { columns: ['var1', 'var2'], sql: 'select var1 as product, var2 as event, count(*) as reports from {t} group by all order by reports desc limit 10;' },
];

function hasColumns(table: DatasetTable, columns: string[]): boolean {
  const names = new Set(table.columns.map((c) => c.name.toLowerCase()));
  return columns.every((c) => names.has(c));
}

/** A few SQL statements that run on these datasets: a first look, a summary, and counts that fit the columns. */
export function exampleQueries(datasets: Dataset[], max = 5): string[] {
  const tables = datasets.flatMap((d) => d.tables);
  const first = tables[0];
  if (!first) return [];
  const examples = [`select * from ${first.table} limit 5;`, `summarize ${first.table};`];
  for (const recipe of RECIPES) {
    const table = tables.find((t) => hasColumns(t, recipe.columns));
    if (table) examples.push(recipe.sql.replace('{t}', table.table));
  }
  return examples.slice(0, max);
}
