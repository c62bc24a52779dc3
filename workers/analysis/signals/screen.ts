import type { DuckDBConnection } from '@duckdb/node-api';
import { pageQuery } from '../../db/page-query.js';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset, MgpsFit, SignalResult, SignalSpec } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { PmwError } from '../../engine/errors.js';
import { buildPairCountsSql } from './counts-sql.js';
import { countRows, fitPriorOnPairs, measurePairs, PAIRS_WITH_MEASURES_SQL, RESULT_MEASURES_SQL } from './measure-pairs.js';
import { minCellCountOf } from '../privacy/suppress/suppression-sql.js';
import { saveResultTable } from './save-result.js';
import { readSignalSuppression, suppressedSignalsSql } from './signal-suppression.js';
import { resolveSignalSpec, type ResolvedSpec } from './screen-spec.js';
import { loadSynonyms } from './synonyms.js';

/** The report columns of a screenable dataset; fails for other kinds. */
export async function reportColumns(connection: DuckDBConnection, dataset: Dataset): Promise<string[]> {
  if (dataset.kind !== 'faers' && dataset.kind !== 'reports') {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `dataset ${dataset.name} is a ${dataset.kind} dataset; a signal screen needs adverse-event reports`,
      hint: 'import FAERS quarters (--kind faers) or a report table (--kind reports) and screen that',
    });
  }
  const reader = await connection.runAndReadAll(`DESCRIBE ${quoteIdentifier(dataset.name)}.pv_report`);
  return reader.getRowsJS().map((r) => String(r[0]));
}

/** Counts every observed pair of the dataset into the temporary table `pmw_pairs`; returns how many. */
export async function countAllPairs(task: Task, dataset: Dataset, spec: ResolvedSpec, reportFilter?: string): Promise<number> {
  const connection = task.connection;
  const synonyms = spec.synonyms ? await loadSynonyms(connection, spec.synonyms) : null;
  const countsSql = buildPairCountsSql({
    schema: quoteIdentifier(dataset.name), roles: spec.roles, names: spec.names, synonyms, strata: spec.strata, reportFilter,
  });
  await task.runWithProgress('reading', `counting reports per drug and event in ${dataset.name}`, () =>
    connection.run(`CREATE OR REPLACE TEMP TABLE pmw_pairs AS ${countsSql}`));
  const pairs = await countRows(connection, 'pmw_pairs');
  if (pairs === 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `dataset ${dataset.name} has no report with both a drug and an event for these roles`, hint: 'try roles "all", or check the import' });
  }
  return pairs;
}

/** `p.drug IN (…) AND p.event IN (…)` for the pairs the user asked to see. */
export function pairFilterSql(spec: ResolvedSpec, alias = 'p'): string {
  const filters = [`${alias}.n >= ${spec.minCount}`];
  if (spec.drugs) filters.push(`${alias}.drug IN (${spec.drugs.map(quoteLiteral).join(', ')})`);
  if (spec.events) filters.push(`${alias}.event IN (${spec.events.map(quoteLiteral).join(', ')})`);
  return filters.join(' AND ');
}

/**
 * A disproportionality screen of every drug–event pair: counts in DuckDB, the measures and the MGPS fit
 * on typed arrays (fitted on all pairs even when only some are shown), the result kept as a table of the
 * workspace (`results.signals_…`) to sort, filter and export, and the run recorded in the audit trail
 * with its spec and fitted prior. Counts below `spec.minCellCount` (the engine passes the workspace
 * policy's; none when absent) are hidden with the measures that would give them away (signal-suppression.ts).
 */
export async function runSignalScreen(task: Task, audit: AuditLog, dataset: Dataset, spec: SignalSpec): Promise<SignalResult> {
  const resolved = resolveSignalSpec(spec, await reportColumns(task.connection, dataset));
  const pairs = await countAllPairs(task, dataset, resolved);
  const { fit, warnings } = await fitPriorOnPairs(task, 'pmw_pairs', { minCount: resolved.fitMinCount, starts: resolved.starts });
  task.report('finishing', null, 'computing the measures and writing the result table');
  await measurePairs(task, 'pmw_pairs', fit, resolved.thresholds);
  const reports = Number((await task.connection.runAndReadAll('SELECT max(n_total) FROM pmw_pairs')).getRowsJS()[0]?.[0] ?? 0);
  const minCellCount = minCellCountOf(spec.minCellCount, 0);
  const shown = suppressedSignalsSql(`SELECT p.drug, p.event, p.n::BIGINT AS n, p.e, ${RESULT_MEASURES_SQL},
      p.n_drug::BIGINT AS n_drug, p.n_event::BIGINT AS n_event, p.n_total::BIGINT AS n_total
    FROM ${PAIRS_WITH_MEASURES_SQL}
    WHERE ${pairFilterSql(resolved)}`, minCellCount);
  const suppression = await readSignalSuppression(task.connection, shown.counts, minCellCount);
  const { table, rows } = await saveResultTable(task, audit, dataset, 'signals', shown.select, { analysis: 'signals', spec, pairs, reports, fit: fitSummary(fit), warnings, suppression });
  const page = await pageQuery(task, `SELECT * FROM ${table} ORDER BY ${resolved.orderBy}`, { limit: resolved.limit, offset: resolved.offset });
  page.totalRows = rows;
  page.suppression = suppression;
  return { resultTable: table, page, reports, pairs, fit, spec, warnings, suppression };
}

export function fitSummary(fit: MgpsFit): Omit<MgpsFit, 'starts'> {
  const { starts: _starts, ...rest } = fit;
  return rest;
}
