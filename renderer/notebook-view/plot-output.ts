/**
 * A plot cell's output: the figure from renderPlot (window's document, the cell's width), Observable Plot's
 * tooltips, and the interactions of the spec: a brush moves the runtime's brush (dependent cells re-run) and
 * shows the selection with a clear button; a zoom draws the figure again with the new domains. The `note`
 * (sampled or aggregated data) sits under the plot.
 */
import { el, replaceChildren } from '../app/dom.js';
import { formatNumber, locale, t } from '../i18n/i18n.js';
import type { CellOutput, NotebookRuntimeApi } from '../notebook/notebook.js';
import { attachInteractions } from '../plot/interactions.js';
import { mainSvgOf } from '../plot/main-svg.js';
import type { BrushSelection, PlotSpec } from '../plot/plot-spec.js';
import { renderPlot } from '../plot/render-plot.js';

type PlotOutput = Extract<CellOutput, { type: 'plot' }>;

/** "x 13.61 – 29.17, y 0.5 – 2" for the selection line under a brushed plot (numbers to 4 digits, dates as they are). */
export function describeBrush(selection: BrushSelection): string {
  const show = (value: number | string): string => typeof value === 'number' ? formatNumber(value, { maximumSignificantDigits: 4 }) : value;
  const part = (axis: 'x' | 'y'): string | null => {
    const range = selection[axis];
    return range ? `${axis} ${show(range[0])} – ${show(range[1])}` : null;
  };
  return [part('x'), part('y')].filter((p) => p !== null).join(', ');
}

/** The spec with the zoomed domains on its x and y scales; `null` (a double-click) is the spec as written. */
function withDomains(spec: PlotSpec, domains: BrushSelection | null): PlotSpec {
  if (!domains) return spec;
  const scales = { ...(spec.scales ?? {}) };
  if (domains.x) scales.x = { ...(scales.x ?? {}), domain: [...domains.x] };
  if (domains.y) scales.y = { ...(scales.y ?? {}), domain: [...domains.y] };
  return { ...spec, scales };
}

export function createPlotOutput(cellId: string, output: PlotOutput, runtime: NotebookRuntimeApi, width: number): { element: HTMLElement; destroy(): void } {
  const figureHost = el('div', { className: 'plot-figure' });
  const selectionText = el('span', { className: 'plot-selection' });
  const clear = el('button', { testid: 'plot-brush-clear', attrs: { type: 'button', hidden: '' }, label: () => t('view.plot.clearBrush') });
  const selectionBar = el('div', { className: 'plot-brush', attrs: { hidden: '' } }, [selectionText, clear]);
  let detach: () => void = () => {};

  const showSelection = (selection: BrushSelection | null): void => {
    if (selection && (selection.x || selection.y)) {
      replaceChildren(selectionText, [t('view.plot.brush', { range: describeBrush(selection) })]);
      selectionBar.removeAttribute('hidden'); clear.removeAttribute('hidden');
    } else {
      selectionBar.setAttribute('hidden', ''); clear.setAttribute('hidden', '');
    }
  };

  const draw = (spec: PlotSpec): void => {
    detach();
    if (output.data.rowCount === 0) { replaceChildren(figureHost, [el('p', { className: 'plot-empty', label: () => t('view.plot.noData') })]); return; }
    const figure = renderPlot(spec, output.data, { document, width, locale: locale() });
    mainSvgOf(figure)?.setAttribute('data-testid', 'plot-svg');
    replaceChildren(figureHost, [figure]);
    detach = attachInteractions(figure, spec, {
      onBrush: (selection: BrushSelection | null) => { showSelection(selection); void runtime.setBrush(cellId, selection); },
      onZoom: (domains: BrushSelection | null) => draw(withDomains(spec, domains)),
    });
  };

  clear.addEventListener('click', () => { showSelection(null); void runtime.setBrush(cellId, null); draw(output.spec as PlotSpec); });
  draw(output.spec as PlotSpec);
  const element = el('div', { className: 'plot-output' }, [
    figureHost, selectionBar, output.note ? el('p', { className: 'plot-note', text: output.note }) : null,
  ]);
  return { element, destroy: () => detach() };
}
