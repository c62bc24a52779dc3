import type { Task } from '../../db/tasks.js';
import { runInSlice } from '../reports/scaled-progress.js';
import { childTablesSql, keptVersionsSql, liveVersionsSql, reportTableSql } from './canonical-faers-sql.js';
import { collectFaersCounts, type FaersCountOptions } from './faers-counts.js';

/** The canonical tables of a FAERS dataset, report table first. */
export const FAERS_TABLE_NAMES = ['pv_report', 'pv_drug', 'pv_event', 'pv_outcome', 'pv_indication', 'pv_therapy', 'pv_report_source'] as const;

/**
 * From the staged quarters to the canonical tables, in DuckDB: drop deleted cases, rank each case's
 * versions, keep one per case (temporary tables, before `openTransaction`), then, in the transaction it
 * opens, keep the rows of every other file that belong to a kept version. Ends by counting what was
 * read, dropped and kept (a step of its own, with its progress message) and returns the counts.
 */
export async function buildFaersTables(
  task: Task, schema: string, options: FaersCountOptions, openTransaction: () => Promise<void>,
): Promise<Record<string, number>> {
  const { rule } = options;
  const ranking = [
    { label: 'ranking case versions', sql: liveVersionsSql(rule, options.deletedLists) },
    { label: `keeping one version per case (${rule === 'fda' ? "FDA's rule" : 'highest caseversion'})`, sql: keptVersionsSql() },
  ];
  const building = [
    { label: 'building pv_report', sql: reportTableSql(schema) },
    ...childTablesSql(schema).map(({ table, sql }) => ({ label: `building ${table}`, sql })),
  ];
  const total = ranking.length + building.length + 1;
  let done = 0;
  const step = <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const from = done++ / total;
    return runInSlice(task, 'finishing', label, from, done / total, run);
  };
  for (const { label, sql } of ranking) await step(label, () => task.connection.run(sql));
  await openTransaction();
  for (const { label, sql } of building) await step(label, () => task.connection.run(sql));
  return step('counting versions, rows and orphans', () => collectFaersCounts(task.connection, schema, options));
}
