/**
 * A data quality report on screen: the summary (checks, passed, failed), then one row per check — the failed
 * ones, then the passed ones folded away — with category, what is checked, table/column, failing of the rows
 * looked at, share, threshold, PASS/FAIL and the SQL that lists the failing rows (with a button to put it in a
 * new SQL cell).
 * Drawn again on a language switch.
 */
import type { QualityCheck, QualityReport } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { localize } from '../app/localized.js';
import { t } from '../i18n/i18n.js';
import { checksInOrder, qualitySummary, qualityTable } from '../notebook/quality-tables.js';
import { tableElement } from './table-element.js';

export interface QualityViewOptions {
  /** Offered as "Insert as SQL cell" next to each check's SQL when given. */
  onInsertSql?: (sql: string) => void;
}

export function createQualityView(report: QualityReport, options: QualityViewOptions = {}): HTMLElement {
  const checks = checksInOrder(report);
  const failed = checks.filter((c) => c.status === 'fail');
  const passed = checks.filter((c) => c.status !== 'fail');
  const sqlCell = (sql: string): HTMLElement => el('details', { className: 'quality-sql', testid: 'quality-sql' }, [
    el('summary', { text: t('priv.quality.sql') }),
    el('pre', {}, [el('code', { text: sql })]),
    options.onInsertSql && el('button', {
      className: 'link-button', testid: 'quality-insert-sql', attrs: { type: 'button' },
      text: t('priv.quality.insertSql'), on: { click: () => options.onInsertSql?.(sql) },
    }),
  ]);
  const table = (group: QualityCheck[]) => tableElement(qualityTable(group), {
    className: 'quality-checks',
    row: (i) => ({ testid: 'quality-check', className: group[i]!.status === 'fail' ? 'fail' : 'pass', dataset: { check: group[i]!.id, status: group[i]!.status } }),
    extra: { header: t('priv.quality.column.sql'), cell: (i) => sqlCell(group[i]!.sql) },
  });
  const section = el('section', {
    className: 'quality-report', testid: 'quality-report', dataset: { passed: String(report.passed), failed: String(report.failed) },
  });
  // Failed checks in full; the passed ones (hundreds on an OMOP dataset) folded away until asked for.
  return localize(section, (target) => replaceChildren(target, [
    el('p', { className: 'quality-summary', testid: 'quality-summary', text: qualitySummary(report) }),
    failed.length > 0 && table(failed),
    passed.length > 0 && el('details', { className: 'quality-passed', testid: 'quality-passed', attrs: failed.length === 0 ? { open: '' } : {} }, [
      el('summary', { text: t('priv.quality.passedChecks', { count: passed.length }) }),
      table(passed),
    ]),
  ]));
}
