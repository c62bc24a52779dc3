/**
 * Brushing and zooming on a rendered plot (browser only). A d3 brush over the plot's frame turns the dragged
 * pixels into data units through Plot's own scales (`figure.scale('x')`): numbers, ISO dates for temporal
 * axes, and for band or point scales the first and last category covered. Brush moves are debounced; Escape or
 * a click clears. With `zoom`, a finished drag reports the new domains and a double-click resets them.
 */
import { brush, brushX, brushY, select, type BrushEvent } from 'd3';
import { mainSvgOf } from './main-svg.js';
import type { BrushSelection, PlotSpec } from './plot-spec.js';

interface PlotScale {
  type: string;
  domain: unknown[];
  range?: [number, number];
  bandwidth?: number;
  apply(value: unknown): number;
  invert?(pixel: number): unknown;
}
type ScaledFigure = Element & { scale?(name: string): PlotScale | undefined };

export interface InteractionHandlers {
  onBrush?(selection: BrushSelection | null): void;
  onZoom?(domains: BrushSelection | null): void;
}

const DEBOUNCE_MS = 120;

export function attachInteractions(figure: Element, spec: PlotSpec, handlers: InteractionHandlers): () => void {
  const axes = spec.zoom ? 'xy' : spec.brush;
  const svg = mainSvgOf(figure);
  const scaled = figure as ScaledFigure;
  if (!axes || !svg || typeof scaled.scale !== 'function') return () => {};
  const x = scaled.scale('x');
  const y = scaled.scale('y');
  const extent = frameExtent(svg, x, y);
  const behavior = axes === 'x' ? brushX() : axes === 'y' ? brushY() : brush();
  const group = select(svg).append('g').attr('class', 'pmw-brush');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = (selection: BrushSelection | null): void => {
    clearTimeout(timer);
    if (spec.zoom) return;
    timer = setTimeout(() => handlers.onBrush?.(selection), DEBOUNCE_MS);
  };
  behavior.extent(extent).on('brush end', (event: BrushEvent) => {
    if (!event.sourceEvent) return; // our own clear() after a zoom
    const selection = toDataSelection(event.selection, axes, x, y);
    if (spec.zoom) {
      if (event.type === 'end' && selection) {
        handlers.onZoom?.(selection);
        behavior.clear(group);
      }
      return;
    }
    if (event.type === 'end' && !selection) { clearTimeout(timer); handlers.onBrush?.(null); return; }
    report(selection);
  });
  group.call(behavior);
  const onKey = (event: Event): void => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    behavior.clear(group);
    report(null);
  };
  const onDoubleClick = (): void => { if (spec.zoom) handlers.onZoom?.(null); };
  if (!figure.hasAttribute('tabindex')) figure.setAttribute('tabindex', '0');
  figure.addEventListener('keydown', onKey);
  svg.addEventListener('dblclick', onDoubleClick);
  return () => {
    clearTimeout(timer);
    figure.removeEventListener('keydown', onKey);
    svg.removeEventListener('dblclick', onDoubleClick);
    behavior.on('brush end', null);
    group.remove();
  };
}

/** The plot's frame in pixels: the ranges of the position scales, or the whole SVG along an axis without one. */
function frameExtent(svg: Element, x: PlotScale | undefined, y: PlotScale | undefined): [[number, number], [number, number]] {
  const width = Number(svg.getAttribute('width')) || 640;
  const height = Number(svg.getAttribute('height')) || 400;
  const [x0, x1] = x?.range ? [...x.range].sort((a, b) => a - b) : [0, width];
  const [y0, y1] = y?.range ? [...y.range].sort((a, b) => a - b) : [0, height];
  return [[x0!, y0!], [x1!, y1!]];
}

function toDataSelection(pixels: BrushEvent['selection'], axes: 'x' | 'y' | 'xy', x: PlotScale | undefined, y: PlotScale | undefined): BrushSelection | null {
  if (!pixels) return null;
  const selection: BrushSelection = {};
  if (axes === 'xy') {
    const [[px0, py0], [px1, py1]] = pixels as [[number, number], [number, number]];
    const xRange = x && toDataRange(x, px0, px1);
    const yRange = y && toDataRange(y, py0, py1);
    if (xRange) selection.x = xRange;
    if (yRange) selection.y = yRange;
  } else {
    const [p0, p1] = pixels as [number, number];
    const scale = axes === 'x' ? x : y;
    const range = scale && toDataRange(scale, p0, p1);
    if (range) selection[axes] = range;
  }
  return selection.x || selection.y ? selection : null;
}

/** Pixels [p0, p1] in data units, low value first; null when no category of a band scale is covered. */
export function toDataRange(scale: PlotScale, p0: number, p1: number): [number | string, number | string] | null {
  const [lo, hi] = p0 <= p1 ? [p0, p1] : [p1, p0];
  if (scale.invert && !['band', 'point', 'ordinal'].includes(scale.type)) {
    const ends = [scale.invert(lo), scale.invert(hi)].map((v) => (v instanceof Date ? v.toISOString() : Number(v)));
    const sorted = typeof ends[0] === 'number' ? (ends as number[]).sort((a, b) => a - b) : (ends as string[]).sort();
    return [sorted[0]!, sorted[1]!];
  }
  const half = (scale.bandwidth ?? 0) / 2;
  const covered = scale.domain.filter((value) => {
    const centre = scale.apply(value) + half;
    return centre >= lo && centre <= hi;
  });
  if (covered.length === 0) return null;
  const text = (v: unknown): number | string => (typeof v === 'number' ? v : v instanceof Date ? v.toISOString() : String(v));
  return [text(covered[0]), text(covered[covered.length - 1])];
}
