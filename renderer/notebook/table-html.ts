/** A result page as an HTML table: the first rows, then how many more the result holds. */
import type { ResultPage } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { cellText, htmlTable, paragraph } from './html-text.js';
import { pageValue } from './page-values.js';
import { hiddenCellText, policyNote, type OutputPolicy } from './small-cells.js';

/**
 * `totalRows` null: unknown beyond the page (then `hasMore` decides whether to say "more"). With a `policy`,
 * hidden counts read `<N` (or `—`) and a note under the table says what was hidden.
 */
export function tablePageHtml(page: ResultPage, totalRows: number | null, maxRows = 20, policy?: OutputPolicy): string {
  if (page.rowCount === 0) return paragraph(t('nb.table.empty'), 'note');
  const shown = Math.min(page.rowCount, maxRows);
  const numeric = page.columns.map((c) => c.data.kind === 'number' || c.data.kind === 'bigint');
  const hidden = hiddenCellText(policy);
  const text = (c: ResultPage['columns'][number], row: number) => (pageValue(c, row) === null ? hidden(c.name) : null) ?? cellText(c, row);
  const rows = Array.from({ length: shown }, (_, row) => page.columns.map((c) => text(c, row)));
  const total = totalRows ?? page.offset + page.rowCount;
  const more = total - shown;
  const note = more > 0 ? paragraph(t('nb.table.moreRows', { count: more }) + (totalRows === null && page.hasMore ? '+' : ''), 'note')
    : paragraph(t('nb.table.rows', { count: total }), 'note');
  const policyLine = policyNote(policy);
  return htmlTable(page.columns.map((c) => c.name), rows, numeric) + note + (policyLine ? paragraph(policyLine, 'note') : '');
}
