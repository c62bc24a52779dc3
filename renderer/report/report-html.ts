/**
 * The `pmw run` report: one self-contained HTML file — the notebook's prose, each cell's source and output
 * (tables, analysis summaries, plots as inline SVG, errors), and the provenance footer. Nothing is loaded from
 * anywhere: the style is inline and plots are drawn on the document given (a linkedom one under Node for
 * `pmw run`, the page's own in the app's Export report).
 */
import type { ResultPage } from '../../workers/engine/api.js';
import { locale } from '../i18n/i18n.js';
import type { Cell, CellState, Notebook } from '../notebook/notebook.js';
import { escapeHtml, stateHtml } from '../notebook/output-html.js';
import type { PlotSpec } from '../plot/plot-spec.js';
import { renderPlot } from '../plot/render-plot.js';
type PlotOptions = Parameters<typeof renderPlot>[2];

import { markdownHtml } from './markdown-html.js';
import { provenanceHtml, type Provenance } from './provenance.js';
import { REPORT_CSS } from './report-style.js';

/** The document plots are drawn on. */
export type ReportDocument = PlotOptions['document'];

/** A plot as SVG markup, drawn by the same code as the view. */
function plotHtml(spec: unknown, data: ResultPage, note: string | undefined, document: ReportDocument): string {
  const element = renderPlot(spec as PlotSpec, data, { document, width: 900, locale: locale() });
  // Inline SVG in HTML needs no namespace declarations; dropping them keeps the report free of any URL.
  const svg = element.outerHTML.replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
  return svg + (note ? `<p class="note">${escapeHtml(note)}</p>` : '');
}

function cellHtml(cell: Cell, state: CellState, document: ReportDocument): string {
  if (cell.kind === 'markdown') return `<section class="cell markdown">${markdownHtml(cell.source)}</section>`;
  const label = [cell.kind, ...Object.entries(cell.attrs).map(([k, v]) => `${k}=${v}`)].join(' ');
  const source = `<pre class="source" title="${escapeHtml(label)}"><code>${escapeHtml(cell.source)}</code></pre>`;
  let output: string;
  if (state.status === 'done' && state.output?.type === 'plot') {
    try {
      output = plotHtml(state.output.spec, state.output.data, state.output.note, document);
    } catch (error) {
      output = stateHtml({ status: 'error', error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
    }
  } else output = stateHtml(state);
  return `<section class="cell code ${escapeHtml(cell.kind)}" data-kind="${escapeHtml(cell.kind)}" data-status="${escapeHtml(state.status)}">${source}${output}</section>`;
}

export function reportHtml(notebook: Notebook, states: (cell: Cell) => CellState, provenance: Provenance, document: ReportDocument): string {
  const title = typeof notebook.meta.title === 'string' ? notebook.meta.title : provenance.notebookFile;
  const description = typeof notebook.meta.description === 'string' ? `<p class="description">${escapeHtml(notebook.meta.description)}</p>` : '';
  const cells = notebook.cells.map((cell) => cellHtml(cell, states(cell), document)).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(locale())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${description}</header>
<main>
${cells}
</main>
${provenanceHtml(provenance)}
</body>
</html>
`;
}
