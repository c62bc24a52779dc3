/**
 * Checks a parsed plot spec against the PlotSpec contract and says, for the first problem, which JSON path is
 * wrong, what was expected and where it is in the cell text. Column names are checked later, against the data
 * (plot-columns.ts); here only the shape.
 */
import { t, type MessageKey } from '../i18n/i18n.js';
import { childPath, type TextPosition } from './json-locations.js';
import { PlotSpecError } from './plot-error.js';
import type { MarkSpec, PlotSpec } from './plot-spec.js';
import {
  BIN_KEYS, BIN_REDUCERS, BINNABLE_MARKS, BRUSH_AXES, CHANNEL_KEYS, CURVES, FACET_KEYS, MARK_KEYS,
  MARK_TYPES, MAX_BINS, MAX_ROWS_LIMIT, PLOT_KEYS, SCALE_KEYS, SCALE_NAMES, SCALE_TYPES,
} from './spec-vocabulary.js';
import { marksOf } from './marks-of.js';

type Locate = (path: string) => TextPosition | undefined;
type Params = Record<string, string | number>;
type Fail = (path: string, key: MessageKey, params?: Params, hint?: MessageKey, hintParams?: Params) => never;

/** The spec as PlotSpec, or a PlotSpecError naming the first problem; `locate` maps a JSON path to the cell text. */
export function validatePlotSpec(value: unknown, locate: Locate = () => undefined): PlotSpec {
  const fail: Fail = (path, key, params = {}, hint = 'plot.hint.docs', hintParams = {}) => {
    const position = locate(path);
    throw new PlotSpecError({
      message: t(key, { path: path === '' ? 'spec' : path, ...params }),
      hint: t(hint, hintParams),
      path,
      ...(position ?? {}),
    });
  };
  const spec = expectObject(value, '', fail);
  checkKeys(spec, '', [...PLOT_KEYS, ...MARK_KEYS], fail);
  if (spec.mark !== undefined && spec.marks !== undefined) fail('marks', 'plot.error.markAndMarks', {}, 'plot.hint.markAndMarks');
  if (spec.marks !== undefined) {
    if (!Array.isArray(spec.marks) || spec.marks.length === 0) fail('marks', 'plot.error.expected', { expected: t('plot.expect.list'), actual: describe(spec.marks) });
    for (const key of MARK_KEYS) if (key !== 'mark' && spec[key] !== undefined) fail(key, 'plot.error.channelBesideMarks', { key });
    spec.marks.forEach((mark: unknown, index: number) => checkMark(mark, childPath('marks', index), fail));
  } else if (spec.mark !== undefined) {
    checkMark(spec, '', fail);
  } else {
    fail('', 'plot.error.noMark');
  }
  checkPlotOptions(spec, fail);
  const plot = spec as PlotSpec;
  checkBinsAgree(plot, fail);
  return plot;
}

function checkMark(value: unknown, path: string, fail: Fail): void {
  const mark = expectObject(value, path, fail);
  if (path !== '') checkKeys(mark, path, MARK_KEYS, fail);
  const markPath = childPath(path, 'mark');
  if (typeof mark.mark !== 'string' || !(MARK_TYPES as readonly string[]).includes(mark.mark)) {
    fail(markPath, 'plot.error.notMark', { value: String(mark.mark), marks: MARK_TYPES.join(', ') });
  }
  for (const key of CHANNEL_KEYS) {
    const channel = mark[key];
    if (channel !== undefined && typeof channel !== 'string' && !(typeof channel === 'number' && Number.isFinite(channel))) {
      fail(childPath(path, key), 'plot.error.expected', { expected: t('plot.expect.channel'), actual: describe(channel) });
    }
  }
  for (const key of FACET_KEYS) expectType(mark, path, key, 'string', fail);
  expectNumber(mark, path, 'opacity', (n) => n >= 0 && n <= 1, 'plot.expect.fraction', fail);
  expectNumber(mark, path, 'strokeWidth', (n) => n >= 0, 'plot.expect.nonNegative', fail);
  expectOneOf(mark, path, 'curve', CURVES, fail);
  expectType(mark, path, 'tip', 'boolean', fail);
  expectInteger(mark, path, 'maxRows', 1, MAX_ROWS_LIMIT, fail);
  if (mark.mark === 'text' && mark.text === undefined) fail(markPath, 'plot.error.textNeedsText');
  if (mark.bin !== undefined) checkBin(mark as unknown as MarkSpec, path, fail);
}

function checkBin(mark: MarkSpec, path: string, fail: Fail): void {
  const binPath = childPath(path, 'bin');
  const bin = expectObject(mark.bin, binPath, fail);
  checkKeys(bin, binPath, BIN_KEYS, fail);
  const rule = BINNABLE_MARKS[mark.mark];
  if (!rule) fail(binPath, 'plot.error.binMark', { mark: mark.mark });
  for (const axis of ['x', 'y'] as const) {
    expectInteger(bin, binPath, axis, 1, MAX_BINS, fail);
    if (bin[axis] === undefined) continue;
    if (!rule.allowed.includes(axis)) fail(childPath(binPath, axis), 'plot.error.binAxisNotAllowed', { mark: mark.mark, allowed: rule.allowed.join(', ') });
    if (typeof mark[axis] !== 'string') fail(childPath(binPath, axis), 'plot.error.binNeedsColumn', { axis });
  }
  const required = rule.required ?? (bin.x === undefined && bin.y === undefined ? 'x' : undefined);
  if (required && bin[required] === undefined) fail(binPath, 'plot.error.binAxisMissing', { mark: mark.mark, axis: required });
  expectOneOf(bin, binPath, 'reduce', BIN_REDUCERS, fail);
  expectType(bin, binPath, 'of', 'string', fail);
  const reduce = (bin.reduce as string | undefined) ?? 'count';
  if (reduce !== 'count' && bin.of === undefined) fail(childPath(binPath, 'reduce'), 'plot.error.binNeedsOf', { reduce });
  if (reduce === 'count' && bin.of !== undefined) fail(childPath(binPath, 'of'), 'plot.error.binOfWithCount');
}

