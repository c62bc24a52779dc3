/** A cell's output as a relation, and any relation as a standalone SELECT the Engine can run or wrap. */
import type { CellOutput, NotebookEngine, Relation } from './notebook.js';
import { withoutTrailingSemicolons } from './compose-sql.js';
import { valuesRelationSql } from './values-relation.js';

/** What a cell's rows are: the relation of a table or analysis, a plot's brushed rows or (unnamed) its drawn data. */
export function outputRelation(output: CellOutput | undefined): Relation | null {
  if (!output || output.type === 'markdown') return null;
  if (output.type === 'plot') return output.relation ?? { page: output.data };
  return output.relation;
}

export function relationSelect(relation: Relation): string {
  return withoutTrailingSemicolons(relation.sql ?? valuesRelationSql(relation.page!));
}

/** Column names of a SELECT, asked of the Engine without reading a row. */
export async function selectColumns(engine: NotebookEngine, sql: string, taskId?: string): Promise<string[]> {
  const page = await engine.query(`SELECT * FROM (\n${withoutTrailingSemicolons(sql)}\n) LIMIT 0`, { limit: 0, ...(taskId ? { taskId } : {}) });
  return page.columns.map((c) => c.name);
}
