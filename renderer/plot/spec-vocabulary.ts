/**
 * The words a plot spec may use: marks, option keys, enumerations. One list each, shared by the validator,
 * the query planner and the docs test, so a new mark or option is added in one place.
 */
import type { MarkType, ScaleSpec } from './plot-spec.js';

export const MARK_TYPES: readonly MarkType[] = [
  'barX', 'barY', 'line', 'lineY', 'dot', 'area', 'areaY', 'rect', 'cell', 'ruleX', 'ruleY', 'text', 'tickX', 'tickY',
];

/** Channels that name a column or hold a constant. */
export const CHANNEL_KEYS = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'fill', 'stroke', 'r', 'text'] as const;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/** Facet channels: always a column. */
export const FACET_KEYS = ['fx', 'fy'] as const;

export const MARK_KEYS: readonly string[] = [
  'mark', ...CHANNEL_KEYS, ...FACET_KEYS, 'opacity', 'strokeWidth', 'curve', 'tip', 'bin', 'maxRows',
];

export const PLOT_KEYS: readonly string[] = ['marks', 'title', 'caption', 'width', 'height', 'scales', 'brush', 'zoom'];

export const SCALE_NAMES = ['x', 'y', 'color', 'r', 'fx', 'fy'] as const;
export const SCALE_KEYS: readonly string[] = ['label', 'type', 'domain', 'reverse', 'grid', 'scheme'];
export const SCALE_TYPES: readonly NonNullable<ScaleSpec['type']>[] = [
  'linear', 'log', 'sqrt', 'symlog', 'time', 'utc', 'band', 'point', 'ordinal',
];

export const CURVES = ['linear', 'step', 'step-after', 'step-before', 'monotone-x'] as const;
export const BIN_KEYS: readonly string[] = ['x', 'y', 'reduce', 'of'];
export const BIN_REDUCERS = ['count', 'sum', 'mean'] as const;
export const BRUSH_AXES = ['x', 'y', 'xy'] as const;

/** Marks that may be binned, and the axes they bin: the value goes on the other axis (or to fill for 2-D). */
export const BINNABLE_MARKS: Partial<Record<MarkType, { required?: 'x' | 'y'; allowed: readonly ('x' | 'y')[] }>> = {
  barY: { required: 'x', allowed: ['x'] },
  line: { required: 'x', allowed: ['x'] },
  lineY: { required: 'x', allowed: ['x'] },
  area: { required: 'x', allowed: ['x'] },
  areaY: { required: 'x', allowed: ['x'] },
  barX: { required: 'y', allowed: ['y'] },
  rect: { allowed: ['x', 'y'] },
  cell: { allowed: ['x', 'y'] },
};

/** Bins per axis at most, and rows drawn at most; beyond these a plot stops being readable or responsive. */
export const MAX_BINS = 1000;
export const DEFAULT_MAX_ROWS = 20_000;
export const MAX_ROWS_LIMIT = 100_000;
