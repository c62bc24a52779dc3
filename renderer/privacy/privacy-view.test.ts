import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, installDom } from '../app/test-dom.node.js';
import { setLocale } from '../i18n/i18n.js';
import { createKAnonymityView, createScanView } from './privacy-view.js';
import { K_ANONYMITY, SCAN } from './report-fixtures.node.js';

beforeAll(() => { installDom(); });
afterEach(() => setLocale('en'));

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);

describe('privacy scan view', () => {
  it('lists identifiers first, then quasi-identifiers and pseudonymous keys, with what was found and masked examples', () => {
    const view = createScanView(SCAN);
    expect(view.dataset).toMatchObject({ identifiers: '1', quasi: '1', pseudonymous: '1' });
    expect(byTestId(view, 'privacy-summary')[0]?.textContent)
      .toBe('6 columns scanned in 1,000 rows: 1 with direct identifiers, 1 quasi-identifiers, 1 pseudonymous keys.');
    const rows = byTestId(view, 'privacy-column');
    expect(rows.map((row) => [row.dataset.column, row.dataset.verdict])).toEqual([
      ['clinic.mobile', 'identifier'], ['clinic.dob', 'quasi_identifier'], ['clinic.patient_id', 'pseudonymous'],
    ]);
    expect(cells(rows[0]!)).toEqual(['clinic.mobile', 'VARCHAR', 'Direct identifier',
      'phone number, by the column name: 1,000 rows (100%) · phone number, by content: 981 rows (98.1%); e.g. 138****5678, +86 139****0001']);
    expect(cells(rows[1]!)[3]).toBe('exact date of birth, by the column name: 990 rows (100%)');
  });

  it('says when nothing was found, in the language chosen', () => {
    const view = createScanView({ ...SCAN, columns: [], identifierColumns: 0, quasiIdentifierColumns: 0, pseudonymousColumns: 0 });
    expect(byTestId(view, 'privacy-column')).toHaveLength(0);
    expect(byTestId(view, 'privacy-nothing')[0]?.textContent).toBe('No identifiers, quasi-identifiers or pseudonymous keys found.');
    setLocale('zh-CN');
    expect(byTestId(view, 'privacy-nothing')[0]?.textContent).toBe('未发现标识符、准标识符或假名化键。');
  });
});

describe('k-anonymity view', () => {
  it('shows the smallest class, the records below k, the drivers and the suggestions', () => {
    const view = createKAnonymityView(K_ANONYMITY);
    expect(view.dataset).toMatchObject({ k: '5', smallest: '1', below: '250' });
    expect(byTestId(view, 'k-summary')[0]?.textContent)
      .toBe('k = 5 over age, sex, zip in clinic (1,000 records): 400 classes, the smallest of 1; 250 records in 180 classes smaller than k.');
    expect(byTestId(view, 'k-driver').map(cells)).toEqual([['age × zip', '380', '1', '240', '170'], ['zip', '90', '2', '20', '8']]);
    expect(byTestId(view, 'k-suggestion').map(cells)).toEqual([['age in 10-year bands', '120', '3', '14', '5']]);
    setLocale('zh-CN');
    expect(view.querySelector('h5')?.textContent).toBe('风险来源');
  });
});
