import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../test/helpers/temp-dir.js';
import type { QualityReport } from '../../engine/api.js';
import { checkById, expectClean, expectCounts, expectFailed, expectListingsMatch, qualityWorkspace, type QualityWorkspace } from './testing.js';

const QUALITY = join(FIXTURES, 'quality');

/**
 * plain-bad.csv, 7 rows, counted by hand (test/fixtures/quality/SOURCES.md): note empty on rows 2 and 5;
 * visit_date in 2999 and 2998 on rows 2 and 4; row 2 ends (01-15) before it starts (02-01), row 5 ends the
 * day it starts; dose −5 on row 2 (0 on row 5 is fine); age −1 on row 3, 130 and 121 on rows 2 and 4 (120
 * passes); ICD-10 `k92.2` and `9K2`; ATC `X01AB01` (no main group X) and `N02BE1`; LOINC `2160` without a
 * check digit, `2160-1` and `718-8` with a wrong one (5895-7 is a listed exception); rows 6 and 7 the same.
 */
const BAD: Record<string, [number, number]> = {
  'completeness.plain_bad.note': [2, 7],
  'completeness.plain_bad.age': [0, 7],
  'plausibility.future_date.plain_bad.visit_date': [2, 7],
  'plausibility.future_date.plain_bad.start_date': [0, 7],
  'plausibility.end_before_start.plain_bad.end_date': [1, 7],
  'plausibility.negative.plain_bad.dose': [1, 7],
  'plausibility.negative.plain_bad.age': [1, 7],
  'plausibility.age_over_120.plain_bad.age': [2, 7],
  'conformance.icd10.plain_bad.icd10_code': [2, 7],
  'conformance.atc.plain_bad.atc': [2, 7],
  'conformance.loinc.plain_bad.loinc_code': [1, 7],
  'conformance.loinc_check_digit.plain_bad.loinc_code': [2, 6],
  'uniqueness.duplicate_rows.plain_bad': [2, 7],
};

describe('checks of plain tables', () => {
  let ws: QualityWorkspace;
  let bad: Omit<QualityReport, 'elapsedMs'>;
  let good: Omit<QualityReport, 'elapsedMs'>;

  beforeAll(async () => {
    ws = await qualityWorkspace();
    bad = await ws.report(await ws.importFile({ path: join(QUALITY, 'plain-bad.csv'), kind: 'table' }));
    good = await ws.report(await ws.importFile({ path: join(QUALITY, 'plain-good.csv'), kind: 'table' }));
  });
  afterAll(() => ws.close());

  it('counts every planted problem exactly, and fails the checks whose share passes the threshold', async () => {
    expectCounts(bad, BAD);
    // Informational completeness never fails; 1 of 7 is above the 1 % of plausibility checks.
    const { 'completeness.plain_bad.note': note, ...others } = BAD;
    expectFailed(bad, others);
    expect(note).toEqual([2, 7]);
    expect(checkById(bad, 'completeness.plain_bad.note')).toMatchObject({ status: 'pass', threshold: 1, share: 2 / 7 });
    expect(bad.failed).toBe(10);
    expect(bad.passed + bad.failed).toBe(bad.checks.length);
  });

  it('runs the same checks on the clean table and passes every one with nothing failing', async () => {
    expect(good.checks.map((c) => c.id.replace('plain_good', 'plain_bad'))).toEqual(bad.checks.map((c) => c.id));
    expectClean(good);
    expect(good.checks.filter((c) => c.failing > 0)).toEqual([]);
    expect(good.failed).toBe(0);
  });

  it('lists, with each check\'s SQL, exactly the rows it counted', async () => {
    await expectListingsMatch(ws, [...bad.checks, ...good.checks]);
    const future = await ws.connection.runAndReadAll(checkById(bad, 'plausibility.future_date.plain_bad.visit_date').sql);
    expect(future.getRowObjectsJS().map((r) => Number(r.patient_id))).toEqual([2, 4]);
  });

  it('reports its progress per table and describes the dataset it checked', async () => {
    expect(bad).toMatchObject({ datasetName: 'plain_bad', kind: 'table' });
    expect(Date.parse(bad.ranAt)).toBeGreaterThan(Date.parse('2020-01-01'));
    const messages = ws.progress.filter((p) => p.phase === 'checking').map((p) => p.message);
    expect(messages).toContain('checking plain_bad');
    expect(ws.progress.at(-1)).toMatchObject({ phase: 'checking', fraction: 1 });
  });
});
