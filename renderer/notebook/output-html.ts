/**
 * A cell's state as an HTML string (DOM-free, escaped): a table page, an analysis summary, or the error with
 * where it happened. Plots are left to render-plot.ts (they need a document); Markdown to the caller.
 */
import type { PmwErrorData } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { analysisHtml } from './analysis-html.js';
import { escapeHtml, paragraph } from './html-text.js';
import type { CellOutput, CellState } from './notebook.js';
import { tablePageHtml } from './table-html.js';

export { analysisHtml } from './analysis-html.js';
export { tablePageHtml } from './table-html.js';
export { escapeHtml } from './html-text.js';

export function errorHtml(error: PmwErrorData): string {
  const where = error.line !== undefined ? ` (${t('nb.error.where', { line: String(error.line), column: String(error.column ?? 1) })})` : '';
  return `<div class="error" role="alert"><strong>${escapeHtml(t('nb.error.title'))}${escapeHtml(where)}</strong>`
    + `<p>${escapeHtml(error.message)}</p>${error.hint ? `<p class="hint">${escapeHtml(error.hint)}</p>` : ''}</div>`;
}

/** Tables and analyses; '' for Markdown and plots. */
export function outputHtml(output: CellOutput, rows = 20): string {
  switch (output.type) {
    case 'table': return tablePageHtml(output.page, output.totalRows, rows);
    case 'analysis': return analysisHtml(output.kind, output.result, rows);
    default: return '';
  }
}

/** What a report shows for a cell that has no output: its error, or that it was cancelled or not run. */
export function stateHtml(state: CellState, rows = 20): string {
  if (state.status === 'error' && state.error) return errorHtml(state.error);
  if (state.status === 'done' && state.output) return outputHtml(state.output, rows);
  return paragraph(t(state.status === 'cancelled' ? 'nb.status.cancelled' : 'nb.status.notRun'), 'note');
}
