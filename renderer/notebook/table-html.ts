/** A result page as an HTML table: the first rows, then how many more the result holds. */
import type { ResultPage } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { cellText, htmlTable, paragraph } from './html-text.js';

/** `totalRows` null: unknown beyond the page (then `hasMore` decides whether to say "more"). */
export function tablePageHtml(page: ResultPage, totalRows: number | null, maxRows = 20): string {
  if (page.rowCount === 0) return paragraph(t('nb.table.empty'), 'note');
  const shown = Math.min(page.rowCount, maxRows);
  const numeric = page.columns.map((c) => c.data.kind === 'number' || c.data.kind === 'bigint');
  const rows = Array.from({ length: shown }, (_, row) => page.columns.map((c) => cellText(c, row)));
  const total = totalRows ?? page.offset + page.rowCount;
  const more = total - shown;
  const note = more > 0 ? paragraph(t('nb.table.moreRows', { count: more }) + (totalRows === null && page.hasMore ? '+' : ''), 'note')
    : paragraph(t('nb.table.rows', { count: total }), 'note');
  return htmlTable(page.columns.map((c) => c.name), rows, numeric) + note;
}
