import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '../../db/quote.js';
import type { QualityReport } from '../../engine/api.js';
import { counts, expectListingsMatch, guideCheckDigit, qualityWorkspace, type QualityWorkspace } from './testing.js';

const GIBLEED = new URL('../../../samples/gibleed/', import.meta.url).pathname;
const parquet = (table: string) => `read_parquet(${quoteLiteral(`${GIBLEED}${table}.parquet`)})`;

/**
 * Eunomia GiBleed imported by the real OMOP importer, and its report checked against SQL written here
 * against the Parquet files themselves (not the importer's tables, not the check builders), each figure
 * reached another way than the builder reaches it.
 */
describe('the quality report of Eunomia GiBleed', () => {
  let ws: QualityWorkspace;
  let report: Omit<QualityReport, 'elapsedMs'>;

  beforeAll(async () => {
    ws = await qualityWorkspace();
    report = await ws.report(await ws.importFile({ path: GIBLEED, kind: 'omop', name: 'gibleed' }));
  });
  afterAll(() => ws.close());

  it('duplicate drug_exposure_id: every row whose id another row has', async () => {
    const rows = await ws.scalar(`SELECT sum(n) FROM (SELECT count(*) AS n FROM ${parquet('DRUG_EXPOSURE')} GROUP BY drug_exposure_id) WHERE n >= 2`);
    const all = await ws.scalar(`SELECT count(*) FROM ${parquet('DRUG_EXPOSURE')}`);
    expect(counts(report, 'uniqueness.key.drug_exposure')).toEqual([rows, all]);
    expect(rows).toBeGreaterThan(0);
  });

  it('observation periods of persons missing from PERSON', async () => {
    const orphans = await ws.scalar(`SELECT count(*) FROM ${parquet('OBSERVATION_PERIOD')} o
      LEFT JOIN (SELECT DISTINCT person_id FROM ${parquet('PERSON')}) p USING (person_id) WHERE p.person_id IS NULL`);
    expect(counts(report, 'integrity.person.observation_period')).toEqual([orphans, 5343]);
    expect(orphans).toBe(2649); // the importer's own count (observationPeriodsWithoutPerson) says the same
  });

  it('drug exposures outside every observation period of their person, persons in PERSON only', async () => {
    // Each exposure row (numbered, as ids repeat) joined to all its person's periods; outside when none holds it.
    const [outside, known] = await Promise.all([
      ws.scalar(`SELECT count(*) FILTER (WHERE NOT coalesce(inside, false)) FROM (
        SELECT d.row, bool_or(d.drug_exposure_start_date >= o.observation_period_start_date AND d.drug_exposure_start_date <= o.observation_period_end_date) AS inside
        FROM (SELECT row_number() OVER () AS row, * FROM ${parquet('DRUG_EXPOSURE')}) d
        JOIN (SELECT DISTINCT person_id FROM ${parquet('PERSON')}) p USING (person_id)
        LEFT JOIN ${parquet('OBSERVATION_PERIOD')} o ON o.person_id = d.person_id GROUP BY d.row)`),
      ws.scalar(`SELECT count(*) FROM ${parquet('DRUG_EXPOSURE')} WHERE person_id IN (SELECT person_id FROM ${parquet('PERSON')})`),
    ]);
    expect(counts(report, 'plausibility.outside_observation.drug_exposure')).toEqual([outside, known]);
  });

  it('type concepts missing from the sample\'s small vocabulary, and null end dates', async () => {
    const missing = await ws.scalar(`SELECT count(*) FROM ${parquet('DRUG_EXPOSURE')} d ANTI JOIN ${parquet('CONCEPT')} c
      ON c.concept_id = d.drug_type_concept_id WHERE d.drug_type_concept_id <> 0`);
    const [nulls, conditions] = [
      await ws.scalar(`SELECT count(*) - count(condition_end_date) FROM ${parquet('CONDITION_OCCURRENCE')}`),
      await ws.scalar(`SELECT count(*) FROM ${parquet('CONDITION_OCCURRENCE')}`),
    ];
    expect(counts(report, 'conformance.concept_id.drug_exposure.drug_type_concept_id')).toEqual([missing, 67707]);
    expect(counts(report, 'completeness.condition_occurrence.condition_end_date')).toEqual([nulls, conditions]);
  });

  it('every LOINC code of the vocabulary has the check digit the Users\' Guide gives', async () => {
    const reader = await ws.connection.runAndReadAll(`SELECT concept_code FROM ${parquet('CONCEPT')} WHERE vocabulary_id = 'LOINC'`);
    const codes = reader.getRowsJS().map((r) => String(r[0]));
    const wrong = codes.filter((code) => guideCheckDigit(code.split('-')[0]!) !== Number(code.split('-')[1]));
    expect(counts(report, 'conformance.loinc_check_digit.concept.concept_code')).toEqual([wrong.length, codes.length]);
    expect(codes).toHaveLength(52);
  });

  it('lists with each check\'s SQL exactly the rows it counted, and tallies passed and failed', async () => {
    await expectListingsMatch(ws, report.checks);
    expect(report.passed + report.failed).toBe(report.checks.length);
    expect(report.checks.filter((c) => c.status === 'fail').length).toBe(report.failed);
    expect(report).toMatchObject({ datasetName: 'gibleed', kind: 'omop' });
    expect([...new Set(report.checks.map((c) => c.category))]).toEqual(['completeness', 'plausibility', 'conformance', 'uniqueness', 'integrity']);
    expect(new Set(report.checks.map((c) => c.id)).size).toBe(report.checks.length);
  });
});
