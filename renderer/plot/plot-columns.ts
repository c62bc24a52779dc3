/**
 * Which columns of the plot's data each mark reads: a string channel names a column (matched like DuckDB
 * matches identifiers, case-insensitively), except colour constants in fill and stroke. Unknown names fail
 * with the list of the columns there are.
 */
import { t } from '../i18n/i18n.js';
import { isCssColour } from './css-colours.js';
import { childPath } from './json-locations.js';
import { PlotSpecError } from './plot-error.js';
import type { MarkSpec, PlotSpec } from './plot-spec.js';
import { marksOf } from './marks-of.js';
import { CHANNEL_KEYS, FACET_KEYS } from './spec-vocabulary.js';

export type ColumnChannel = (typeof CHANNEL_KEYS)[number] | (typeof FACET_KEYS)[number];

/** One mark with its string channels resolved: `columns[channel]` is the column as the data spells it. */
export interface ResolvedMark {
  mark: MarkSpec;
  /** JSON path of the mark in the spec (`marks[1]`, or '' for an inline mark). */
  path: string;
  columns: Partial<Record<ColumnChannel, string>>;
  /** `bin.of` as the data spells it. */
  binOf?: string;
}

export function resolveMarks(spec: PlotSpec, columns: string[]): ResolvedMark[] {
  const inline = spec.marks === undefined;
  return marksOf(spec).map((mark, index) => {
    const path = inline ? '' : childPath('marks', index);
    const resolved: ResolvedMark = { mark, path, columns: {} };
    for (const key of [...CHANNEL_KEYS, ...FACET_KEYS]) {
      const value = mark[key];
      if (typeof value !== 'string') continue;
      if ((key === 'fill' || key === 'stroke') && isCssColour(value) && !hasColumn(value, columns)) continue;
      resolved.columns[key] = resolveColumn(value, columns, childPath(path, key));
    }
    if (mark.bin?.of !== undefined) resolved.binOf = resolveColumn(mark.bin.of, columns, childPath(childPath(path, 'bin'), 'of'));
    return resolved;
  });
}

/** The column as the data spells it; exact match first, then the one case-insensitive match. */
export function resolveColumn(name: string, columns: string[], path: string): string {
  if (columns.includes(name)) return name;
  const matches = columns.filter((c) => c.toLowerCase() === name.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new PlotSpecError({ path, message: t('plot.error.ambiguousColumn', { path, column: name, columns: matches.join(', ') }), hint: t('plot.hint.ambiguousColumn') });
  }
  throw new PlotSpecError({
    path,
    message: t('plot.error.unknownColumn', { path, column: name, columns: columns.length ? columns.join(', ') : '—' }),
    hint: t('plot.hint.unknownColumn'),
  });
}

function hasColumn(name: string, columns: string[]): boolean {
  return columns.some((c) => c.toLowerCase() === name.toLowerCase());
}
