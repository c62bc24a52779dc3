/**
 * What an import found besides its rows: the de-identification scan's identifier and quasi-identifier columns
 * (each with what was found and masked examples), the transforms applied to them (the `transform` policy, or
 * the request's own), and the quality report's summary with the failed checks.
 */
import type { ImportResult } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { localize } from '../app/localized.js';
import { t } from '../i18n/i18n.js';
import { findingText, verdictLabel } from '../notebook/privacy-tables.js';
import { transformsElements } from './dataset-privacy.js';
import { checkPlace, checksInOrder } from '../notebook/quality-tables.js';

/** Identifier and quasi-identifier columns as warnings; null when the scan found none (or there was no scan). */
export function importPrivacyWarnings(result: ImportResult): HTMLElement | null {
  const scan = result.dataset.privacy?.scan;
  const columns = scan?.columns.filter((c) => c.verdict === 'identifier' || c.verdict === 'quasi_identifier') ?? [];
  if (columns.length === 0) return null;
  const section = el('div', { className: 'import-privacy warnings', testid: 'import-privacy', attrs: { role: 'note' } });
  return localize(section, (target) => replaceChildren(target, [
    el('h4', { text: t('priv.import.identifiers', { count: columns.length }) }),
    el('ul', {}, columns.map((column) => el('li', {
      testid: 'import-privacy-column', dataset: { column: `${column.table}.${column.column}`, verdict: column.verdict },
      text: `${column.table}.${column.column} — ${verdictLabel(column.verdict)}: ${column.findings.map(findingText).join(' · ')}`,
    }))),
    el('p', { className: 'muted small', text: t('priv.import.identifiersHint') }),
  ]));
}

/** The de-identification transforms the import applied; null when none. */
export function importTransforms(result: ImportResult): HTMLElement | null {
  const applied = result.dataset.privacy?.transforms ?? [];
  if (applied.length === 0) return null;
  const section = el('div', { className: 'import-transforms', testid: 'import-transforms' });
  return localize(section, (target) => replaceChildren(target, transformsElements(applied)));
}

/** The quality report's passed/failed counts and the failed checks; null when the import ran none. */
export function importQualitySummary(result: ImportResult): HTMLElement | null {
  const report = result.quality;
  if (!report) return null;
  const failed = checksInOrder(report).filter((c) => c.status === 'fail');
  const section = el('div', {
    className: failed.length > 0 ? 'import-quality warnings' : 'import-quality',
    testid: 'import-quality', dataset: { passed: String(report.passed), failed: String(report.failed) },
  });
  return localize(section, (target) => replaceChildren(target, [
    el('p', { text: t('priv.import.quality', { passed: report.passed, failed: report.failed }) }),
    failed.length > 0 && el('ul', {}, failed.map((check) => el('li', {
      testid: 'import-quality-failed', dataset: { check: check.id },
      text: t('priv.import.failedCheck', { description: check.description, place: checkPlace(check), failing: check.failing, rows: check.denominator }),
    }))),
  ]));
}
