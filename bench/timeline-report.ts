import { formatMs, formatPercent } from './format.js';
import { groupSteps, type TimelineStep } from './progress-timeline.js';

/**
 * A step-by-step breakdown of one Engine call: when each step began, how long it ran, its share of the
 * call. `grouped` sums steps that differ only in numbers (one line per kind of file instead of per file).
 */
export function timelineReport(title: string, steps: readonly TimelineStep[], totalMs: number, grouped = false): string[] {
  const rows = grouped ? groupSteps(steps) : steps.map((s) => ({ ...s, count: 1 }));
  return [
    `${title} (${formatMs(totalMs)}; a step runs from its first progress report to the next step's):`,
    `  ${'starts at'.padStart(9)}  ${'took'.padStart(8)}  ${'share'.padStart(5)}  ${'phase'.padEnd(9)}  step`,
    ...rows.map((s) =>
      `  ${formatMs(s.atMs).padStart(9)}  ${formatMs(s.ms).padStart(8)}  ${formatPercent(s.ms, totalMs).padStart(5)}  ${s.phase.padEnd(9)}  ${s.message}${s.count > 1 ? `  (×${s.count}, summed)` : ''}`),
  ];
}
