import type { Dataset, DatasetTable } from '../workers/engine/api.js';

/**
 * A query worth showing when, for each placeholder `{0}`, `{1}`, ..., some table has the listed columns.
 * Written against column names, not table names, so they fit whatever the samples (or a user) provide.
 */
const RECIPES: { needs: string[][]; sql: string }[] = [
  {
    needs: [['condition_concept_id', 'person_id'], ['concept_id', 'concept_name']],
    sql: 'select c.concept_name as condition, count(distinct o.person_id) as persons from {0} o join {1} c on c.concept_id = o.condition_concept_id group by all order by persons desc limit 10;',
  },
  { needs: [['gender_concept_id', 'year_of_birth']], sql: 'select gender_concept_id, count(*) as persons, round(avg(year_of_birth)) as mean_birth_year from {0} group by all;' },
  { needs: [['report_id', 'pt']], sql: 'select pt as reaction, count(distinct report_id) as reports from {0} group by all order by reports desc limit 10;' },
  { needs: [['pt', 'primaryid']], sql: 'select pt as reaction, count(distinct primaryid) as reports from {0} group by all order by reports desc limit 10;' },
  { needs: [['prod_ai', 'role_cod']], sql: "select prod_ai as ingredient, count(*) as reports from {0} where role_cod = 'PS' group by all order by reports desc limit 10;" },
  { needs: [['var1', 'var2']], sql: 'select var1 as product, var2 as event, count(*) as reports from {0} group by all order by reports desc limit 10;' },
];

function hasColumns(table: DatasetTable, columns: string[]): boolean {
  const names = new Set(table.columns.map((c) => c.name.toLowerCase()));
  return columns.every((c) => names.has(c));
}

function fillRecipe(recipe: (typeof RECIPES)[number], tables: DatasetTable[]): string | null {
  let sql = recipe.sql;
  for (const [index, columns] of recipe.needs.entries()) {
    const table = tables.find((t) => hasColumns(t, columns));
    if (!table) return null;
    sql = sql.replaceAll(`{${index}}`, table.table);
  }
  return sql;
}

/** A few SQL statements that run on these datasets: a first look, counts that fit the columns, a summary. */
export function exampleQueries(datasets: Dataset[], max = 6): string[] {
  const tables = datasets.flatMap((d) => d.tables);
  const first = tables[0];
  if (!first) return [];
  const fitting = RECIPES.map((r) => fillRecipe(r, tables)).filter((sql): sql is string => sql !== null);
  return [`select * from ${first.table} limit 5;`, ...fitting.slice(0, max - 2), `summarize ${first.table};`];
}
