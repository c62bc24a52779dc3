import type { Task } from '../../db/tasks.js';
import { runInSlice } from '../reports/scaled-progress.js';
import { childTablesSql, demoKeysSql, keptVersionsSql, liveVersionsSql, reportTableSql, type DedupRule } from './canonical-faers-sql.js';

/** The canonical tables of a FAERS dataset, report table first. */
export const FAERS_TABLE_NAMES = ['pv_report', 'pv_drug', 'pv_event', 'pv_outcome', 'pv_indication', 'pv_therapy', 'pv_report_source'] as const;

/**
 * From the staged quarters to the canonical tables, in DuckDB: drop deleted cases, rank each case's
 * versions, keep one per case, then keep the rows of every other file that belong to a kept version.
 */
export async function buildFaersTables(task: Task, schema: string, rule: DedupRule): Promise<void> {
  const steps: { label: string; sql: string }[] = [
    { label: 'ranking case versions', sql: liveVersionsSql() },
    { label: `keeping one version per case (${rule === 'fda' ? "FDA's rule" : 'highest caseversion'})`, sql: keptVersionsSql(rule) },
    { label: 'indexing report keys', sql: demoKeysSql() },
    { label: 'building pv_report', sql: reportTableSql(schema) },
    ...childTablesSql(schema).map(({ table, sql }) => ({ label: `building ${table}`, sql })),
  ];
  for (const [i, step] of steps.entries()) {
    await runInSlice(task, 'finishing', step.label, i / steps.length, (i + 1) / steps.length, () => task.connection.run(step.sql));
  }
}
