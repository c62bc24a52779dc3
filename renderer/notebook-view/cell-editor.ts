/**
 * The editor of one cell by kind: CodeMirror SQL (with completion), JSON for plot cells, the form + JSON pair
 * for analysis cells, plain text for Markdown. Every one reports edits and Ctrl/Cmd-Enter the same way.
 */
import type { SQLNamespace } from '@codemirror/lang-sql';
import { t } from '../i18n/i18n.js';
import type { Cell } from '../notebook/notebook.js';
import type { CodeEditor } from '../editor/code-editor.js';
import { createJsonEditor, createTextEditor } from '../editor/json-editor.js';
import { createSqlEditor } from '../editor/sql-editor.js';
import { createAnalysisEditor } from '../forms/analysis-editor.js';
import type { FormContext } from '../forms/form-view.js';

export interface CellEditor {
  element: HTMLElement;
  code: CodeEditor;
  /** New completion for SQL cells (datasets or earlier cells changed); a no-op for other kinds. */
  setSchema(schema: SQLNamespace): void;
  destroy(): void;
}

export interface CellEditorHandlers {
  /** The new body; `valid` is false for JSON that does not parse (it is kept, not run). */
  onSource(text: string, valid: boolean): void;
  onRun(): void;
}

export function createCellEditor(cell: Cell, schema: SQLNamespace, context: FormContext, handlers: CellEditorHandlers): CellEditor {
  const plain = { onChange: (text: string) => handlers.onSource(text, true), onRun: handlers.onRun };
  if (cell.kind === 'sql') {
    const editor = createSqlEditor(cell.source, schema, { ...plain, ariaLabel: t('view.editor.sql') });
    return { element: editor.element, code: editor, setSchema: editor.setSchema, destroy: editor.destroy };
  }
  if (cell.kind === 'markdown' || cell.kind === 'plot') {
    const editor = cell.kind === 'plot'
      ? createJsonEditor(cell.source, { ...plain, ariaLabel: t('view.editor.json') })
      : createTextEditor(cell.source, { ...plain, ariaLabel: t('view.editor.markdown') });
    return { element: editor.element, code: editor, setSchema: () => {}, destroy: editor.destroy };
  }
  const analysis = createAnalysisEditor({ kind: cell.kind, source: cell.source, context, onSource: handlers.onSource, onRun: handlers.onRun });
  return { element: analysis.element, code: analysis.editor, setSchema: () => {}, destroy: analysis.destroy };
}
