import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, ImportResult } from '../../workers/engine/api.js';
import { byTestId, installDom } from '../app/test-dom.node.js';
import { QUALITY, SCAN } from '../privacy/report-fixtures.node.js';
import { createDatasetPrivacy } from './dataset-privacy.js';
import { importPrivacyWarnings, importQualitySummary, importTransforms } from './import-findings.js';

beforeAll(() => { installDom(); });

const dataset = (privacy: Dataset['privacy']): Dataset => ({
  id: 'ds-1', name: 'clinic', kind: 'table', sourceFile: '/tmp/clinic.csv', sha256: '0'.repeat(64), rows: 1000, importedAt: '2024-05-06T07:08:09Z',
  description: '', licence: '', privacy, tables: [{ table: 'clinic', rows: 1000, columns: [] }],
});
const imported = (privacy: Dataset['privacy'], quality?: ImportResult['quality']): ImportResult => ({
  dataset: dataset(privacy), warnings: [], sameContentAs: [], elapsedMs: 10, ...(quality ? { quality } : {}),
});

describe('what an import found', () => {
  it('warns of the identifier and quasi-identifier columns with their masked examples, not of pseudonymous keys', () => {
    const warnings = importPrivacyWarnings(imported({ scan: SCAN, transforms: [] }))!;
    expect(warnings.querySelector('h4')?.textContent).toBe('Possible identifiers in 2 columns');
    const columns = byTestId(warnings, 'import-privacy-column');
    expect(columns.map((c) => [c.dataset.column, c.dataset.verdict])).toEqual([['clinic.dob', 'quasi_identifier'], ['clinic.mobile', 'identifier']]);
    expect(columns[1]?.textContent).toContain('phone number, by content: 981 rows (98.1%); e.g. 138****5678, +86 139****0001');
    expect(importPrivacyWarnings(imported({ scan: { ...SCAN, columns: SCAN.columns.slice(0, 1) }, transforms: [] }))).toBeNull();
    expect(importPrivacyWarnings(imported(null))).toBeNull();
  });

  it('sums up the quality report with its failed checks', () => {
    const summary = importQualitySummary(imported(null, QUALITY))!;
    expect(summary.dataset).toMatchObject({ passed: '2', failed: '1' });
    expect(summary.querySelector('p')?.textContent).toBe('Data quality: 2 checks passed, 1 failed.');
    expect(byTestId(summary, 'import-quality-failed').map((li) => li.textContent)).toEqual(['visit date in the future (clinic.visit_date): 12 of 1,000 rows']);
    expect(importQualitySummary(imported(null))).toBeNull();
  });

  it('the catalog entry lists the transforms applied and the last scan', () => {
    const privacy = createDatasetPrivacy(dataset({
      scan: SCAN,
      transforms: [
        { transform: { kind: 'hash', column: 'mobile' }, table: 'clinic', rows: 1000, appliedAt: '2024-05-06T08:00:00Z' },
        { transform: { kind: 'shiftDates', columns: ['visit_date', 'dob'], person: 'patient_id', maxDays: 30 }, table: 'clinic', rows: 990, appliedAt: '2024-05-06T08:00:01Z' },
      ],
    }))!;
    expect(byTestId(privacy, 'dataset-scan-summary')[0]?.textContent).toMatch(/^6 columns scanned in 1,000 rows/);
    const rows = byTestId(privacy, 'dataset-transform');
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['Keyed hash', 'clinic', 'mobile', '1,000', 'May 6, 2024, 8:00 AM'],
      ['Dates shifted per person', 'clinic', 'visit_date, dob', '990', 'May 6, 2024, 8:00 AM'],
    ]);
    // The import result shows the same table of what it applied.
    const atImport = importTransforms(imported({ scan: null, transforms: [{ transform: { kind: 'drop', column: 'mobile' }, table: 'clinic', rows: 1000, appliedAt: '2024-05-06T08:00:00Z' }] }))!;
    expect(byTestId(atImport, 'dataset-transform').map((row) => row.dataset.kind)).toEqual(['drop']);
    expect(importTransforms(imported({ scan: SCAN, transforms: [] }))).toBeNull();
    expect(createDatasetPrivacy(dataset(null))).toBeNull();
    expect(createDatasetPrivacy(dataset({ scan: null, transforms: [] }))).toBeNull();
  });
});
