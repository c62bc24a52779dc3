/**
 * A plot spec and its data (a ResultPage from planPlotQuery's SQL) as an Observable Plot figure. Runs in the
 * browser and under Node with a linkedom document (`pmw run` writes the SVG into the HTML report).
 */
import * as Plot from '@observablehq/plot';
import type { ResultPage } from '../../workers/engine/api.js';
import { locale as currentLocale } from '../i18n/i18n.js';
import { dateTickFormatter, numberFormatter } from './locale-format.js';
import { marksOf } from './marks-of.js';
import { buildMark, PageChannels } from './plot-marks.js';
import type { PlotSpec, ScaleSpec } from './plot-spec.js';
import { SCALE_NAMES } from './spec-vocabulary.js';

type PlotOptions = NonNullable<Parameters<typeof Plot.plot>[0]>;

export interface RenderPlotOptions {
  document: PlotOptions['document'];
  /** Outer width in pixels when the spec gives none; 640 by default. */
  width?: number;
  /** Language of tick labels and tooltips; the i18n locale by default. */
  locale?: string;
}

export function renderPlot(spec: PlotSpec, data: ResultPage, options: RenderPlotOptions): ReturnType<typeof Plot.plot> {
  const locale = options.locale ?? currentLocale();
  const channels = new PageChannels(data);
  const specMarks = marksOf(spec);
  const marks = specMarks.map((mark, index) => buildMark(mark, index, channels, locale));
  const plotOptions: PlotOptions = {
    document: options.document,
    width: spec.width ?? options.width ?? 640,
    marks,
  };
  if (spec.height !== undefined) plotOptions.height = spec.height;
  if (spec.title !== undefined) plotOptions.title = spec.title;
  if (spec.caption !== undefined) plotOptions.caption = spec.caption;
  const kinds = axisKinds(marks);
  for (const name of SCALE_NAMES) {
    const scale = scaleOptions(spec.scales?.[name], name === 'x' || name === 'y' ? kinds[name] : undefined, locale);
    if (name === 'color') scale.legend = spec.scales?.color?.legend ?? hasColourChannel(marks);
    if (Object.keys(scale).length) (plotOptions as Record<string, unknown>)[name] = scale;
  }
  return Plot.plot(plotOptions);
}

type AxisKind = 'number' | 'date' | 'other' | undefined;

function scaleOptions(spec: ScaleSpec | undefined, kind: AxisKind, locale: string): Record<string, unknown> {
  const scale: Record<string, unknown> = { ...(spec ?? {}) };
  const type = spec?.type;
  const ordinal = type === 'band' || type === 'point' || type === 'ordinal';
  if (kind === 'date' && !ordinal) scale.tickFormat = dateTickFormatter(locale);
  // Log axes label only some ticks by default; a function would label them all, so leave those to Plot.
  else if (kind === 'number' && !ordinal && type !== 'log' && type !== 'symlog') scale.tickFormat = numberFormatter(locale);
  if (spec?.domain && kind === 'date') scale.domain = spec.domain.map((d) => (typeof d === 'string' ? new Date(d) : d));
  return scale;
}

/** Whether each position scale shows numbers, dates or categories, from the first channel drawn on it. */
function axisKinds(marks: Plot.Markish[]): { x: AxisKind; y: AxisKind } {
  const kinds: { x: AxisKind; y: AxisKind } = { x: undefined, y: undefined };
  for (const mark of marks) {
    const channels = (mark as unknown as { channels?: Record<string, { value?: unknown; scale?: string }> }).channels ?? {};
    for (const channel of Object.values(channels)) {
      const axis = channel.scale;
      if ((axis !== 'x' && axis !== 'y') || kinds[axis] !== undefined) continue;
      const value = channel.value;
      kinds[axis] = value instanceof Float64Array ? 'number'
        : Array.isArray(value) && value.some((v) => v instanceof Date) ? 'date'
          : Array.isArray(value) ? 'other' : undefined;
    }
  }
  return kinds;
}

function hasColourChannel(marks: Plot.Markish[]): boolean {
  return marks.some((mark) => {
    const channels = (mark as unknown as { channels?: Record<string, { value?: unknown; scale?: string }> }).channels ?? {};
    return Object.values(channels).some((c) => (c.scale === 'color' || c.scale === 'auto') && typeof c.value === 'object');
  });
}
