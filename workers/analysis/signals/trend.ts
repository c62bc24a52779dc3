import { pageQuery } from '../../db/page-query.js';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset, ResultPage, TrendSpec } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { PmwError } from '../../engine/errors.js';
import { fitPriorOnPairs, measurePairs, PAIRS_WITH_MEASURES_SQL, RESULT_MEASURES_SQL } from './measure-pairs.js';
import { minCellCountOf } from '../privacy/suppress/suppression-sql.js';
import { saveResultTable } from './save-result.js';
import { readSignalSuppression, suppressedSignalsSql } from './signal-suppression.js';
import { countAllPairs, fitSummary, pairFilterSql, reportColumns } from './screen.js';
import { resolveSignalSpec } from './screen-spec.js';

/**
 * The measures for chosen pairs, cumulatively: for each quarter (or year), on every report received up to
 * its end. The MGPS prior is fitted once on all reports and used for every period, so EBGM moves only
 * with the pair's own counts (refitting per period would make early periods incomparable). Small counts
 * are hidden as in a screen, and so are counts that a later period's count would give a small difference
 * from (signal-suppression.ts).
 */
export async function runSignalTrend(task: Task, audit: AuditLog, dataset: Dataset, spec: TrendSpec): Promise<ResultPage> {
  const columns = await reportColumns(task.connection, dataset);
  const resolved = resolveSignalSpec({ ...spec, orderBy: undefined, limit: 100_000 }, columns);
  if (!resolved.drugs || !resolved.events) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'a time trend needs the drugs and events to follow', hint: 'name at least one drug and one event (--drug X --event Y)' });
  }
  const period = spec.period;
  if (period !== 'quarter' && period !== 'year') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown period "${String(period)}"`, hint: 'use quarter or year' });
  }
  if (!columns.includes(period)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `dataset ${dataset.name} has no ${period} for its reports`, hint: 'a time trend needs report dates, as FAERS quarters have' });
  }
  const connection = task.connection;
  const pairs = await countAllPairs(task, dataset, resolved);
  const { fit, warnings } = await fitPriorOnPairs(task, 'pmw_pairs', { minCount: resolved.fitMinCount, starts: resolved.starts });

  const column = quoteIdentifier(period);
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT ${column}::VARCHAR FROM ${quoteIdentifier(dataset.name)}.pv_report WHERE ${column} IS NOT NULL ORDER BY 1`);
  const periods = reader.getRowsJS().map((r) => String(r[0]));
  await connection.run('CREATE OR REPLACE TEMP TABLE pmw_trend_pairs AS SELECT NULL::VARCHAR AS period, * FROM pmw_pairs WHERE false');
  for (const [index, value] of periods.entries()) {
    task.report('reading', index / periods.length, `counting reports up to ${value}`);
    await countAllPairs(task, dataset, resolved, `r.${column}::VARCHAR <= ${quoteLiteral(value)}`).catch((error: unknown) => {
      if (error instanceof PmwError && error.code === 'BAD_REQUEST') return 0; // no report yet in this period
      throw error;
    });
    await connection.run(`INSERT INTO pmw_trend_pairs SELECT ${quoteLiteral(value)}, p.* FROM pmw_pairs p WHERE ${pairFilterSql({ ...resolved, minCount: 1 })}`);
  }
  // Renumber so pair_id is unique across periods, as measurePairs expects.
  await connection.run(`CREATE OR REPLACE TEMP TABLE pmw_pairs AS
    SELECT (row_number() OVER (ORDER BY drug, event, period))::DOUBLE AS pair_id, * EXCLUDE (pair_id) FROM pmw_trend_pairs ORDER BY pair_id`);
  await measurePairs(task, 'pmw_pairs', fit, resolved.thresholds);
  const minCellCount = minCellCountOf(spec.minCellCount, 0);
  const shown = suppressedSignalsSql(`SELECT p.period AS ${column}, p.drug, p.event, p.n::BIGINT AS n, p.e, ${RESULT_MEASURES_SQL},
      p.n_drug::BIGINT AS n_drug, p.n_event::BIGINT AS n_event, p.n_total::BIGINT AS n_total
    FROM ${PAIRS_WITH_MEASURES_SQL}`, minCellCount, period);
  const suppression = await readSignalSuppression(connection, shown.counts, minCellCount);
  const { table } = await saveResultTable(task, audit, dataset, 'trend', `${shown.select} ORDER BY drug, event, ${column}`, { analysis: 'signal-trend', spec, pairs, fit: fitSummary(fit), warnings, suppression });
  const page = await pageQuery(task, `SELECT * FROM ${table} ORDER BY drug, event, ${column}`, { limit: 100_000, count: true });
  page.suppression = suppression;
  return page;
}
