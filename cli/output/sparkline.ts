import type { HistogramBin } from '../../workers/engine/api.js';

const LEVELS = '▁▂▃▄▅▆▇█';

/**
 * A histogram in one line of block characters, tallest bin `█`. Empty bins are blank and any non-empty
 * bin shows at least `▁`, so gaps and rare values both stay visible.
 */
export function sparkline(bins: readonly HistogramBin[]): string {
  const highest = Math.max(0, ...bins.map((b) => b.count));
  if (highest === 0) return '';
  return bins
    .map((b) => (b.count === 0 ? ' ' : LEVELS[Math.min(LEVELS.length - 1, Math.floor((b.count / highest) * (LEVELS.length - 1) + 0.5))]))
    .join('');
}
