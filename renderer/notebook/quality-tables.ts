/**
 * A data quality report as text tables (text-table.ts): the summary line and one row per check — category,
 * what is checked, table/column, failing of the rows looked at, share, threshold, PASS/FAIL. Failed checks come
 * first, then the report's order. The view adds each check's SQL; the HTML report lists it under the table.
 */
import type { QualityCategory, QualityCheck, QualityReport } from '../../workers/engine/api.js';
import { formatDate, t, type MessageKey } from '../i18n/i18n.js';
import { count, percent, type TextTable } from './text-table.js';

const CATEGORY: Record<QualityCategory, MessageKey> = {
  completeness: 'priv.quality.category.completeness',
  plausibility: 'priv.quality.category.plausibility',
  conformance: 'priv.quality.category.conformance',
  uniqueness: 'priv.quality.category.uniqueness',
  integrity: 'priv.quality.category.integrity',
};

export function categoryLabel(category: QualityCategory): string {
  return CATEGORY[category] ? t(CATEGORY[category]) : category;
}

export function statusLabel(status: QualityCheck['status']): string {
  return t(status === 'pass' ? 'priv.quality.pass' : 'priv.quality.fail');
}

export function qualitySummary(report: QualityReport): string {
  return t('priv.quality.summary', {
    name: report.datasetName, kind: report.kind, checks: report.checks.length, passed: report.passed, failed: report.failed,
    time: formatDate(report.ranAt, { dateStyle: 'medium', timeStyle: 'short' }),
  });
}

/** Failed checks first, each group in the report's order. */
export function checksInOrder(report: QualityReport): QualityCheck[] {
  return [...report.checks.filter((c) => c.status === 'fail'), ...report.checks.filter((c) => c.status !== 'fail')];
}

export function checkPlace(check: QualityCheck): string {
  return check.column ? `${check.table}.${check.column}` : check.table;
}

export function qualityTable(checks: readonly QualityCheck[]): TextTable {
  return {
    header: ['category', 'check', 'place', 'failing', 'share', 'threshold', 'result'].map((key) => t(`priv.quality.column.${key}` as MessageKey)),
    rows: checks.map((c) => [
      categoryLabel(c.category), c.description, checkPlace(c), t('priv.quality.failingOf', { failing: count(c.failing), rows: count(c.denominator) }),
      percent(c.share), percent(c.threshold), statusLabel(c.status),
    ]),
    numeric: [false, false, false, true, true, true, false],
  };
}
