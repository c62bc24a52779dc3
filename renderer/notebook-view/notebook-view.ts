/**
 * The notebook editor: title, toolbar (Run all, Save, Download .md, Open file, Add cell), and the cells in
 * order, each with its editor, status and output. The runtime (renderer/notebook/runtime.ts) runs the cells
 * in the engine; this view only edits the notebook, forwards actions and draws the states it reports.
 */
import type { Dataset } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { onLocaleChange, t, type MessageKey } from '../i18n/i18n.js';
import { buildSqlNamespace, type CellRelationInfo } from '../editor/sql-completion.js';
import { FORM_MODELS, ANALYSIS_DATASET_KINDS } from '../forms/forms.js';
import { newCellId, parseNotebook, serializeNotebook } from '../notebook/format.js';
import { toErrorData } from '../notebook/notebook-error.js';
import { ANALYSIS_KINDS, type Cell, type CellKind, type Notebook, type NotebookRuntimeApi } from '../notebook/notebook.js';
import { createNotebookRuntime } from '../notebook/runtime.js';
import type { NotebookFile, Platform } from '../platform/platform.js';
import { createCellView, type CellActions, type CellView } from './cell-view.js';
import { newCellSource } from './new-cell.js';
import { exportReport } from './export-report.js';

export interface NotebookView {
  element: HTMLElement;
  open(file: NotebookFile): Promise<void>;
  openText(name: string, text: string): void;
  /** Saves the notebook (File › Save notebook in the desktop app, the Save button here). */
  save(): Promise<void>;
  /** Writes the HTML report of the current results (File › Export report, the Export report button). */
  exportReport(): Promise<void>;
  destroy(): void;
}

const CELL_KINDS: CellKind[] = ['markdown', 'sql', 'plot', ...ANALYSIS_KINDS];
/** Width of plots when the page has not been laid out yet (tests, hidden tabs). */
const DEFAULT_PLOT_WIDTH = 720;

