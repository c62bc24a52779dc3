/**
 * How text outputs (the pmw commands) show hidden counts and state the policy applied. The notebook view
 * follows the same convention (renderer/notebook/small-cells.ts).
 */
import type { Suppression } from '../../../engine/api.js';

/**
 * What a hidden count shows: `<N` when every hidden count of the output is small; `—` when the output also
 * hid counts that are not (a reader cannot tell which null is which, and `<N` would say something false).
 */
export function hiddenCountText(suppression: Suppression): string {
  return suppression.complementary > 0 ? '—' : `<${suppression.minCellCount}`;
}

/** The policy's rule in one line, e.g. `small-cell policy: counts below 5 shown as <5 …`. */
export function smallCellRuleLine(minCellCount: number): string {
  if (minCellCount <= 1) return `small-cell policy: every count shown (minimum cell count ${minCellCount})`;
  return `small-cell policy: counts below ${minCellCount} shown as <${minCellCount}, with counts that would reveal them hidden too (minimum cell count ${minCellCount})`;
}

/** The rule and what it hid in this output. */
export function smallCellPolicyLine(suppression: Suppression): string {
  const rule = smallCellRuleLine(suppression.minCellCount);
  if (suppression.minCellCount <= 1) return rule;
  const { primary, complementary } = suppression;
  if (primary + complementary === 0) return `${rule}; nothing needed hiding`;
  const more = complementary > 0 ? `, ${complementary} more to protect them (shown as —)` : '';
  return `${rule}; ${primary} small ${primary === 1 ? 'count' : 'counts'} hidden${more}`;
}
