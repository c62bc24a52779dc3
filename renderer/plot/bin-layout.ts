/**
 * Where a binned mark draws its reduced value (count, sum, mean): on the axis it does not bin (a histogram's
 * bar height), or as the fill colour of a heatmap. The query planner leaves that channel out of the groups;
 * the renderer maps the value column onto it.
 */
import type { MarkSpec } from './plot-spec.js';

export type BinValueChannel = 'x' | 'y' | 'fill';

export function binnedAxes(mark: MarkSpec): ('x' | 'y')[] {
  return (['x', 'y'] as const).filter((axis) => mark.bin?.[axis] !== undefined);
}

export function binValueChannel(mark: MarkSpec): BinValueChannel {
  const axes = binnedAxes(mark);
  if (mark.mark === 'barX') return 'x';
  if (mark.mark === 'cell' || axes.length === 2) return 'fill';
  const other = axes[0] === 'x' ? 'y' : 'x';
  if (mark.mark === 'rect' && typeof mark[other] === 'string') return 'fill';
  return other;
}
