/**
 * De-identification results on screen: the scan (summary, then per column with findings its verdict and what
 * was found — kind, evidence, rows, share, masked examples) and, when asked for, the k-anonymity report
 * (smallest class, records below k, the combinations driving the risk, generalisations to consider).
 * Drawn again on a language switch.
 */
import type { KAnonymityResult, PrivacyScan } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { localize } from '../app/localized.js';
import { t } from '../i18n/i18n.js';
import {
  columnsInOrder, driversTable, kAnonymitySummary, scanSummary, scanTable, suggestionsTable,
} from '../notebook/privacy-tables.js';
import { tableElement } from './table-element.js';

export function createScanView(scan: PrivacyScan): HTMLElement {
  const columns = columnsInOrder(scan);
  const section = el('section', {
    className: 'privacy-scan', testid: 'privacy-scan',
    dataset: { identifiers: String(scan.identifierColumns), quasi: String(scan.quasiIdentifierColumns), pseudonymous: String(scan.pseudonymousColumns) },
  });
  return localize(section, (target) => replaceChildren(target, [
    el('p', { testid: 'privacy-summary', text: scanSummary(scan) }),
    columns.length === 0
      ? el('p', { className: 'muted', testid: 'privacy-nothing', text: t('priv.scan.nothing') })
      : tableElement(scanTable(columns), {
        className: 'privacy-columns',
        row: (i) => ({ testid: 'privacy-column', className: columns[i]!.verdict, dataset: { column: `${columns[i]!.table}.${columns[i]!.column}`, verdict: columns[i]!.verdict } }),
      }),
  ]));
}

export function createKAnonymityView(result: KAnonymityResult): HTMLElement {
  const section = el('section', {
    className: 'k-anonymity', testid: 'k-anonymity',
    dataset: { k: String(result.k), smallest: String(result.smallestClass), below: String(result.recordsBelowK) },
  });
  return localize(section, (target) => replaceChildren(target, [
    el('p', { testid: 'k-summary', text: kAnonymitySummary(result) }),
    el('h5', { text: t('priv.k.drivers') }),
    tableElement(driversTable(result), { className: 'k-drivers', row: (i) => ({ testid: 'k-driver', dataset: { columns: result.drivers[i]!.columns.join(',') } }) }),
    result.suggestions.length > 0 && el('h5', { text: t('priv.k.suggestions') }),
    result.suggestions.length > 0 && tableElement(suggestionsTable(result), { className: 'k-suggestions', row: () => ({ testid: 'k-suggestion' }) }),
  ]));
}
