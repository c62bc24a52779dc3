/** Small quality, scan and k-anonymity results for the view tests, shaped as the Engine returns them. */
import type { KAnonymityResult, PrivacyScan, QualityReport } from '../../workers/engine/api.js';

export const QUALITY: QualityReport = {
  dataset: 'ds-1', datasetName: 'clinic', kind: 'table', ranAt: '2024-05-06T07:08:09Z', passed: 2, failed: 1, elapsedMs: 12,
  checks: [
    {
      id: 'completeness.clinic.patient_id', category: 'completeness', table: 'clinic', column: 'patient_id', description: 'patient_id is not null',
      failing: 0, denominator: 1000, share: 0, threshold: 0, status: 'pass', sql: 'SELECT * FROM "clinic" WHERE "patient_id" IS NULL',
    },
    {
      id: 'plausibility.clinic.visit_date.future', category: 'plausibility', table: 'clinic', column: 'visit_date', description: 'visit date in the future',
      failing: 12, denominator: 1000, share: 0.012, threshold: 0.01, status: 'fail', sql: 'SELECT * FROM "clinic" WHERE "visit_date" > current_date',
    },
    {
      id: 'uniqueness.clinic.rows', category: 'uniqueness', table: 'clinic', description: 'duplicate rows <none>',
      failing: 0, denominator: 1000, share: 0, threshold: 0, status: 'pass', sql: 'SELECT * FROM "clinic" QUALIFY count(*) OVER (PARTITION BY ALL) > 1',
    },
  ],
};

export const SCAN: PrivacyScan = {
  dataset: 'ds-1', scannedAt: '2024-05-06T07:08:09Z', rows: 1000, columnsScanned: 6, identifierColumns: 1, quasiIdentifierColumns: 1, pseudonymousColumns: 1, elapsedMs: 30,
  columns: [
    { table: 'clinic', column: 'patient_id', type: 'VARCHAR', nonNull: 1000, verdict: 'pseudonymous', findings: [{ kind: 'pseudonymous_key', evidence: 'content', rows: 1000, share: 1, examples: ['3f2a****************************9c1d'] }] },
    { table: 'clinic', column: 'dob', type: 'DATE', nonNull: 990, verdict: 'quasi_identifier', findings: [{ kind: 'birth_date', evidence: 'name', rows: 990, share: 1, examples: [] }] },
    {
      table: 'clinic', column: 'mobile', type: 'VARCHAR', nonNull: 1000, verdict: 'identifier', findings: [
        { kind: 'phone', evidence: 'name', rows: 1000, share: 1, examples: [] },
        { kind: 'phone', evidence: 'content', rows: 981, share: 0.981, examples: ['138****5678', '+86 139****0001'] },
      ],
    },
  ],
};

export const K_ANONYMITY: KAnonymityResult = {
  table: 'clinic', k: 5, records: 1000, columns: ['age', 'sex', 'zip'], classes: 400, smallestClass: 1, recordsBelowK: 250, classesBelowK: 180, elapsedMs: 5,
  drivers: [
    { columns: ['age', 'zip'], classes: 380, smallestClass: 1, recordsBelowK: 240, classesBelowK: 170 },
    { columns: ['zip'], classes: 90, smallestClass: 2, recordsBelowK: 20, classesBelowK: 8 },
  ],
  suggestions: [
    { transform: { kind: 'ageBands', column: 'age', width: 10 }, description: 'age in 10-year bands', result: { columns: ['age', 'sex', 'zip'], classes: 120, smallestClass: 3, recordsBelowK: 14, classesBelowK: 5 } },
  ],
};
