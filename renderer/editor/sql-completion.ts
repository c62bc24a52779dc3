/**
 * What SQL completion knows: the workspace's tables with their columns (engine.datasets()) and the earlier
 * named cells of the notebook (with their result columns once they have run). Tables in the `main` schema
 * complete at the top level (`caers`); a dataset's schema completes to its tables and on to their columns
 * (`gibleed.` → `person` → `person_id`). Pure, so tested under Node.
 */
import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { Dataset } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';

export interface CellRelationInfo {
  name: string;
  /** The cell's result columns when known (it has run), else none. */
  columns?: { name: string; type: string }[];
}

type Tables = Record<string, Completion[]>;

function columnCompletions(columns: { name: string; type: string }[]): Completion[] {
  return columns.map((column) => ({ label: column.name, type: 'property', detail: column.type }));
}

/** The completion tree: `{ table: columns, schema: { table: columns } }`. Cell names shadow tables and schemas of the same name (as the runtime's WITH does). */
export function buildSqlNamespace(datasets: readonly Dataset[], cells: readonly CellRelationInfo[]): SQLNamespace {
  const topLevel: Tables = {};
  const schemas: Record<string, Tables> = {};
  for (const dataset of datasets) {
    for (const table of dataset.tables) {
      const dot = table.table.indexOf('.');
      const columns = columnCompletions(table.columns);
      if (dot < 0) { topLevel[table.table] = columns; continue; }
      const schema = table.table.slice(0, dot);
      (schemas[schema] ??= {})[table.table.slice(dot + 1)] = columns;
    }
  }
  const namespace: Record<string, SQLNamespace> = {};
  for (const [schema, tables] of Object.entries(schemas)) namespace[schema] = tables;
  // A schema and a table of the same name: the schema wins (its tables are what `name.` should offer).
  for (const [table, columns] of Object.entries(topLevel)) if (!(table in namespace)) namespace[table] = columns;
  for (const cell of cells) {
    namespace[cell.name] = { self: { label: cell.name, type: 'variable', detail: t('view.completion.cell') }, children: columnCompletions(cell.columns ?? []) };
  }
  return namespace;
}
