import type { Task } from '../../db/tasks.js';
import type { QualityCheck } from '../../engine/api.js';
import { quoteTableName } from '../../engine/catalog.js';
import type { CheckHead, RowCheck, TablePlan } from './check-plan.js';

/**
 * Runs the plans table by table: one aggregate query for all row checks of a table, then one query per
 * query check. Reports progress per table and stops between statements when the task is cancelled.
 */
export async function runChecks(task: Task, plans: TablePlan[]): Promise<QualityCheck[]> {
  const results: QualityCheck[] = [];
  for (const [index, plan] of plans.entries()) {
    task.report('checking', index / plans.length, `checking ${plan.table}`);
    if (plan.rowChecks.length > 0) {
      const counts = await readRow(task, rowChecksSql(plan));
      plan.rowChecks.forEach((check, i) => {
        const denominator = check.applies === undefined ? counts[0]! : counts[1 + 2 * i]!;
        results.push(result(plan.table, check, counts[2 + 2 * i]!, denominator, listingSql(plan.table, check)));
      });
    }
    for (const check of plan.queryChecks) {
      const [failing, denominator] = await readRow(task, check.counts);
      results.push(result(plan.table, check, failing!, denominator!, check.sql));
    }
  }
  task.report('checking', 1, `checked ${plans.length} tables`);
  return results;
}

/** Rows failing `check` among those it applies to. */
function failingCondition(check: RowCheck): string {
  return check.applies === undefined ? check.fails : `(${check.applies}) AND (${check.fails})`;
}

function withClause(checks: RowCheck[]): string {
  const expressions = new Map<string, string>();
  for (const check of checks) for (const [name, body] of Object.entries(check.with ?? {})) expressions.set(name, body);
  return expressions.size === 0 ? '' : `WITH ${[...expressions].map(([name, body]) => `${name} AS (${body})`).join(',\n  ')}\n`;
}

function joinClauses(checks: RowCheck[]): string {
  return [...new Set(checks.flatMap((c) => c.joins ?? []))].map((j) => `\n${j}`).join('');
}

/** `count(*)`, then per check its denominator (NULL when it is every row) and its failing rows. */
export function rowChecksSql(plan: TablePlan): string {
  const counts = plan.rowChecks.flatMap((check) => [
    check.applies === undefined ? 'NULL' : `count(*) FILTER (WHERE ${check.applies})`,
    `count(*) FILTER (WHERE ${failingCondition(check)})`,
  ]);
  return `${withClause(plan.rowChecks)}SELECT count(*),\n  ${counts.join(',\n  ')}\nFROM ${quoteTableName(plan.table)} t${joinClauses(plan.rowChecks)}`;
}

/** The failing rows of one row check: the table's columns, with only the joins this check reads. */
export function listingSql(table: string, check: RowCheck): string {
  return `${withClause([check])}SELECT t.* FROM ${quoteTableName(table)} t${joinClauses([check])}\nWHERE ${failingCondition(check)}`;
}

async function readRow(task: Task, sql: string): Promise<number[]> {
  task.throwIfCancelled();
  try {
    const reader = await task.connection.runAndReadAll(sql);
    return (reader.getRowsJS()[0] ?? []).map((value) => Number(value ?? 0));
  } catch (error) {
    task.throwIfCancelled();
    throw error;
  }
}

function result(table: string, check: CheckHead, failing: number, denominator: number, sql: string): QualityCheck {
  const share = denominator === 0 ? 0 : failing / denominator;
  return {
    id: check.id,
    category: check.category,
    table,
    ...(check.column === undefined ? {} : { column: check.column }),
    description: check.description,
    failing,
    denominator,
    share,
    threshold: check.threshold,
    status: share <= check.threshold ? 'pass' : 'fail',
    sql,
  };
}
