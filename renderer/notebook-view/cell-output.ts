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
import { analysisPolicy, countText, policyNote, QUERY_POLICY, type OutputPolicy } from '../notebook/small-cells.js';
import { privacyOutput } from './privacy-output.js';

export interface OutputView { element: HTMLElement; destroy(): void }

export interface OutputContext {
  cellId: string;
  cellName: string | undefined;
  runtime: NotebookRuntimeApi;
  platform: Platform;
  width: number;
}

function gridOf(context: OutputContext, policy: OutputPolicy = QUERY_POLICY): OutputView {
  const grid = createResultGrid({
    fetch: (request) => context.runtime.page(context.cellId, request),
    fileName: `${context.cellName ?? 'result'}.csv`,
    saveDownload: (name, data) => context.platform.saveDownload(name, data),
    policy,
  });
  return { element: grid.element, destroy: grid.destroy };
}

const ATTRITION_HEADERS: MessageKey[] = ['view.summary.step', 'view.summary.persons', 'view.summary.events', 'view.summary.dropped'];

/** The cohort's attrition: persons and entry events left after each step, and who each step lost (hidden counts `<N` / `—`). */
function attritionTable(result: CohortResult): HTMLElement {
  const cell = (n: number | null): HTMLElement => el('td', {
    className: n === null ? 'number hidden-count' : 'number',
    text: countText(n, result.suppression, (value) => formatNumber(value, { maximumFractionDigits: 0 })),
  });
  const policy: OutputPolicy = result.suppression ? { kind: 'suppressed', suppression: result.suppression } : { kind: 'unstated' };
  return el('div', { className: 'attrition-block' }, [
    el('table', { className: 'attrition', testid: 'cohort-attrition' }, [
      el('thead', {}, [el('tr', {}, ATTRITION_HEADERS.map((key) => el('th', { label: () => t(key) })))]),
      el('tbody', {}, result.attrition.map((step) => el('tr', {}, [el('td', { text: step.step }), cell(step.persons), cell(step.events), cell(step.dropped)]))),
    ]),
    policyNote(policy) !== null && el('p', { className: 'muted small', testid: 'attrition-policy', label: () => policyNote(policy) ?? '' }),
  ]);
}

function analysisOutput(output: Extract<CellOutput, { type: 'analysis' }>, context: OutputContext): OutputView {
  if (output.kind === 'quality' || output.kind === 'privacy') return privacyOutput(output.kind, output.result, context.cellId);
  const facts = analysisFacts(output.kind, output.result);
  const warnings = analysisWarnings(output.result);
  const grid = output.relation ? gridOf(context, analysisPolicy(output.kind, output.result)) : null;
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
