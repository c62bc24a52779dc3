import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CohortResult, SignalResult } from '../../workers/engine/api.js';
import { K_ANONYMITY, QUALITY, SCAN } from '../privacy/report-fixtures.node.js';
import { analysisHtml } from './analysis-html.js';
import { memoryPage, numberColumn, stringColumn } from './page-values.js';

/** The report's HTML parsed back, to read it as a browser would. */
function parsed(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}
const tableRows = (doc: Document, index = 0) => [...doc.querySelectorAll('table')[index]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));

describe('report HTML of quality and privacy cells', () => {
  it('lists every check, failed first, and the SQL of the failed ones only', () => {
    const doc = parsed(analysisHtml('quality', QUALITY));
    expect(tableRows(doc).map((r) => [r[1], r[3], r[6]])).toEqual([
      ['visit date in the future', '12 / 1,000', 'FAIL'], ['patient_id is not null', '0 / 1,000', 'PASS'], ['duplicate rows <none>', '0 / 1,000', 'PASS'],
    ]);
    expect([...doc.querySelectorAll('.quality-sql code')].map((code) => code.textContent)).toEqual([QUALITY.checks[1]!.sql]);
    // Text from the data is escaped: no element came from "<none>".
    expect(doc.querySelector('none')).toBeNull();
  });

  it('shows the scan and the k-anonymity report', () => {
    const doc = parsed(analysisHtml('privacy', { scan: SCAN, kAnonymity: K_ANONYMITY }));
    expect(tableRows(doc).map((r) => [r[0], r[2]])).toEqual([['clinic.mobile', 'Direct identifier'], ['clinic.dob', 'Quasi-identifier'], ['clinic.patient_id', 'Pseudonymous key']]);
    expect(tableRows(doc, 1)).toEqual([['age × zip', '380', '1', '240', '170'], ['zip', '90', '2', '20', '8']]);
    expect(tableRows(doc, 2)).toEqual([['age in 10-year bands', '120', '3', '14', '5']]);
    expect(parsed(analysisHtml('privacy', { scan: SCAN, kAnonymity: null })).querySelectorAll('table')).toHaveLength(1);
  });
});

describe('report HTML of suppressed counts', () => {
  it('writes hidden attrition counts as <N, or — when some protect others, and never the hidden cohort size', () => {
    const cohort = (suppression: CohortResult['suppression']) => ({
      cohortTable: 'results.cohort_1', dataset: 'omop', persons: 3, warnings: [], spec: { dataset: 'omop', name: 'tiny' }, elapsedMs: 1, suppression,
      attrition: [{ step: 'entry', persons: 40, events: 52, dropped: 0 }, { step: 'aged 18+', persons: null, events: null, dropped: null }],
    }) as unknown as CohortResult;
    const small = parsed(analysisHtml('cohort', cohort({ minCellCount: 5, columns: ['persons', 'events', 'dropped'], primary: 2, complementary: 1 })));
    expect(tableRows(small)[1]).toEqual(['aged 18+', '—', '—', '—', '']);
    expect(small.querySelector('h4')?.textContent).toBe('Cohort tiny: — persons');
    const primary = parsed(analysisHtml('cohort', cohort({ minCellCount: 5, columns: ['persons'], primary: 3, complementary: 0 })));
    expect(tableRows(primary)[1]).toEqual(['aged 18+', '<5', '<5', '<5', '']);
    expect(primary.querySelector('.note')?.textContent).toBe('Counts from 1 to 4 are shown as <5 (3 cells).');
  });

  it('writes hidden counts of a screen’s rows as <N in the columns the suppression names only', () => {
    const page = memoryPage([stringColumn('drug', ['a', 'b']), numberColumn('n', [12, null], 'BIGINT'), numberColumn('prr', [2.5, null])]);
    const result = {
      resultTable: 'results.s', page, reports: 100, pairs: 2, warnings: [], spec: { dataset: 'faers' },
      fit: { alpha1: 1, beta1: 1, alpha2: 1, beta2: 1, p: 0.5, logLik: 0, converged: true },
      suppression: { minCellCount: 5, columns: ['n'], primary: 1, complementary: 0 },
    } as unknown as SignalResult;
    expect(tableRows(parsed(analysisHtml('signals', result)))).toEqual([['a', '12', '2.5'], ['b', '<5', '']]);
  });
});
