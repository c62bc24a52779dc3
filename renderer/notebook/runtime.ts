/**
 * The notebook runtime: runs cells one at a time in the Engine, in dependency order, each under a task id of its
 * own so `cancel` can interrupt it; keeps every cell's state and tells subscribers. DOM-free: the view and
 * `pmw run` both drive it.
 */
import type { CohortRef, CohortResult, ResultPage } from '../../workers/engine/api.js';
import type { BrushSelection } from '../plot/plot-spec.js';
import { brushedRelationSql } from '../plot/plot-query.js';
import { buildGraph, transitiveDependencies, transitiveDependents, type NotebookGraph } from './graph.js';
import { gridQuery } from './grid-sql.js';
import type { Cell, CellState, GridRequest, Notebook, NotebookEngine, NotebookRuntimeApi, Relation } from './notebook.js';
import { NotebookError, toErrorData } from './notebook-error.js';
import { plotCteSql, runCell, type CellRun, type CellRunContext } from './run-cell.js';
import { outputRelation, relationSelect, selectColumns } from './relation-sql.js';

export interface NotebookRuntimeOptions {
  /** Prefix of the Engine task ids of this runtime's cells. */
  taskIdPrefix?: string;
  /** Rows of a SQL cell's first page (default 100). */
  pageSize?: number;
  /** Smallest count the analyses show (characterize, incidence, survival); the notebook's `minCellCount` wins. */
  minCellCount?: number;
}

const NEEDS_RUN = new Set<CellState['status']>(['idle', 'stale', 'cancelled', 'error']);

function sameCell(a: Cell, b: Cell): boolean {
  return a.kind === b.kind && a.source === b.source && a.name === b.name && JSON.stringify(a.attrs) === JSON.stringify(b.attrs);
}

class NotebookRuntime implements NotebookRuntimeApi {
  private cells: Cell[] = [];
  private graph: NotebookGraph = { dependencies: new Map(), errors: new Map() };
  private readonly states = new Map<string, CellState>();
  private readonly runs = new Map<string, CellRun>();
  private readonly brushes = new Map<string, BrushSelection | null>();
  private readonly listeners = new Set<(cellId: string, state: CellState) => void>();
  private readonly cancelRequested = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private running: { cellId: string; taskId: string } | null = null;
  private taskCount = 0;
  private minCellCount: number | undefined;

  constructor(private readonly engine: NotebookEngine, private readonly options: NotebookRuntimeOptions) {
    this.minCellCount = options.minCellCount;
  }

  load(notebook: Notebook): void {
    const previous = new Map(this.cells.map((c) => [c.id, c]));
    const before = this.graph;
    this.cells = notebook.cells.map((c) => ({ ...c, attrs: { ...c.attrs } }));
    const metaMin = notebook.meta.minCellCount;
    this.minCellCount = typeof metaMin === 'number' && Number.isInteger(metaMin) && metaMin >= 0 ? metaMin : this.options.minCellCount;
    this.graph = buildGraph(this.cells);
    const changed = this.cells.filter((cell) => {
      const old = previous.get(cell.id);
      const sameReads = JSON.stringify(before.dependencies.get(cell.id)) === JSON.stringify(this.graph.dependencies.get(cell.id));
      return !old || !sameCell(old, cell) || !sameReads || !this.states.has(cell.id);
    }).map((c) => c.id);
    for (const id of [...this.states.keys()]) if (!previous.has(id) || !this.cells.some((c) => c.id === id)) this.forget(id);
    for (const id of changed) {
      this.runs.delete(id);
      // Prose needs no engine: it is done as soon as it is there.
      if (this.requireCell(id).kind === 'markdown') this.setState(id, { status: 'done', output: { type: 'markdown' } });
      else this.setState(id, { status: this.states.has(id) ? 'stale' : 'idle', ...this.keptOutput(id) });
    }
    this.markStale(changed.flatMap((id) => transitiveDependents(this.graph, this.cells, id)));
    this.applyGraphErrors(before);
  }

  async updateCell(id: string, change: Partial<Pick<Cell, 'source' | 'attrs' | 'name'>>, rerun = true): Promise<void> {
    const index = this.cells.findIndex((c) => c.id === id);
    if (index < 0) throw new NotebookError({ code: 'BAD_REQUEST', message: `there is no cell ${id}` });
    const cell = { ...this.cells[index]!, ...change };
    // `name` and `attrs.name` say the same thing; whichever the change gives wins.
    const name = 'name' in change ? change.name : 'attrs' in change ? change.attrs?.name : cell.name;
    cell.attrs = { ...cell.attrs };
    if (name === undefined) { delete cell.name; delete cell.attrs.name; } else { cell.name = name; cell.attrs.name = name; }
    this.cells[index] = cell;
    const before = this.graph;
    this.graph = buildGraph(this.cells);
    this.runs.delete(id);
    this.markStale([id, ...transitiveDependents(this.graph, this.cells, id)]);
    this.applyGraphErrors(before);
    if (rerun) await this.run(id);
  }

