/**
 * The report's HTML (strings, escaped) of `quality` and `privacy` cells: the quality checks with the SQL that
 * lists each failed check's rows; the scan's columns with their findings; the k-anonymity report.
 */
import type { QualityReport } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { escapeHtml, htmlTable, paragraph } from './html-text.js';
import type { PrivacyCellResult } from './privacy-cell.js';
import { columnsInOrder, driversTable, kAnonymitySummary, scanSummary, scanTable, suggestionsTable } from './privacy-tables.js';
import { checksInOrder, qualitySummary, qualityTable } from './quality-tables.js';
import type { TextTable } from './text-table.js';

const tableHtml = (table: TextTable): string => htmlTable(table.header, table.rows, table.numeric);
const heading = (level: 4 | 5, text: string): string => `<h${level}>${escapeHtml(text)}</h${level}>`;

export function qualityHtml(report: QualityReport): string {
  const checks = checksInOrder(report);
  const failed = checks.filter((c) => c.status === 'fail');
  const sql = failed.length === 0 ? '' : heading(5, t('priv.quality.failingSql'))
    + `<dl class="quality-sql">${failed.map((c) => `<dt>${escapeHtml(c.description)}</dt><dd><pre><code>${escapeHtml(c.sql)}</code></pre></dd>`).join('')}</dl>`;
  return heading(4, t('priv.quality.title')) + paragraph(qualitySummary(report)) + tableHtml(qualityTable(checks)) + sql;
}

export function privacyHtml(result: PrivacyCellResult): string {
  const columns = columnsInOrder(result.scan);
  const scan = heading(4, t('priv.scan.title')) + paragraph(scanSummary(result.scan))
    + (columns.length === 0 ? paragraph(t('priv.scan.nothing'), 'note') : tableHtml(scanTable(columns)));
  const k = result.kAnonymity;
  if (!k) return scan;
  return scan + heading(4, t('priv.k.title')) + paragraph(kAnonymitySummary(k))
    + heading(5, t('priv.k.drivers')) + tableHtml(driversTable(k))
    + (k.suggestions.length === 0 ? '' : heading(5, t('priv.k.suggestions')) + tableHtml(suggestionsTable(k)));
}
