import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Task } from '../../db/tasks.js';
import type { Dataset } from '../../engine/api.js';
import { qualityReport } from './quality-report.js';
import { listingSql, rowChecksSql } from './run-checks.js';
import { genericTablePlan } from './table-checks.js';
import { qualityWorkspace, type QualityWorkspace } from './testing.js';

describe('running the checks', () => {
  let ws: QualityWorkspace;
  let dataset: Dataset;

  beforeAll(async () => {
    ws = await qualityWorkspace();
    await ws.run(`CREATE TABLE visits AS SELECT i AS id, i % 7 AS dose, DATE '2020-01-01' + CAST(i AS INTEGER) AS start_date,
      DATE '2020-01-01' + CAST(i AS INTEGER) + CAST(i % 5 AS INTEGER) - 1 AS end_date, CAST(i % 3 AS VARCHAR) AS "my ""odd"" column"
      FROM range(1000) r(i)`);
    await ws.run('CREATE TABLE "second table" AS SELECT 1 AS a');
    dataset = await ws.dataset('table', 'visits', ['visits', 'second table']);
  });
  afterAll(() => ws.close());

  it('reads each table once for all its row checks, then once per duplicate check', async () => {
    const spy = vi.spyOn(ws.connection, 'runAndReadAll');
    const report = await qualityReport(ws.task, dataset);
    const statements = spy.mock.calls.map((call) => String(call[0]));
    spy.mockRestore();
    expect(statements).toHaveLength(4); // per table: the aggregate and the whole-row duplicates
    expect(statements.filter((s) => s.includes('count(*) FILTER'))).toHaveLength(2);
    // end_date is start_date − 1 for every id ≡ 0 (mod 5): 200 of 1,000 rows.
    expect(report.checks.find((c) => c.id === 'plausibility.end_before_start.visits.end_date')).toMatchObject({ failing: 200, denominator: 1000, status: 'fail' });
  });

  it('quotes odd table and column names in the counting and the listing SQL', async () => {
    const plan = genericTablePlan(dataset.tables[0]!);
    const odd = plan.rowChecks.find((c) => c.column === 'my "odd" column')!;
    expect(listingSql('visits', odd)).toBe('SELECT t.* FROM "visits" t\nWHERE t."my ""odd"" column" IS NULL');
    expect(rowChecksSql(genericTablePlan(dataset.tables[1]!))).toContain('FROM "second table" t');
  });

  it('reports progress per table and stops with CANCELLED when the task is cancelled between statements', async () => {
    const seen: string[] = [];
    const task: Task = new Task('cancel-me', 'the quality report', ws.connection, (p) => {
      seen.push(p.message);
      if (p.message === 'checking second table') task.cancelled = true;
    });
    await expect(qualityReport(task, dataset)).rejects.toMatchObject({ code: 'CANCELLED', message: 'the quality report was cancelled' });
    expect(seen).toEqual(['checking visits', 'checking second table']);
  });
});