  run(id?: string): Promise<void> {
    let plan: string[];
    if (id !== undefined) {
      this.requireCell(id);
      const before = transitiveDependencies(this.graph, this.cells, id).filter((d) => this.state(d).status !== 'done');
      plan = [...before, id, ...transitiveDependents(this.graph, this.cells, id)];
    } else {
      plan = this.cells.filter((c) => NEEDS_RUN.has(this.state(c.id).status)).map((c) => c.id);
    }
    return this.enqueue(plan);
  }

  async cancel(id?: string): Promise<void> {
    const targets = id === undefined ? this.cells.map((c) => c.id) : [id];
    for (const target of targets) {
      const status = this.state(target).status;
      if (status === 'queued') {
        this.cancelRequested.add(target);
        this.setState(target, { status: 'cancelled', ...this.keptOutput(target) });
      } else if (this.running?.cellId === target) {
        this.cancelRequested.add(target);
        await this.engine.cancel(this.running.taskId);
      }
    }
  }

  async setBrush(cellId: string, selection: BrushSelection | null): Promise<void> {
    const cell = this.requireCell(cellId);
    this.brushes.set(cellId, selection);
    const run = this.runs.get(cellId);
    if (cell.kind !== 'plot' || cell.name === undefined || !run?.plotSpec || run.output.type !== 'plot') return;
    const dataName = cell.attrs.data!;
    run.cteSql = plotCteSql(run.plotSpec, dataName, selection);
    run.output = { ...run.output, relation: { sql: brushedRelationSql(run.plotSpec, this.relationSqlOf(dataName), selection) } };
    const dependents = transitiveDependents(this.graph, this.cells, cellId);
    for (const dependent of dependents) this.runs.delete(dependent);
    this.markStale(dependents);
    await this.enqueue(dependents);
  }

  state(id: string): CellState {
    return this.states.get(id) ?? { status: 'idle' };
  }

