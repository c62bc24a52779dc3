/**
 * A cell's output by type: the result grid for tables (pages sorted and filtered in the engine through
 * runtime.page), the plot, or an analysis's key numbers and warnings above the grid of its result relation.
 */
import type { CohortResult } from '../../workers/engine/api.js';
import { el } from '../app/dom.js';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.js';
import type { CellOutput, NotebookRuntimeApi } from '../notebook/notebook.js';
import type { Platform } from '../platform/platform.js';
import { createResultGrid } from '../grid/result-grid.js';
import { analysisFacts, analysisWarnings } from './analysis-summary.js';
import { createPlotOutput } from './plot-output.js';

export interface OutputView { element: HTMLElement; destroy(): void }

export interface OutputContext {
  cellId: string;
  cellName: string | undefined;
  runtime: NotebookRuntimeApi;
  platform: Platform;
  width: number;
}

function gridOf(context: OutputContext): OutputView {
  const grid = createResultGrid({
    fetch: (request) => context.runtime.page(context.cellId, request),
    fileName: `${context.cellName ?? 'result'}.csv`,
    saveDownload: (name, data) => context.platform.saveDownload(name, data),
  });
  return { element: grid.element, destroy: grid.destroy };
}

const ATTRITION_HEADERS: MessageKey[] = ['view.summary.step', 'view.summary.persons', 'view.summary.events', 'view.summary.dropped'];

/** The cohort's attrition: persons and entry events left after each step, and who each step lost. */
function attritionTable(result: CohortResult): HTMLElement {
  const cell = (n: number): HTMLElement => el('td', { className: 'number', text: formatNumber(n, { maximumFractionDigits: 0 }) });
  return el('table', { className: 'attrition', testid: 'cohort-attrition' }, [
    el('thead', {}, [el('tr', {}, ATTRITION_HEADERS.map((key) => el('th', { label: () => t(key) })))]),
    el('tbody', {}, result.attrition.map((step) => el('tr', {}, [el('td', { text: step.step }), cell(step.persons), cell(step.events), cell(step.dropped)]))),
  ]);
}

function analysisOutput(output: Extract<CellOutput, { type: 'analysis' }>, context: OutputContext): OutputView {
  const facts = analysisFacts(output.kind, output.result);
  const warnings = analysisWarnings(output.result);
  const grid = output.relation ? gridOf(context) : null;
  const element = el('div', { className: 'analysis-output' }, [
    facts.length > 0 ? el('dl', { className: 'analysis-facts' }, facts.flatMap((f) => [el('dt', { text: f.label }), el('dd', { text: f.value })])) : null,
    output.kind === 'cohort' ? attritionTable(output.result as CohortResult) : null,
    warnings.length > 0 ? el('div', { className: 'analysis-warnings', attrs: { role: 'note' } }, [
      el('strong', { label: () => t('view.output.warnings') }),
      el('ul', {}, warnings.map((w) => el('li', { text: w }))),
    ]) : null,
    grid?.element ?? null,
  ]);
  return { element, destroy: () => grid?.destroy() };
}

/** The view of an output; null for Markdown cells (rendered in place of their editor). */
export function createOutputView(output: CellOutput, context: OutputContext): OutputView | null {
  switch (output.type) {
    case 'markdown': return null;
    case 'table': return gridOf(context);
    case 'plot': return createPlotOutput(context.cellId, output, context.runtime, context.width);
    case 'analysis': return analysisOutput(output, context);
  }
}
