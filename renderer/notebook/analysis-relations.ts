/**
 * What later cells see of an analysis cell: the table the Engine kept (signals, association, pgx calls, cohort
 * members) or, for results held in memory, a page of rows — a Kaplan–Meier curve point per row, a Table 1 row per
 * characteristic, incidence as one row of numbers, a quality check or a privacy finding per row.
 */
import type {
  AssociationResult, CharacterizeResult, CohortResult, IncidenceResult, PgxResult, QualityReport, ResultPage, SignalResult, SurvivalResult,
} from '../../workers/engine/api.js';
import type { AnalysisKind, Relation } from './notebook.js';
import { memoryPage, numberColumn, stringColumn } from './page-values.js';
import { quoteIdentifier } from './quote-identifier.js';
import type { PrivacyCellResult } from './privacy-cell.js';
import { privacyFindingsPage, qualityChecksPage } from './privacy-relations.js';

/** `results.signals_x` → `"results"."signals_x"`. */
export function quoteTableName(table: string): string {
  return table.split('.').map(quoteIdentifier).join('.');
}

function tableRelation(table: string, orderBy?: unknown): Relation {
  const order = orderByClause(orderBy);
  return { sql: `SELECT * FROM ${quoteTableName(table)}${order ? ` ORDER BY ${order}` : ''}` };
}

/**
 * The spec's `orderBy` ("p_chisq", "eb05 desc, n desc") as a clause over quoted columns, so the grid shows a
 * screen in the order the spec asked for; anything else than columns and directions is ignored (the Engine
 * already refused unknown columns when it ran the spec).
 */
export function orderByClause(orderBy: unknown): string | null {
  if (typeof orderBy !== 'string') return null;
  const keys = orderBy.split(',').map((part) => /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(part));
  if (keys.length === 0 || keys.some((k) => k === null)) return null;
  return keys.map((k) => `${quoteIdentifier(k![1]!)}${k![2]?.toLowerCase() === 'desc' ? ' DESC' : ''} NULLS LAST`).join(', ');
}

/** One row per curve point: label, time, n_risk, n_event, n_censor, surv, lower, upper (R's survfit summary). */
export function survivalCurvePage(result: SurvivalResult): ResultPage {
  const labels: string[] = [];
  const columns: Record<'time' | 'nRisk' | 'nEvent' | 'nCensor' | 'surv' | 'lower' | 'upper', number[]> =
    { time: [], nRisk: [], nEvent: [], nCensor: [], surv: [], lower: [], upper: [] };
  for (const curve of result.curves) {
    for (let i = 0; i < curve.time.length; i++) {
      labels.push(curve.label);
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) columns[key].push(curve[key][i]!);
    }
  }
  const nan = (values: number[]) => values.map((v) => (Number.isNaN(v) ? null : v));
  return memoryPage([
    stringColumn('label', labels), numberColumn('time', columns.time), numberColumn('n_risk', columns.nRisk),
    numberColumn('n_event', columns.nEvent), numberColumn('n_censor', columns.nCensor), numberColumn('surv', columns.surv),
    numberColumn('lower', nan(columns.lower)), numberColumn('upper', nan(columns.upper)),
  ]);
}

/** Table 1 as rows: section, label, concept_id, target (count, fraction, display), comparator (same), smd. */
export function table1Page(result: CharacterizeResult): ResultPage {
  const rows = result.rows;
  return memoryPage([
    stringColumn('section', rows.map((r) => r.section)), stringColumn('label', rows.map((r) => r.label)),
    numberColumn('concept_id', rows.map((r) => r.conceptId ?? null), 'BIGINT'),
    numberColumn('target_count', rows.map((r) => r.target.count), 'BIGINT'), numberColumn('target_fraction', rows.map((r) => r.target.fraction)),
    stringColumn('target', rows.map((r) => r.target.display)),
    numberColumn('comparator_count', rows.map((r) => r.comparator?.count ?? null), 'BIGINT'),
    numberColumn('comparator_fraction', rows.map((r) => r.comparator?.fraction ?? null)),
    stringColumn('comparator', rows.map((r) => r.comparator?.display ?? null)), numberColumn('smd', rows.map((r) => r.smd ?? null)),
  ]);
}

const INCIDENCE_COLUMNS = ['persons', 'excludedPriorOutcome', 'excludedNoTime', 'personsAtRisk', 'outcomes', 'personYears', 'rate', 'lower', 'upper', 'proportion'] as const;

/** Incidence as one row: persons, excluded_prior_outcome, …, rate (per 1,000 person-years), lower, upper, proportion. */
export function incidencePage(result: IncidenceResult): ResultPage {
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return memoryPage(INCIDENCE_COLUMNS.map((key) => numberColumn(snake(key), [result[key]])));
}

/** The relation an analysis result offers later cells. */
export function analysisRelation(kind: AnalysisKind, result: unknown, spec?: unknown): Relation {
  const orderBy = (spec as { orderBy?: unknown } | undefined)?.orderBy;
  switch (kind) {
    case 'cohort': return tableRelation((result as CohortResult).cohortTable);
    case 'signals': return tableRelation((result as SignalResult).resultTable, orderBy);
    case 'association': return tableRelation((result as AssociationResult).resultTable, orderBy);
    case 'pgx': return tableRelation((result as PgxResult).callsTable);
    case 'characterize': return { page: table1Page(result as CharacterizeResult) };
    case 'incidence': return { page: incidencePage(result as IncidenceResult) };
    case 'survival': return { page: survivalCurvePage(result as SurvivalResult) };
    case 'trend': case 'variants': return { page: result as ResultPage };
    case 'quality': return { page: qualityChecksPage(result as QualityReport) };
    case 'privacy': return { page: privacyFindingsPage(result as PrivacyCellResult) };
  }
}
