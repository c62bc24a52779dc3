/**
 * One cell on the page: toolbar (kind, name, status chip with progress, Run, Cancel, move, delete), the
 * editor, the error (message, hint, line and column; the cursor is put there) and the output.
 * Markdown cells show their rendered text and switch to the editor on double-click.
 * Edits are handed on after a pause of EDIT_DELAY_MS, or at once on Ctrl/Cmd-Enter.
 */
import type { SQLNamespace } from '@codemirror/lang-sql';
import { el, replaceChildren } from '../app/dom.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import type { Cell, CellOutput, CellState } from '../notebook/notebook.js';
import type { FormContext } from '../forms/form-view.js';
import { toolbarState } from './cell-toolbar.js';
import { createCellEditor, type CellEditor } from './cell-editor.js';
import { createOutputView, type OutputContext, type OutputView } from './cell-output.js';
import { renderMarkdown } from './markdown.js';

export const EDIT_DELAY_MS = 600;

export interface CellActions {
  /** The body changed; `runNow` after Ctrl/Cmd-Enter; `valid` false for JSON that does not parse. */
  edit(cell: Cell, source: string, options: { runNow: boolean; valid: boolean }): void;
  rename(cell: Cell, attrs: Record<string, string>): void;
  cancel(cell: Cell): void;
  move(cell: Cell, by: -1 | 1): void;
  remove(cell: Cell): void;
}

export interface CellView {
  element: HTMLElement;
  cell: Cell;
  update(state: CellState): void;
  setSchema(schema: SQLNamespace): void;
  destroy(): void;
}

function button(testid: string, key: MessageKey, onClick: () => void): HTMLButtonElement {
  return el('button', { testid, attrs: { type: 'button' }, label: () => t(key), on: { click: onClick } });
}

/** An info-string attribute (`name`, `data`) edited in place; empty removes it. */
function attrInput(cell: Cell, attr: 'name' | 'data', label: MessageKey, actions: CellActions): HTMLElement {
  const input = el('input', { className: `cell-${attr}`, testid: `cell-${attr}`, attrs: { type: 'text', size: '12', spellcheck: 'false' }, localizedAttrs: { 'aria-label': () => t(label), placeholder: () => t(label) } });
  input.value = cell.attrs[attr] ?? '';
  input.addEventListener('change', () => {
    const value = input.value.trim();
    const attrs = { ...cell.attrs };
    if (value) attrs[attr] = value; else delete attrs[attr];
    actions.rename(cell, attrs);
  });
  return input;
}

