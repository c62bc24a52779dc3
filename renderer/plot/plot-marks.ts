/**
 * One spec mark as an Observable Plot mark over the columnar data: channels become labelled arrays (no row
 * objects), constants stay constants, binned data (bin-query.ts) is drawn as the rectangles, bars, lines or
 * cells it stands for, and tooltips format numbers and dates in the reader's language.
 */
import * as Plot from '@observablehq/plot';
import type { ResultPage } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { BIN_EDGE_COLUMNS } from './bin-query.js';
import { binnedAxes, binValueChannel } from './bin-layout.js';
import { isCssColour } from './css-colours.js';
import { dateFormatter, numberFormatter } from './locale-format.js';
import { channelArray, columnByName, midpoints, type ChannelArray } from './plot-data.js';
import type { MarkSpec, MarkType } from './plot-spec.js';
import { CHANNEL_KEYS, FACET_KEYS } from './spec-vocabulary.js';

type Options = Record<string, unknown>;
type MarkFactory = (data: unknown, options: Options) => Plot.Markish;

const FACTORIES: Record<MarkType, MarkFactory> = {
  barX: Plot.barX, barY: Plot.barY, line: Plot.line, lineY: Plot.lineY, dot: Plot.dot, area: Plot.area, areaY: Plot.areaY,
  rect: Plot.rect, cell: Plot.cell, ruleX: Plot.ruleX, ruleY: Plot.ruleY, text: Plot.text, tickX: Plot.tickX, tickY: Plot.tickY,
} as unknown as Record<MarkType, MarkFactory>;

/** Reads the page's columns once each, by name (as the spec or the binned query names them). */
export class PageChannels {
  private readonly cache = new Map<string, ChannelArray>();
  constructor(readonly page: ResultPage) {}

  get(name: string, label?: string): ChannelArray | undefined {
    const column = columnByName(this.page, name);
    if (!column) return undefined;
    let values = this.cache.get(column.name);
    if (!values) this.cache.set(column.name, (values = channelArray(column)));
    if (label === undefined || label === values.label) return values;
    const relabelled = values.slice() as ChannelArray;
    relabelled.label = label;
    return relabelled;
  }
}

export function buildMark(mark: MarkSpec, index: number, channels: PageChannels, locale: string): Plot.Markish {
  const data = { length: channels.page.rowCount };
  const options = mark.bin ? binnedOptions(mark, channels) : plainOptions(mark, channels);
  if (mark.opacity !== undefined) options.opacity = mark.opacity;
  if (mark.strokeWidth !== undefined) options.strokeWidth = mark.strokeWidth;
  if (mark.curve !== undefined) options.curve = mark.curve;
  if (mark.tip ?? index === 0) options.tip = { format: tipFormats(options, locale) };
  const constantRule = (mark.mark === 'ruleX' || mark.mark === 'ruleY') && onlyConstants(options);
  if (constantRule) {
    // A rule at a constant (ruleY at 0): one rule, not one per data row.
    const axis = mark.mark === 'ruleX' ? 'x' : 'y';
    const value = options[axis];
    delete options[axis];
    return FACTORIES[mark.mark](value === undefined ? [] : [value], options);
  }
  return (mark.bin ? binnedFactory(mark) : plainFactory(mark))(data, options);
}

function plainOptions(mark: MarkSpec, channels: PageChannels): Options {
  const options: Options = {};
  for (const key of [...CHANNEL_KEYS, ...FACET_KEYS]) {
    const value = mark[key];
    if (value === undefined) continue;
    const column = typeof value === 'string' ? channels.get(value) : undefined;
    if (column) options[key] = column;
    else if (typeof value === 'number' || ((key === 'fill' || key === 'stroke') && isCssColour(value))) options[key] = value;
  }
  return options;
}

function plainFactory(mark: MarkSpec): MarkFactory {
  // `area` with x and y (not x1/y1) is the common case: an area from zero to y.
  if (mark.mark === 'area' && mark.y1 === undefined && mark.x1 === undefined) return FACTORIES.areaY;
  return FACTORIES[mark.mark];
}

function binnedOptions(mark: MarkSpec, channels: PageChannels): Options {
  const reduce = mark.bin?.reduce ?? 'count';
  const valueLabel = reduce === 'count' ? t('plot.reduce.count') : t(`plot.reduce.${reduce}`, { column: mark.bin?.of ?? '' });
  const valueChannel = binValueChannel(mark);
  const axes = binnedAxes(mark);
  const options = plainOptions({ ...mark, x: undefined, y: undefined, [valueChannel]: undefined } as MarkSpec, channels);
  for (const axis of ['x', 'y'] as const) {
    const source = mark[axis];
    if (!axes.includes(axis) && axis !== valueChannel && typeof source === 'string') options[axis] = channels.get(source);
  }
  for (const axis of axes) {
    const [lower, upper] = BIN_EDGE_COLUMNS[axis];
    const label = String(mark[axis]);
    const start = channels.get(lower, label);
    const end = channels.get(upper, label);
    if (!start || !end) continue;
    const drawnAsPoint = /^(line|area)/.test(mark.mark);
    if (drawnAsPoint) options[axis] = midpoints(start, end);
    else { options[`${axis}1`] = start; options[`${axis}2`] = end; }
    if (drawnAsPoint) (options[axis] as ChannelArray).label = label;
  }
  options[valueChannel] = channels.get(reduce, valueLabel);
  return options;
}

function binnedFactory(mark: MarkSpec): MarkFactory {
  const axes = binnedAxes(mark);
  const value = binValueChannel(mark);
  if (/^line/.test(mark.mark)) return FACTORIES.lineY;
  if (/^area/.test(mark.mark)) return FACTORIES.areaY;
  if (axes.length === 2) return FACTORIES.rect;
  if (value === 'y') return Plot.rectY as unknown as MarkFactory;
  if (value === 'x') return Plot.rectX as unknown as MarkFactory;
  // A heatmap binned on one axis, categories on the other: bars spanning the bins, coloured by the value.
  return axes[0] === 'x' ? FACTORIES.barX : FACTORIES.barY;
}

function onlyConstants(options: Options): boolean {
  return [...CHANNEL_KEYS, ...FACET_KEYS].every((key) => options[key] === undefined || typeof options[key] !== 'object');
}

/** Tooltip formats per channel: numbers and dates in the reader's language, the rest as they are. */
function tipFormats(options: Options, locale: string): Record<string, (value: unknown) => string> {
  const formats: Record<string, (value: unknown) => string> = {};
  const number = numberFormatter(locale);
  const date = dateFormatter(locale);
  for (const [key, value] of Object.entries(options)) {
    if (value instanceof Float64Array) formats[key] = number;
    else if (Array.isArray(value) && value.some((v) => v instanceof Date)) formats[key] = date;
  }
  return formats;
}