  subscribe(listener: (cellId: string, state: CellState) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  dependencies(id: string): string[] {
    return [...(this.graph.dependencies.get(id) ?? [])];
  }

  dependents(id: string): string[] {
    return this.cells.filter((c) => this.graph.dependencies.get(c.id)?.includes(id)).map((c) => c.id);
  }

  async page(id: string, request: GridRequest): Promise<ResultPage & { totalRows: number }> {
    const relation = this.relationOf(id);
    if (!relation) {
      throw new NotebookError({ code: 'BAD_REQUEST', message: 'this cell has no rows to show yet', hint: 'run it first' });
    }
    const sql = relationSelect(relation);
    const columns = relation.page ? relation.page.columns.map((c) => c.name) : await selectColumns(this.engine, sql);
    const query = gridQuery(sql, columns, request);
    const page = await this.engine.query(query.sql, { params: query.params, limit: request.limit, offset: request.offset, count: true });
    return { ...page, totalRows: page.totalRows ?? page.offset + page.rowCount };
  }

  private enqueue(plan: string[]): Promise<void> {
    for (const id of plan) {
      this.cancelRequested.delete(id);
      this.setState(id, { status: 'queued', ...this.keptOutput(id) });
    }
    const done = this.queue.then(() => this.execute(plan));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async execute(plan: string[]): Promise<void> {
    for (const id of plan) {
      const cell = this.cells.find((c) => c.id === id);
      if (!cell) continue;
      if (this.cancelRequested.has(id)) {
        this.setState(id, { status: 'cancelled', ...this.keptOutput(id) });
        continue;
      }
      const graphError = this.graph.errors.get(id);
      if (graphError) { this.setState(id, { status: 'error', error: graphError }); continue; }
      const waiting = (this.graph.dependencies.get(id) ?? []).find((d) => this.state(d).status !== 'done');
      if (waiting !== undefined) {
        this.setState(id, this.waitingState(waiting));
        continue;
      }
      await this.runOne(cell);
    }
  }

  /** A cell whose input did not finish: an error naming the cell that failed, or stale behind a cancelled one. */
  private waitingState(dependencyId: string): CellState {
    const dependency = this.cells.find((c) => c.id === dependencyId);
    if (this.state(dependencyId).status === 'error') {
      return { status: 'error', error: { code: 'BAD_REQUEST', message: `it reads ${dependency?.name ?? 'a cell'}, which failed`, hint: `fix ${dependency?.name ?? 'that cell'} first` } };
    }
    return { status: 'stale' };
  }

  private async runOne(cell: Cell): Promise<void> {
    this.taskCount += 1;
    const taskId = `${this.options.taskIdPrefix ?? 'notebook-'}${cell.id}-${this.taskCount}`;
    this.running = { cellId: cell.id, taskId };
    const started = Date.now();
    this.setState(cell.id, { status: 'running', ...this.keptOutput(cell.id) });
    try {
      const run = await runCell(cell, this.context(cell, taskId));
      if (this.cancelRequested.has(cell.id)) throw new NotebookError({ code: 'CANCELLED', message: 'the cell was cancelled' });
      this.runs.set(cell.id, run);
      this.setState(cell.id, { status: 'done', output: run.output, elapsedMs: Date.now() - started });
    } catch (error) {
      const data = toErrorData(error);
      this.runs.delete(cell.id);
      const cancelled = data.code === 'CANCELLED' || this.cancelRequested.has(cell.id);
      this.setState(cell.id, cancelled ? { status: 'cancelled' } : { status: 'error', error: data, elapsedMs: Date.now() - started });
    } finally {
      this.running = null;
    }
  }

  private context(cell: Cell, taskId: string): CellRunContext {
    const tables = transitiveDependencies(this.graph, this.cells, cell.id).map((id) => {
      const dependency = this.requireCell(id);
      return { name: dependency.name!, sql: this.requireRun(dependency.name!).cteSql! };
    });
    return {
      engine: this.engine, taskId, pageSize: this.options.pageSize ?? 100, tables, brush: this.brushes.get(cell.id) ?? null,
      ...(this.minCellCount !== undefined ? { minCellCount: this.minCellCount } : {}),
      onProgress: (progress) => {
        const current = this.state(cell.id);
        if (current.status === 'running') this.setState(cell.id, { ...current, progress });
      },
      relationSqlOf: (name) => this.relationSqlOf(name),
      columnsOf: async (name) => this.requireRun(name).columns ?? selectColumns(this.engine, this.relationSqlOf(name), taskId),
      cohortRefOf: (name): CohortRef => {
        const result = (this.requireRun(name).output as { result: CohortResult }).result;
        return { cohortTable: result.cohortTable, dataset: result.dataset, name };
      },
    };
  }

  private relationOf(id: string): Relation | null {
    return outputRelation(this.runs.get(id)?.output);
  }

  private relationSqlOf(name: string): string {
    const cell = this.cells.find((c) => c.name?.toLowerCase() === name.toLowerCase());
    const relation = cell ? this.relationOf(cell.id) : null;
    if (!relation) throw new NotebookError({ code: 'BAD_REQUEST', message: `${name} has no result yet`, hint: `run ${name} first` });
    return relationSelect(relation);
  }

  private requireCell(id: string): Cell {
    const cell = this.cells.find((c) => c.id === id);
    if (!cell) throw new NotebookError({ code: 'BAD_REQUEST', message: `there is no cell ${id}` });
    return cell;
  }

  private requireRun(name: string): CellRun {
    const cell = this.cells.find((c) => c.name?.toLowerCase() === name.toLowerCase());
    const run = cell ? this.runs.get(cell.id) : undefined;
    if (!run) throw new NotebookError({ code: 'BAD_REQUEST', message: `${name} has no result yet`, hint: `run ${name} first` });
    return run;
  }

  private keptOutput(id: string): Pick<CellState, 'output'> {
    const output = this.states.get(id)?.output;
    return output ? { output } : {};
  }

  private markStale(ids: string[]): void {
    for (const id of ids) {
      const status = this.state(id).status;
      if (status !== 'idle' && status !== 'queued' && status !== 'running') this.setState(id, { status: 'stale', ...this.keptOutput(id) });
    }
  }

  /** Cells whose references are wrong show it at once; cells whose references were fixed become stale. */
  private applyGraphErrors(before: NotebookGraph): void {
    for (const cell of this.cells) {
      const error = this.graph.errors.get(cell.id);
      if (error) this.setState(cell.id, { status: 'error', error });
      else if (before.errors.has(cell.id) && this.state(cell.id).status === 'error') this.setState(cell.id, { status: 'stale' });
    }
  }

  private forget(id: string): void {
    this.states.delete(id);
    this.runs.delete(id);
    this.brushes.delete(id);
  }

  private setState(id: string, state: CellState): void {
    this.states.set(id, state);
    for (const listener of this.listeners) listener(id, state);
  }
}

export function createNotebookRuntime(engine: NotebookEngine, options: NotebookRuntimeOptions = {}): NotebookRuntimeApi {
  return new NotebookRuntime(engine, options);
}