export function createCellView(cell: Cell, deps: { schema: SQLNamespace; form: FormContext; output: Omit<OutputContext, 'cellId' | 'cellName'> }, actions: CellActions): CellView {
  let pending: ReturnType<typeof setTimeout> | null = null;
  let latest = cell.source;
  let latestValid = true;
  let shownOutput: CellOutput | undefined;
  let outputView: OutputView | null = null;
  let lastErrorShown: CellState['error'];

  const flush = (runNow: boolean): void => {
    if (pending) { clearTimeout(pending); pending = null; }
    actions.edit(cell, latest, { runNow, valid: latestValid });
  };
  const editor: CellEditor = createCellEditor(cell, deps.schema, deps.form, {
    onSource(text, valid) {
      latest = text; latestValid = valid;
      if (cell.kind === 'markdown') renderRendered();
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => flush(false), EDIT_DELAY_MS);
    },
    onRun() {
      flush(true);
      if (cell.kind === 'markdown') showEditor(false);
    },
  });

  const status = el('span', { className: 'cell-status', testid: 'cell-status' });
  const bar = el('progress', { className: 'cell-progress', attrs: { max: '1', hidden: '' } });
  // Run hands on a pending edit first (which runs it); with none, it runs the cell as it is.
  const run = button('cell-run', 'view.cell.run', () => flush(true));
  const cancel = button('cell-cancel', 'view.cell.cancel', () => actions.cancel(cell));
  const errorBox = el('div', { className: 'cell-error', testid: 'cell-error', attrs: { role: 'alert', hidden: '' } });
  const output = el('div', { className: 'cell-output', testid: 'cell-output' });
  const rendered = el('div', { className: 'markdown-rendered', localizedAttrs: { title: () => t('view.cell.editHint') } });
  const editorHost = el('div', { className: 'cell-editor-host' }, [editor.element]);

  function renderRendered(): void {
    // renderMarkdown escapes every raw HTML tag and drops unsafe URLs (markdown.ts): safe to insert.
    rendered.innerHTML = renderMarkdown(latest);
  }
  function showEditor(editing: boolean): void {
    editorHost.hidden = !editing;
    rendered.hidden = editing;
    if (editing) editor.code.view.focus();
  }

  const kindKey = `view.kind.${cell.kind}` as MessageKey;
  const toolbar = el('div', { className: 'cell-toolbar' }, [
    el('span', { className: 'cell-kind', label: () => t(kindKey) }),
    cell.kind !== 'markdown' ? attrInput(cell, 'name', 'view.cell.name', actions) : null,
    cell.kind === 'plot' ? attrInput(cell, 'data', 'view.cell.data', actions) : null,
    cell.kind !== 'markdown' ? status : null,
    cell.kind !== 'markdown' ? bar : null,
    el('span', { className: 'cell-actions' }, [
      cell.kind !== 'markdown' ? run : null,
      cell.kind !== 'markdown' ? cancel : null,
      button('cell-move-up', 'view.cell.moveUp', () => actions.move(cell, -1)),
      button('cell-move-down', 'view.cell.moveDown', () => actions.move(cell, 1)),
      button('cell-delete', 'view.cell.delete', () => actions.remove(cell)),
    ]),
  ]);

  const element = el('section', { className: `cell cell-${cell.kind}`, testid: 'cell', dataset: { cellId: cell.id, kind: cell.kind } }, [
    toolbar,
    cell.kind === 'markdown' ? rendered : null,
    editorHost,
    errorBox,
    output,
  ]);
  if (cell.kind === 'markdown') {
    renderRendered();
    showEditor(cell.source.trim() === '');
    rendered.addEventListener('dblclick', () => showEditor(true));
    editor.element.addEventListener('focusout', (event) => {
      if (!editor.element.contains((event as FocusEvent).relatedTarget as Node | null)) showEditor(false);
    });
  }

  function showError(state: CellState): void {
    const error = state.status === 'error' ? state.error : undefined;
    if (!error) { errorBox.hidden = true; replaceChildren(errorBox, []); lastErrorShown = undefined; return; }
    const at = error.line !== undefined ? t('view.errorAt', { line: error.line, column: error.column ?? 1 }) : null;
    replaceChildren(errorBox, [
      el('div', { className: 'cell-error-message', text: error.message }),
      at ? el('div', { className: 'cell-error-place', text: at }) : null,
      error.hint ? el('div', { className: 'cell-error-hint', text: error.hint }) : null,
    ]);
    errorBox.hidden = false;
    // Only a new error moves the cursor: re-rendering the same state must not steal focus while typing.
    if (error !== lastErrorShown && error.line !== undefined) editor.code.setCursor(error.line, error.column ?? 1);
    lastErrorShown = error;
  }

  function showOutput(state: CellState): void {
    if (state.output === shownOutput) return;
    shownOutput = state.output;
    outputView?.destroy();
    outputView = state.output ? createOutputView(state.output, { ...deps.output, cellId: cell.id, cellName: cell.name }) : null;
    replaceChildren(output, [outputView?.element ?? null]);
  }

  return {
    element,
    cell,
    update(state) {
      const view = toolbarState(cell.kind, state);
      run.disabled = !view.canRun;
      cancel.disabled = !view.canCancel;
      status.dataset['status'] = view.status;
      replaceChildren(status, [el('span', { className: 'cell-status-label', text: view.label }), view.detail ? el('span', { className: 'cell-status-detail', text: view.detail }) : null]);
      bar.hidden = view.fraction === null;
      if (view.fraction !== null) bar.value = view.fraction;
      showError(state);
      showOutput(state);
    },
    setSchema: editor.setSchema,
    destroy() {
      if (pending) { clearTimeout(pending); flush(false); }
      outputView?.destroy();
      editor.destroy();
    },
  };
}
