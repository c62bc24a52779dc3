/**
 * The notebook contract: a notebook is plain text (Markdown, YAML front matter, fenced cells; docs/notebooks.md)
 * and these types are its parsed form. Pure data, no DOM: the renderer, `pmw run` and the tests share it.
 *
 * Cells are fenced blocks whose info string starts with a known kind, e.g. ```` ```sql name=users ````.
 * Everything between such blocks (prose, headings, fenced blocks of other languages) is a Markdown cell.
 */
import type { Engine, PmwErrorData, Progress, ResultPage } from '../../workers/engine/api.js';
import type { BrushSelection } from '../plot/plot-spec.js';

/**
 * Analysis cells: the body is the JSON spec of the Engine method of the same name (`quality`: `{ dataset }` for
 * Engine.quality; `privacy`: the scan of Engine.scanPrivacy and, when asked, Engine.kAnonymity — privacy-cell.ts).
 */
export type AnalysisKind =
  | 'cohort' | 'characterize' | 'incidence' | 'survival'
  | 'signals' | 'trend'
  | 'variants' | 'association' | 'pgx'
  | 'quality' | 'privacy';

export type CellKind = 'markdown' | 'sql' | 'plot' | AnalysisKind;

export const ANALYSIS_KINDS: readonly AnalysisKind[] = [
  'cohort', 'characterize', 'incidence', 'survival', 'signals', 'trend', 'variants', 'association', 'pgx', 'quality', 'privacy',
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
  /** How the cell was written in the file (format.ts), so saving it again changes nothing else; absent for new cells. */
  layout?: CellLayout;
}

/** The exact text around a fenced cell's body: what `serializeNotebook` needs to write it back byte for byte. */
export interface CellLayout {
  /** The opening fence line without its line ending, e.g. `` ```sql name=users ``. */
  open: string;
  /** Kind and attributes the `open` line says; when the cell's differ, the line is written anew. */
  openKind: CellKind;
  openAttrs: Record<string, string>;
  /** The closing fence line without its line ending (a run of the same fence character). */
  close: string;
  /** Line ending after the opening line, after the body's last line, and after the closing line (`''` at the end of the file). */
  openEnding: string;
  bodyEnding: string;
  closeEnding: string;
  /** True when the body had lines (possibly one empty line), false for a fence closed on the next line. */
  hasBody: boolean;
}

/** The front matter exactly as written, kept with the meta it parsed to (a changed meta is written anew). */
export interface NotebookLayout {
  frontMatter: string;
  parsedMeta: string;
  /** The line ending the file uses most, for lines written anew. */
  lineEnding: string;
}

export interface Notebook {
  /** Parsed YAML front matter (title, description, ...); `{}` when there is none. */
  meta: Record<string, unknown>;
  cells: Cell[];
  layout?: NotebookLayout;
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

/** What the runtime needs of the Engine (the in-process one for `pmw run`, the remote one in the UI). */
export type NotebookEngine = Pick<Engine,
  'query' | 'cancel' | 'datasets' | 'cohort' | 'characterize' | 'incidence' | 'survival' | 'signals' | 'signalTrend' |
  'variants' | 'association' | 'pgx' | 'quality' | 'scanPrivacy' | 'kAnonymity'>;

export interface GridRequest {
  offset: number;
  limit: number;
  orderBy?: { column: string; descending: boolean }[];
  /** Rows whose column, as text, contains `text` (case-insensitive); all filters must hold. */
  filters?: { column: string; text: string }[];
}

/**
 * Runs a notebook's cells in the Engine in dependency order (a cell depends on the earlier named cells its SQL,
 * `data=` or JSON spec mentions). The view and `pmw run` drive it; it never touches the DOM.
 */
export interface NotebookRuntimeApi {
  /** Replaces the cells. Unchanged cells keep their outputs; changed ones and their dependents become stale. */
  load(notebook: Notebook): void;
  /** Edits one cell; it and its dependents become stale and, when `rerun` (default true), run again. */
  updateCell(id: string, change: Partial<Pick<Cell, 'source' | 'attrs' | 'name'>>, rerun?: boolean): Promise<void>;
  /** Runs one cell and then the cells depending on it; every stale or idle cell when `id` is absent. */
  run(id?: string): Promise<void>;
  /** Interrupts the running cell (or every one) in the Engine; its state becomes `cancelled`. */
  cancel(id?: string): Promise<void>;
  /** Moves a plot's brush; the cells depending on that plot run again. `null` clears it. */
  setBrush(cellId: string, selection: BrushSelection | null): Promise<void>;
  state(id: string): CellState;
  /** Called on every state change of any cell; returns the unsubscribe function. */
  subscribe(listener: (cellId: string, state: CellState) => void): () => void;
  dependencies(id: string): string[];
  dependents(id: string): string[];
  /** A page of a cell's relation for the result grid: sorted and filtered in the Engine, with the total. */
  page(id: string, request: GridRequest): Promise<ResultPage & { totalRows: number }>;
}
