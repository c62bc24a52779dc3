/**
 * The notebook contract: a notebook is plain text (Markdown, YAML front matter, fenced cells; docs/notebooks.md)
 * and these types are its parsed form. Pure data, no DOM: the renderer, `pmw run` and the tests share it.
 *
 * Cells are fenced blocks whose info string starts with a known kind, e.g. ```` ```sql name=users ````.
 * Everything between such blocks (prose, headings, fenced blocks of other languages) is a Markdown cell.
 */
import type { PmwErrorData, Progress, ResultPage } from '../../workers/engine/api.js';

/** Analysis cells: the body is the JSON spec of the Engine method of the same name. */
export type AnalysisKind =
  | 'cohort' | 'characterize' | 'incidence' | 'survival'
  | 'signals' | 'trend'
  | 'variants' | 'association' | 'pgx';

export type CellKind = 'markdown' | 'sql' | 'plot' | AnalysisKind;

export const ANALYSIS_KINDS: readonly AnalysisKind[] = [
  'cohort', 'characterize', 'incidence', 'survival', 'signals', 'trend', 'variants', 'association', 'pgx',
];

export interface Cell {
  /** Stable within a session (not written to the file); new cells get new ids. */
  id: string;
  kind: CellKind;
  /** `name=` of the info string: later cells use the result under this name (SQL relation, plot data). */
  name?: string;
  /** Every `key=value` of the info string, `name` and `data` included, in file order. */
  attrs: Record<string, string>;
  /** The body: Markdown text, SQL, or JSON (plot spec, analysis spec). */
  source: string;
}

export interface Notebook {
  /** Parsed YAML front matter (title, description, ...); `{}` when there is none. */
  meta: Record<string, unknown>;
  cells: Cell[];
}

/** What the runtime knows about a cell at a moment; the view renders it. */
export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'cancelled' | 'stale';

/**
 * A cell's result as a relation later cells can use: `sql` is a SELECT over the workspace that yields the rows
 * (already composed with the CTEs of the cells it reads); small results held in memory (a Kaplan–Meier curve,
 * Table 1) are `page` only, and SQL that names them gets them as a VALUES list.
 */
export interface Relation {
  sql?: string;
  page?: ResultPage;
}

export type CellOutput =
  | { type: 'markdown' }
  | { type: 'table'; relation: Relation; page: ResultPage; totalRows: number | null }
  | { type: 'plot'; relation: Relation | null; spec: unknown; data: ResultPage; note?: string }
  /** `result` is what the Engine method returned; `relation` what later cells see. */
  | { type: 'analysis'; kind: AnalysisKind; result: unknown; relation: Relation | null };

export interface CellState {
  status: CellStatus;
  progress?: Progress;
  output?: CellOutput;
  error?: PmwErrorData;
  elapsedMs?: number;
}
