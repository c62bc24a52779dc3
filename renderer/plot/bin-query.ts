/**
 * Engine-side binning for histograms and heatmaps: one SQL statement that cuts the binned axes into nice,
 * equal-width bins and reduces each bin (count, sum, mean) per group, so a plot of millions of rows draws a
 * few hundred rectangles. Works on numeric, DATE and TIMESTAMP columns alike: the bin edges come from DuckDB's
 * `equi_width_bins` and rows find their bin with an ASOF join, so no step here depends on the column type.
 *
 * Bins are closed on the left, [x1, x2), except the last, which also holds the maximum: [x1, x2].
 */
import { t } from '../i18n/i18n.js';
import { quoteIdentifier } from '../notebook/quote-identifier.js';
import { PlotSpecError } from './plot-error.js';
import type { ResolvedMark } from './plot-columns.js';
import { childPath } from './json-locations.js';
import { binnedAxes, binValueChannel } from './bin-layout.js';

/** Column names of the binned result, beside the group columns: edges per binned axis and the reduced value. */
export const BIN_EDGE_COLUMNS = { x: ['x1', 'x2'], y: ['y1', 'y2'] } as const;

export interface BinPlan {
  sql: string;
  note: string;
}

export function planBinQuery(binned: ResolvedMark, relationSql: string): BinPlan {
  const { mark, columns } = binned;
  const bin = mark.bin!;
  const reduce = bin.reduce ?? 'count';
  const axes = binnedAxes(mark);
  const groups = groupColumns(binned, axes);
  const ctes = [`__pmw_rel AS (${relationSql})`];
  const joins: string[] = [];
  const edgeColumns: string[] = [];
  for (const axis of axes) {
    const column = quoteIdentifier(columns[axis]!);
    const [lower, upper] = BIN_EDGE_COLUMNS[axis];
    ctes.push(...binEdgesSql(axis, column, bin[axis]!));
    joins.push(`ASOF JOIN __pmw_${axis}_bins ON __pmw_rel.${column} >= __pmw_${axis}_bins.${lower}`);
    edgeColumns.push(`__pmw_${axis}_bins.${lower}`, `__pmw_${axis}_bins.${upper}`);
  }
  const of = binned.binOf !== undefined ? `__pmw_rel.${quoteIdentifier(binned.binOf)}` : '';
  const value = reduce === 'count' ? 'count(*)' : reduce === 'sum' ? `sum(${of})` : `avg(${of})`;
  const groupSql = groups.map((g) => `__pmw_rel.${quoteIdentifier(g)}`);
  const selected = [...edgeColumns, ...groupSql];
  const sql = `WITH ${ctes.join(',\n')}\nSELECT ${[...selected, `${value} AS ${quoteIdentifier(reduce)}`].join(', ')}\n`
    + `FROM __pmw_rel ${joins.join(' ')}\nGROUP BY ${selected.join(', ')}\nORDER BY ${selected.map((_, i) => i + 1).join(', ')}`;
  const binnedColumns = axes.map((axis) => columns[axis]!).join(' × ');
  const bins = axes.map((axis) => bin[axis]!).reduce((a, b) => a * b, 1);
  const reduceText = reduce === 'count' ? t('plot.reduce.count') : t(`plot.reduce.${reduce}`, { column: bin.of ?? '' });
  return { sql, note: t('plot.note.binned', { bins: String(bins), columns: binnedColumns, reduce: reduceText }) };
}

/**
 * The bins of one axis as rows (lower, upper): DuckDB's nice upper boundaries, the minimum as the first lower
 * edge (one step below the first boundary would be nicer, but DATE minus a day count does not bind while
 * numbers and timestamps do, and the SQL must not depend on the type); the last upper edge is at least the maximum.
 */
function binEdgesSql(axis: 'x' | 'y', column: string, count: number): string[] {
  const [lower, upper] = BIN_EDGE_COLUMNS[axis];
  const range = `__pmw_${axis}_range`;
  const edges = `__pmw_${axis}_edges`;
  return [
    `${range} AS (SELECT min(${column}) AS lo, max(${column}) AS hi, equi_width_bins(min(${column}), max(${column}), ${count}, true) AS b FROM __pmw_rel)`,
    `${edges} AS (SELECT list_prepend(lo, b) AS e, hi FROM ${range} WHERE lo IS NOT NULL)`,
    `__pmw_${axis}_bins AS (SELECT e[i] AS ${lower}, CASE WHEN i = len(e) - 1 THEN greatest(e[i + 1], hi) ELSE e[i + 1] END AS ${upper} `
      + `FROM (SELECT e, hi, unnest(range(1, len(e))) AS i FROM ${edges}))`,
  ];
}

/** Columns the binned rows are grouped by: every other column channel (colour, facets, a categorical axis). */
function groupColumns(binned: ResolvedMark, axes: readonly ('x' | 'y')[]): string[] {
  const { columns, path } = binned;
  const valueChannel = binValueChannel(binned.mark);
  const reserved: string[] = [...axes.flatMap((axis) => BIN_EDGE_COLUMNS[axis]), binned.mark.bin?.reduce ?? 'count'];
  const groups: string[] = [];
  for (const [channel, column] of Object.entries(columns)) {
    if ((axes as readonly string[]).includes(channel) || channel === valueChannel || column === undefined || groups.includes(column)) continue;
    if (reserved.includes(column.toLowerCase())) {
      throw new PlotSpecError({ path: childPath(path, channel), message: t('plot.error.binColumnClash', { path: childPath(path, channel), column }), hint: t('plot.hint.binColumnClash') });
    }
    groups.push(column);
  }
  return groups;
}
