/**
 * How the analysis commands print counts hidden by the workspace's minimum cell count: `<N` (or `—` when
 * the output also hid counts that are not small) in tables and CSV, null in JSON; the policy in one line
 * on stderr.
 */
import type { ResultPage, Suppression } from '../../workers/engine/api.js';
import { hiddenCountText, smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { renderTabular, type OutputFormat } from '../output/format.js';
import type { Tabular } from '../output/tabular.js';
import { pageFooter } from './query.js';

/** The same rows with the hidden cells of `suppression.columns` as text, for tables and CSV. */
export function withHiddenCounts(data: Tabular, suppression: Suppression | undefined, format: OutputFormat): Tabular {
  if (!suppression || format === 'json' || suppression.primary + suppression.complementary === 0) return data;
  const text = hiddenCountText(suppression);
  const hiding = data.columns.map((c) => suppression.columns.includes(c.name));
  return { ...data, value: (row, column) => data.value(row, column) ?? (hiding[column] ? text : null) };
}

/** A page as `pmw query` prints it, with hidden counts shown as such. */
export function renderSuppressedPage(page: ResultPage, data: Tabular, format: OutputFormat): { out: string; note: string } {
  const body = renderTabular(withHiddenCounts(data, page.suppression, format), format);
  if (format === 'table') return { out: body + pageFooter(page), note: '' };
  return { out: body, note: page.hasMore ? `pmw: more rows available: use --offset ${page.offset + page.rowCount}\n` : '' };
}

/** The policy line for stderr (empty when the output says nothing about suppression). */
export function policyNote(suppression: Suppression | undefined): string {
  return suppression ? `${smallCellPolicyLine(suppression)}\n` : '';
}
