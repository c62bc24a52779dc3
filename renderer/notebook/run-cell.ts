/**
 * Runs one cell in the Engine and says what it produced: its output for the view and what later cells read
 * (`cteSql`, the body they get in their WITH list). The runtime (runtime.ts) decides order, state and cancelling.
 */
import type { CohortRef, Progress, ResultPage } from '../../workers/engine/api.js';
import type { AnalysisKind, Cell, CellOutput, NotebookEngine } from './notebook.js';
import type { BrushSelection, PlotSpec } from '../plot/plot-spec.js';
import { brushedRelationSql, parsePlotSpec, planPlotQuery } from '../plot/plot-query.js';
import { analysisRelation } from './analysis-relations.js';
import { composeSql, errorInCell, type CommonTable } from './compose-sql.js';
import { parseJsonSpec } from './json-spec.js';
import { runPrivacy, runQuality } from './privacy-cell.js';
import { NotebookError, toErrorData } from './notebook-error.js';
import { quoteIdentifier } from './quote-identifier.js';
import { replaceSpecReferences } from './spec-references.js';
import { valuesRelationSql } from './values-relation.js';

/** Rows a plot may draw at most: the Engine's largest page; plot-query.ts samples or aggregates below it. */
const PLOT_ROWS = 100_000;
/**
 * Analyses that take a minimum cell count for the counts they show: the notebook's `minCellCount` goes into their
 * spec (the Engine raises it to the workspace policy's, never lowers it).
 */
const SUPPRESSING: readonly AnalysisKind[] = ['cohort', 'characterize', 'incidence', 'survival', 'signals', 'trend', 'variants', 'association', 'pgx'];

export interface CellRunContext {
  engine: NotebookEngine;
  taskId: string;
  pageSize: number;
  minCellCount?: number;
  onProgress(progress: Progress): void;
  /** The earlier named cells this cell reads, directly or not, as WITH-list entries in dependency order. */
  tables: CommonTable[];
  /** A standalone SELECT for the rows of an earlier named cell, and its column names. */
  relationSqlOf(name: string): string;
  columnsOf(name: string): Promise<string[]>;
  cohortRefOf(name: string): CohortRef;
  brush: BrushSelection | null;
}

export interface CellRun {
  output: CellOutput;
  /** What a later cell's WITH list holds for this cell (it may name the cells before it); null when unnamed. */
  cteSql: string | null;
  /** Column names of the relation, when known without asking the Engine. */
  columns?: string[];
  plotSpec?: PlotSpec;
}

async function runSql(cell: Cell, context: CellRunContext): Promise<CellRun> {
  const composed = composeSql(cell.source, context.tables);
  let page: ResultPage;
  try {
    page = await context.engine.query(composed.sql, { limit: context.pageSize, count: true, taskId: context.taskId });
  } catch (error) {
    throw errorInCell(toErrorData(error), composed);
  }
  return {
    output: { type: 'table', relation: { sql: composed.sql }, page, totalRows: page.totalRows ?? null },
    cteSql: cell.source, columns: page.columns.map((c) => c.name),
  };
}

/** The plot's data rows as the plot module plans them, and (for a named plot) the rows inside its brush. */
async function runPlot(cell: Cell, context: CellRunContext): Promise<CellRun> {
  const spec = parsePlotSpec(cell.source);
  const dataName = cell.attrs.data!;
  const dataSql = context.relationSqlOf(dataName);
  const plan = planPlotQuery(spec, dataSql, await context.columnsOf(dataName));
  const data = await context.engine.query(plan.sql, { limit: PLOT_ROWS, taskId: context.taskId });
  const named = cell.name !== undefined;
  const relation = named ? { sql: brushedRelationSql(spec, dataSql, context.brush) } : null;
  const sampled = plan.sampledAt === undefined || data.rowCount >= plan.sampledAt;
  return {
    output: { type: 'plot', relation, spec, data, ...(plan.note && sampled ? { note: plan.note } : {}) },
    cteSql: named ? plotCteSql(spec, dataName, context.brush) : null,
    plotSpec: spec,
  };
}

/** A named plot in a later cell's WITH list: the brushed rows of its data, which sits earlier in the same list. */
export function plotCteSql(spec: PlotSpec, dataName: string, brush: BrushSelection | null): string {
  return brushedRelationSql(spec, `SELECT * FROM ${quoteIdentifier(dataName)}`, brush);
}

function analysisSpec(cell: Cell, context: CellRunContext): Record<string, unknown> {
  const kind = cell.kind as AnalysisKind;
  const parsed = parseJsonSpec(cell.source, kind);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new NotebookError({ code: 'BAD_REQUEST', message: `the ${kind} spec must be a JSON object`, line: 1, column: 1, hint: 'wrap it in { … }' });
  }
  const spec = replaceSpecReferences(kind, parsed, (name) => context.cohortRefOf(name)) as Record<string, unknown>;
  if (SUPPRESSING.includes(kind) && spec.minCellCount === undefined && context.minCellCount !== undefined) spec.minCellCount = context.minCellCount;
  return { ...spec, taskId: context.taskId };
}

function callAnalysis(kind: AnalysisKind, spec: Record<string, unknown>, context: CellRunContext): Promise<unknown> {
  const { engine, onProgress } = context;
  // The specs are checked by the Engine, which says what is wrong with a field; here they are passed through.
  const anySpec = spec as never;
  switch (kind) {
    case 'cohort': return engine.cohort(anySpec, onProgress);
    case 'characterize': return engine.characterize(anySpec, onProgress);
    case 'incidence': return engine.incidence(anySpec, onProgress);
    case 'survival': return engine.survival(anySpec, onProgress);
    case 'signals': return engine.signals(anySpec, onProgress);
    case 'trend': return engine.signalTrend(anySpec, onProgress);
    case 'variants': return engine.variants(anySpec);
    case 'association': return engine.association(anySpec, onProgress);
    case 'pgx': return engine.pgx(anySpec, onProgress);
    case 'quality': return runQuality(engine, spec, context.taskId, onProgress);
    case 'privacy': return runPrivacy(engine, spec, context.taskId, onProgress);
  }
}

async function runAnalysis(cell: Cell, context: CellRunContext): Promise<CellRun> {
  const kind = cell.kind as AnalysisKind;
  const spec = analysisSpec(cell, context);
  const result = await callAnalysis(kind, spec, context);
  const relation = analysisRelation(kind, result, spec);
  return {
    output: { type: 'analysis', kind, result, relation },
    cteSql: relation.sql ?? valuesRelationSql(relation.page!),
    ...(relation.page ? { columns: relation.page.columns.map((c) => c.name) } : {}),
  };
}

export function runCell(cell: Cell, context: CellRunContext): Promise<CellRun> {
  if (cell.kind === 'markdown') return Promise.resolve({ output: { type: 'markdown' }, cteSql: null });
  if (cell.kind === 'sql') return runSql(cell, context);
  if (cell.kind === 'plot') return runPlot(cell, context);
  return runAnalysis(cell, context);
}
