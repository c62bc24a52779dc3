import type { QualityCategory } from '../../engine/api.js';

/** What every check says about itself, whatever counts it. */
export interface CheckHead {
  /** Stable id: `category.table.column` or `category.what.table[.column]` (see docs/quality.md). */
  id: string;
  category: QualityCategory;
  column?: string;
  description: string;
  /** Largest share of failing rows that still passes (thresholds.ts). */
  threshold: number;
}

/**
 * A condition on one row of the table, aliased `t`. All row checks of a table are counted by one aggregate
 * query, so a table is read once for all of them.
 */
export interface RowCheck extends CheckHead {
  /** The rows the check looks at (its denominator); every row when absent. */
  applies?: string;
  /** Of those, the rows that fail. NULL counts as not failing. */
  fails: string;
  /** Common table expressions the conditions read: name → SELECT. */
  with?: Record<string, string>;
  /**
   * `LEFT JOIN x ON … = t.…` clauses the conditions read. Each must match at most one row (join a key, or
   * a grouped table expression), or the counts would multiply.
   */
  joins?: string[];
}

/** A check that needs a query of its own (grouping, as for duplicates). */
export interface QueryCheck extends CheckHead {
  /** One row: failing, denominator. */
  counts: string;
  /** Lists the failing rows. */
  sql: string;
}

/** The checks of one table. */
export interface TablePlan {
  /** `table` or `schema.table`, as in `DatasetTable.table`. */
  table: string;
  rowChecks: RowCheck[];
  queryChecks: QueryCheck[];
}

/** `gibleed.person` → `person`: check ids name tables without the dataset's schema. */
export function shortName(table: string): string {
  return table.slice(table.lastIndexOf('.') + 1);
}

/** Plans with the same table merged, in the order the tables first appear, tables without checks left out. */
export function mergePlans(plans: TablePlan[]): TablePlan[] {
  const byTable = new Map<string, TablePlan>();
  for (const plan of plans) {
    const merged = byTable.get(plan.table);
    if (merged) {
      merged.rowChecks.push(...plan.rowChecks);
      merged.queryChecks.push(...plan.queryChecks);
    } else {
      byTable.set(plan.table, { table: plan.table, rowChecks: [...plan.rowChecks], queryChecks: [...plan.queryChecks] });
    }
  }
  return [...byTable.values()].filter((p) => p.rowChecks.length + p.queryChecks.length > 0);
}
