/**
 * From a plot cell's text to the SQL whose rows feed the plot, and from a brush to the rows it selects.
 * The Engine does the heavy part: binning for histograms and heatmaps (bin-query.ts), a reproducible sample
 * when there are more rows than a plot can draw, the WHERE of a brush. Pure (no DOM): `pmw run` uses it too.
 */
import { t } from '../i18n/i18n.js';
import { quoteIdentifier } from '../notebook/quote-identifier.js';
import { planBinQuery } from './bin-query.js';
import { locateJsonPaths, positionAt, syntaxErrorPosition } from './json-locations.js';
import { resolveMarks } from './plot-columns.js';
import { PlotSpecError } from './plot-error.js';
import type { BrushSelection, PlotSpec } from './plot-spec.js';
import { DEFAULT_MAX_ROWS } from './spec-vocabulary.js';
import { validatePlotSpec } from './validate-spec.js';

/** JSON parse and validation of a plot cell; errors are PlotSpecErrors (BAD_REQUEST) with the line and column. */
export function parsePlotSpec(text: string): PlotSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    const position = syntaxErrorPosition(text, detail);
    throw new PlotSpecError({ message: t('plot.error.syntax', { detail }), hint: t('plot.hint.syntax'), ...(position ?? {}) });
  }
  let offsets: Map<string, number> | null = null;
  return validatePlotSpec(value, (path) => {
    offsets ??= locateJsonPaths(text);
    const offset = offsets.get(path);
    return offset === undefined ? undefined : positionAt(text, offset);
  });
}

/**
 * The SQL (DuckDB) whose rows the plot draws, over `relationSql` (a SELECT) with `columns` (its column names):
 * binned and reduced when a mark has `bin`; otherwise the columns the marks read, at most `maxRows` rows — a
 * sample by row hash when there are more, so the same data gives the same rows on every run and thread count.
 */
/**
 * `sampledAt`: the row cap of a sampled plan — when fewer rows come back, nothing was sampled and the caller
 * drops the note.
 */
export function planPlotQuery(spec: PlotSpec, relationSql: string, columns: string[]): { sql: string; note?: string; sampledAt?: number } {
  const marks = resolveMarks(spec, columns);
  const relation = stripSemicolon(relationSql);
  const binned = marks.find((m) => m.mark.bin !== undefined);
  if (binned) return planBinQuery(binned, relation);
  const used = [...new Set(marks.flatMap((m) => Object.values(m.columns)))];
  if (used.length === 0) return { sql: `SELECT count(*) AS ${quoteIdentifier('rows')} FROM (${relation}) AS __pmw_rel` };
  const maxRows = Math.max(...marks.map((m) => m.mark.maxRows ?? spec.maxRows ?? DEFAULT_MAX_ROWS));
  const list = used.map(quoteIdentifier).join(', ');
  const sampled = `SELECT ${list} FROM (${relation}) AS __pmw_rel ORDER BY hash(${list}) LIMIT ${maxRows}`;
  // Lines and areas are drawn in data order: put the sampled rows in x order (then series) so paths do not zigzag.
  const path = marks.find((m) => /^(line|area)/.test(m.mark.mark) && m.columns.x !== undefined);
  const order = path ? [path.columns.x!, path.columns.stroke ?? path.columns.fill].filter((c): c is string => !!c) : [];
  const sql = order.length ? `SELECT * FROM (${sampled}) AS __pmw_sample ORDER BY ${order.map(quoteIdentifier).join(', ')}` : sampled;
  return { sql, note: t('plot.note.sampled', { maxRows }), sampledAt: maxRows };
}

/**
 * The rows of the relation inside the brush: BETWEEN on the column each brushed axis shows (the first mark's
 * x or y; for interval marks, rows whose [x1, x2] overlaps the brush). Dates (ISO text) are compared as
 * timestamps. All rows when `selection` is null.
 */
export function brushedRelationSql(spec: PlotSpec, relationSql: string, selection: BrushSelection | null): string {
  const relation = `SELECT * FROM (${stripSemicolon(relationSql)}) AS __pmw_rel`;
  if (!selection) return relation;
  const conditions: string[] = [];
  for (const axis of ['x', 'y'] as const) {
    const range = selection[axis];
    if (!range) continue;
    const [lo, hi] = orderedRange(range, axis);
    const mark = (spec.marks ?? [spec]).find((m) => typeof m[axis] === 'string' || typeof m[`${axis}1`] === 'string');
    if (!mark) continue;
    const single = mark[axis];
    if (typeof single === 'string') {
      conditions.push(`${quoteIdentifier(single)} BETWEEN ${lo} AND ${hi}`);
    } else {
      const start = quoteIdentifier(String(mark[`${axis}1`]));
      const end = typeof mark[`${axis}2`] === 'string' ? quoteIdentifier(String(mark[`${axis}2`])) : start;
      conditions.push(`${start} <= ${hi} AND ${end} >= ${lo}`);
    }
  }
  return conditions.length ? `${relation} WHERE ${conditions.join(' AND ')}` : relation;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The two ends of a brushed range as SQL literals, low first. */
function orderedRange(range: readonly [number | string, number | string], axis: string): [string, string] {
  const literals = range.map((value) => {
    if (typeof value === 'number' && Number.isFinite(value)) return { sort: value, sql: String(value) };
    if (typeof value === 'string' && ISO_DATE.test(value)) {
      // A brush reports instants in UTC; DuckDB's TIMESTAMP has no zone, so drop the designator after parsing.
      const iso = new Date(value.includes('T') || value.includes(' ') ? value.replace(' ', 'T') : `${value}T00:00:00Z`).toISOString();
      return { sort: iso, sql: `TIMESTAMP '${iso.slice(0, 23).replace('T', ' ')}'` };
    }
    if (typeof value === 'string') return { sort: value, sql: `'${value.replace(/'/g, "''")}'` };
    throw new PlotSpecError({ message: t('plot.error.brushValue', { axis, value: JSON.stringify(value) }), hint: t('plot.hint.docs') });
  });
  if (range.length !== 2 || literals.length !== 2) {
    throw new PlotSpecError({ message: t('plot.error.brushValue', { axis, value: JSON.stringify(range) }), hint: t('plot.hint.docs') });
  }
  const [a, b] = literals as [{ sort: number | string; sql: string }, { sort: number | string; sql: string }];
  return a.sort <= b.sort ? [a.sql, b.sql] : [b.sql, a.sql];
}

function stripSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, '');
}