export function createNotebookView(platform: Platform): NotebookView {
  const runtime: NotebookRuntimeApi = createNotebookRuntime(platform.engine);
  let notebook: Notebook = { meta: {}, cells: [] };
  let fileName = 'notebook.md';
  let datasets: Dataset[] = [];
  const views = new Map<string, CellView>();

  const title = el('h1', { className: 'notebook-title', testid: 'notebook-title' });
  const message = el('div', { className: 'notebook-message', testid: 'notebook-message', attrs: { role: 'status' } });
  const cellList = el('div', { className: 'notebook-cells' });
  const kindPicker = el('select', { testid: 'add-cell-kind', localizedAttrs: { 'aria-label': () => t('view.addCellKind') } },
    CELL_KINDS.map((kind) => el('option', { attrs: { value: kind }, label: () => t(`view.kind.${kind}` as MessageKey) })));
  const fileInput = el('input', { attrs: { type: 'file', accept: '.md,.markdown,text/markdown,text/plain', hidden: '' }, testid: 'open-notebook-file' });

  const say = (text: string): void => replaceChildren(message, [text]);
  const toolButton = (testid: string, key: MessageKey, onClick: () => void): HTMLButtonElement =>
    el('button', { testid, attrs: { type: 'button' }, label: () => t(key), on: { click: onClick } });

  // ---- what the editors need to know: datasets, earlier cells and their result columns
  const earlierRelations = (cell: Cell): CellRelationInfo[] => {
    const index = notebook.cells.indexOf(cell);
    return notebook.cells.slice(0, index).filter((c) => c.name).map((c) => {
      const output = runtime.state(c.id).output;
      const page = output?.type === 'table' ? output.page : output?.type === 'plot' ? output.data : output?.type === 'analysis' ? output.relation?.page : undefined;
      return { name: c.name!, columns: page?.columns.map((column) => ({ name: column.name, type: column.type })) };
    });
  };
  const refreshSchemas = (): void => {
    for (const cell of notebook.cells) if (cell.kind === 'sql') views.get(cell.id)?.setSchema(buildSqlNamespace(datasets, earlierRelations(cell)));
  };
  const formContext = {
    get datasets() { return datasets; },
    cellNames: (kind: string) => notebook.cells.filter((c) => c.kind === kind && c.name).map((c) => c.name!),
  };

  // ---- edits, run, structure
  const reload = (): void => { runtime.load(notebook); renderCells(); };
  const actions: CellActions = {
    edit(cell, source, { runNow, valid }) {
      const changed = source !== cell.source;
      cell.source = source;
      if (cell.kind === 'markdown') { if (changed) runtime.load(notebook); return; }
      if (changed) void runtime.updateCell(cell.id, { source }, valid);
      else if (runNow && valid) void runtime.run(cell.id);
    },
    rename(cell, attrs) {
      cell.attrs = attrs;
      cell.name = attrs['name'];
      void runtime.updateCell(cell.id, { attrs, name: cell.name });
    },
    cancel: (cell) => void runtime.cancel(cell.id),
    move(cell, by) {
      const from = notebook.cells.indexOf(cell);
      const to = from + by;
      if (to < 0 || to >= notebook.cells.length) return;
      notebook.cells.splice(from, 1);
      notebook.cells.splice(to, 0, cell);
      reload();
    },
    remove(cell) {
      notebook.cells = notebook.cells.filter((c) => c !== cell);
      views.get(cell.id)?.destroy();
      views.delete(cell.id);
      reload();
    },
  };

  function renderCells(): void {
    for (const cell of notebook.cells) {
      if (views.has(cell.id)) continue;
      const view = createCellView(cell, {
        schema: buildSqlNamespace(datasets, earlierRelations(cell)),
        form: formContext,
        output: { runtime, platform, width: Math.max(320, (cellList.clientWidth || DEFAULT_PLOT_WIDTH) - 32) },
      }, actions);
      view.update(runtime.state(cell.id));
      views.set(cell.id, view);
    }
    replaceChildren(cellList, notebook.cells.length === 0
      ? [el('p', { className: 'notebook-empty', label: () => t('view.empty') })]
      : notebook.cells.map((cell) => views.get(cell.id)!.element));
    refreshSchemas();
  }

  function showTitle(): void {
    const metaTitle = typeof notebook.meta['title'] === 'string' ? notebook.meta['title'] : '';
    replaceChildren(title, [metaTitle || fileName || t('view.untitled')]);
  }

  /** A new cell at the end, or right below the cell `after` names. */
  function addCell(kind: CellKind, source?: string, after?: string): Cell {
    const defaultDataset = datasets.find((d) => ANALYSIS_DATASET_KINDS[kind as keyof typeof ANALYSIS_DATASET_KINDS]?.includes(d.kind))?.name ?? '';
    const cell: Cell = { id: newCellId(), kind, attrs: {}, source: source ?? newCellSource(kind, defaultDataset, FORM_MODELS) };
    const at = notebook.cells.findIndex((c) => c.id === after);
    notebook.cells.splice(at < 0 ? notebook.cells.length : at + 1, 0, cell);
    reload();
    views.get(cell.id)?.element.scrollIntoView?.({ block: 'nearest' });
    return cell;
  }

  // The dataset browser's "Query" button: a new SQL cell at the end, run at once; a quality check's SQL: below its cell.
  const onInsertSql = (event: Event): void => {
    const { sql, after } = (event as CustomEvent<{ sql?: unknown; after?: unknown }>).detail ?? {};
    if (typeof sql !== 'string' || sql.trim() === '') return;
    const cell = addCell('sql', sql.endsWith('\n') ? sql : `${sql}\n`, typeof after === 'string' ? after : undefined);
    void runtime.run(cell.id);
  };
  globalThis.addEventListener?.('pmw:insert-sql', onInsertSql);

  function openText(name: string, text: string): void {
    element.setAttribute('data-file', name);
    for (const view of views.values()) view.destroy();
    views.clear();
    fileName = name;
    try {
      notebook = parseNotebook(text);
      say('');
    } catch (thrown) {
      const error = toErrorData(thrown);
      notebook = { meta: {}, cells: [] };
      const at = error.line !== undefined ? ` (${t('view.errorAt', { line: error.line, column: error.column ?? 1 })})` : '';
      say(`${t('view.openFailed', { name })}: ${error.message}${at}${error.hint ? ` — ${error.hint}` : ''}`);
    }
    showTitle();
    reload();
  }

  async function save(): Promise<void> {
    try {
      const saved = await platform.writeNotebook(fileName, serializeNotebook(notebook));
      fileName = saved.name;
      say(t('view.saved', { name: saved.name }));
    } catch (thrown) {
      say(t('view.saveFailed', { message: toErrorData(thrown).message }));
    }
  }

  async function exportCurrentReport(): Promise<void> {
    try {
      const name = await exportReport(platform, notebook, runtime, fileName);
      say(t('view.reportExported', { name }));
    } catch (thrown) {
      say(t('view.reportFailed', { message: toErrorData(thrown).message }));
    }
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void file.text().then((text) => openText(file.name, text));
    fileInput.value = '';
  });

  const toolbar = el('div', { className: 'notebook-toolbar' }, [
    toolButton('run-all', 'view.runAll', () => void runtime.run()),
    toolButton('cancel-all', 'view.cancelAll', () => void runtime.cancel()),
    toolButton('save-notebook', 'view.save', () => void save()),
    toolButton('download-notebook', 'view.download', () =>
      void platform.saveDownload(fileName, new Blob([serializeNotebook(notebook)], { type: 'text/markdown' }))),
    toolButton('export-report', 'view.exportReport', () => void exportCurrentReport()),
    toolButton('open-file', 'view.openFile', () => fileInput.click()),
    fileInput,
    el('span', { className: 'add-cell' }, [kindPicker, toolButton('add-cell', 'view.addCell', () => addCell(kindPicker.value as CellKind))]),
  ]);
  const element = el('div', { className: 'notebook-view', testid: 'notebook-view' }, [title, toolbar, message, cellList]);

  const unsubscribe = runtime.subscribe((cellId, state) => {
    views.get(cellId)?.update(state);
    if (state.status === 'done') refreshSchemas();
  });
  const stopLocale = onLocaleChange(() => {
    showTitle();
    for (const [id, view] of views) view.update(runtime.state(id));
  });
  const loadDatasets = async (): Promise<void> => {
    try { datasets = await platform.engine.datasets(); refreshSchemas(); } catch { /* the shell shows engine errors */ }
  };
  void loadDatasets();
  showTitle();
  renderCells();

  return {
    element,
    async open(file) {
      // `data-file` names the notebook on screen once it is there (tests wait for it).
      element.removeAttribute('data-file');
      const text = await platform.readNotebook(file.path);
      await loadDatasets();
      openText(file.name, text);
    },
    openText,
    save,
    exportReport: exportCurrentReport,
    destroy() {
      globalThis.removeEventListener?.('pmw:insert-sql', onInsertSql);
      unsubscribe();
      stopLocale();
      void runtime.cancel();
      for (const view of views.values()) view.destroy();
      views.clear();
    },
  };
}