function checkPlotOptions(spec: Record<string, unknown>, fail: Fail): void {
  expectType(spec, '', 'title', 'string', fail);
  expectType(spec, '', 'caption', 'string', fail);
  expectNumber(spec, '', 'width', (n) => n > 0, 'plot.expect.positive', fail);
  expectNumber(spec, '', 'height', (n) => n > 0, 'plot.expect.positive', fail);
  expectOneOf(spec, '', 'brush', BRUSH_AXES, fail);
  expectType(spec, '', 'zoom', 'boolean', fail);
  if (spec.brush !== undefined && spec.zoom === true) fail('zoom', 'plot.error.brushAndZoom');
  const interactive = spec.brush !== undefined ? 'brush' : spec.zoom === true ? 'zoom' : null;
  if (interactive) {
    const marks = marksOf(spec as PlotSpec);
    const faceted = marks.findIndex((m) => m.fx !== undefined || m.fy !== undefined);
    if (faceted >= 0) fail(interactive, 'plot.error.brushFacets', { key: interactive });
  }
  if (spec.scales === undefined) return;
  const scales = expectObject(spec.scales, 'scales', fail);
  checkKeys(scales, 'scales', SCALE_NAMES, fail);
  for (const name of SCALE_NAMES) {
    if (scales[name] === undefined) continue;
    const path = childPath('scales', name);
    const scale = expectObject(scales[name], path, fail);
    checkKeys(scale, path, name === 'color' ? [...SCALE_KEYS, 'legend'] : SCALE_KEYS, fail);
    expectType(scale, path, 'label', 'string', fail);
    expectOneOf(scale, path, 'type', SCALE_TYPES, fail);
    expectType(scale, path, 'reverse', 'boolean', fail);
    expectType(scale, path, 'grid', 'boolean', fail);
    expectType(scale, path, 'scheme', 'string', fail);
    expectType(scale, path, 'legend', 'boolean', fail);
    const domain = scale.domain;
    if (domain !== undefined && (!Array.isArray(domain) || !domain.every((d) => typeof d === 'number' || typeof d === 'string'))) {
      fail(childPath(path, 'domain'), 'plot.error.expected', { expected: t('plot.expect.domain'), actual: describe(domain) });
    }
  }
}

/** A plot draws one data set: binned marks must bin alike, and other marks may draw constants only. */
function checkBinsAgree(spec: PlotSpec, fail: Fail): void {
  const marks = marksOf(spec);
  const binnedIndex = marks.findIndex((m) => m.bin !== undefined);
  if (binnedIndex < 0 || marks.length === 1) return;
  const binned = marks[binnedIndex]!;
  const signature = (m: MarkSpec): string => JSON.stringify([m.x, m.y, m.bin?.x, m.bin?.y, m.bin?.reduce ?? 'count', m.bin?.of ?? null]);
  marks.forEach((mark, index) => {
    if (index === binnedIndex) return;
    const readsColumns = [...CHANNEL_KEYS, ...FACET_KEYS].some((key) => typeof mark[key] === 'string' && !String(mark[key]).startsWith('#'));
    const agrees = mark.bin !== undefined ? signature(mark) === signature(binned) : !readsColumns;
    if (!agrees) fail(childPath('marks', index), 'plot.error.binMixed', { other: `marks[${binnedIndex}]` }, 'plot.hint.binMixed');
  });
}

function expectObject(value: unknown, path: string, fail: Fail): Record<string, any> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(path, 'plot.error.expected', { expected: t('plot.expect.object'), actual: describe(value) });
  }
  return value as Record<string, any>;
}

function checkKeys(object: Record<string, unknown>, path: string, known: readonly string[], fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) fail(childPath(path, key), 'plot.error.unknownKey', { key }, 'plot.hint.knownKeys', { keys: known.join(', ') });
  }
}

function expectType(object: Record<string, unknown>, path: string, key: string, type: 'string' | 'boolean', fail: Fail): void {
  const value = object[key];
  if (value !== undefined && typeof value !== type) {
    fail(childPath(path, key), 'plot.error.expected', { expected: t(type === 'string' ? 'plot.expect.string' : 'plot.expect.boolean'), actual: describe(value) });
  }
}

function expectNumber(object: Record<string, unknown>, path: string, key: string, ok: (n: number) => boolean, expected: MessageKey, fail: Fail): void {
  const value = object[key];
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && ok(value))) {
    fail(childPath(path, key), 'plot.error.expected', { expected: t(expected), actual: describe(value) });
  }
}

function expectInteger(object: Record<string, unknown>, path: string, key: string, min: number, max: number, fail: Fail): void {
  const value = object[key];
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) {
    // Numbers go in as text so the bounds are not grouped ("20,000") inside a message about JSON.
    fail(childPath(path, key), 'plot.error.expected', { expected: t('plot.expect.integer', { min: String(min), max: String(max) }), actual: describe(value) });
  }
}

function expectOneOf(object: Record<string, unknown>, path: string, key: string, allowed: readonly string[], fail: Fail): void {
  const value = object[key];
  if (value !== undefined && !allowed.includes(value as string)) {
    fail(childPath(path, key), 'plot.error.oneOf', { value: typeof value === 'string' ? value : JSON.stringify(value), allowed: allowed.join(', ') });
  }
}

/** A short rendering of a JSON value for a message. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

