import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../engine/api.js';
import { cdmTable } from '../../import/omop/cdm-tables.js';
import { checkById, counts, expectClean, expectCounts, expectFailed, expectListingsMatch, qualityWorkspace, type QualityWorkspace } from './testing.js';

const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;

/** Rows per CDM table: the columns they fill, then one string of SQL literals per row. */
type CdmRows = Record<string, { columns: string; rows: string[] }>;

const PERSON = 'person_id, gender_concept_id, year_of_birth, race_concept_id, ethnicity_concept_id, birth_datetime';
const PERIOD = 'observation_period_id, person_id, observation_period_start_date, observation_period_end_date, period_type_concept_id';
const CONDITION = 'condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_end_date, condition_type_concept_id';
const DRUG = 'drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_end_date, drug_type_concept_id, quantity, days_supply, refills';
const CONCEPT = 'concept_id, concept_name, domain_id, vocabulary_id, concept_class_id, concept_code, valid_start_date, valid_end_date';
const concept = (id: number, name: string | null, vocabulary: string, code: string, end = '2099-12-31') =>
  `${id}, ${name === null ? 'NULL' : `'${name}'`}, 'Domain', '${vocabulary}', 'Class', '${code}', DATE '1970-01-01', DATE '${end}'`;

/**
 * Planted problems, counted by hand below. person: person 3 twice (the second without a gender), gender
 * 8532 missing from concept. observation_period: person 2's period ends before it starts (so holds no
 * day), person 99 does not exist. condition_occurrence: row 2 after person 1's period, row 3 in person 2's
 * empty period, row 4 in 2999 (outside, after today, concept 4000000 unknown, age 2999 − 1900 > 120),
 * row 5 of unknown person 42, row 6 ends before it starts. drug_exposure: id 3 twice, quantity −30,
 * days_supply −1, refills −2, one end date missing, row 3 in person 2's empty period. death: person 1 dies
 * the year before birth, person 2 before the birth datetime's day, person 3 at 125, person 77 (unknown)
 * twice. concept: ICD10 `K92,2`, ATC `M01AH1`, LOINC `2160-3` (check digit 0) and `LOINC-1`, one concept
 * without a name whose validity ends before it starts.
 */
const BAD: CdmRows = {
  person: { columns: PERSON, rows: ['1, 8507, 1950, 0, 0, NULL', "2, 8532, 1980, 0, 0, TIMESTAMP '1980-06-15 00:00:00'", '3, NULL, 1900, 0, 0, NULL', '3, 8507, 1990, 0, 0, NULL'] },
  observation_period: { columns: PERIOD, rows: [
    "1, 1, DATE '2000-01-01', DATE '2010-12-31', 0", "2, 2, DATE '2005-01-01', DATE '2004-01-01', 0",
    "3, 3, DATE '1990-01-01', DATE '2020-12-31', 0", "4, 99, DATE '2000-01-01', DATE '2001-01-01', 0",
  ] },
  condition_occurrence: { columns: CONDITION, rows: [
    "1, 1, 192671, DATE '2005-05-05', NULL, 0", "2, 1, 192671, DATE '2015-01-01', NULL, 0", "3, 2, 192671, DATE '2004-06-01', NULL, 0",
    "4, 3, 4000000, DATE '2999-01-01', NULL, 0", "5, 42, 192671, DATE '2005-01-01', NULL, 0", "6, 1, 192671, DATE '2006-01-01', DATE '2005-12-31', 0",
  ] },
  drug_exposure: { columns: DRUG, rows: [
    "1, 1, 1118084, DATE '2005-01-01', DATE '2005-01-31', 0, 30, 30, 0", "2, 1, 1118084, DATE '2005-02-01', DATE '2005-02-28', 0, -30, 28, NULL",
    "3, 2, 1118084, DATE '2004-06-01', NULL, 0, 10, -1, -2", "3, 1, 1118084, DATE '2005-03-01', DATE '2005-03-10', 0, 5, 10, 0",
  ] },
  death: { columns: 'person_id, death_date', rows: ["1, DATE '1949-05-01'", "2, DATE '1980-01-01'", "3, DATE '2025-01-01'", "77, DATE '2000-01-01'", "77, DATE '2000-01-01'"] },
  concept: { columns: CONCEPT, rows: [
    concept(8507, 'MALE', 'Gender', 'M'), concept(192671, 'GI bleed', 'SNOMED', '74474003'), concept(1118084, 'celecoxib', 'RxNorm', '140587'),
    concept(35208414, 'GI hemorrhage', 'ICD10CM', 'K92.2'), concept(1, 'bad', 'ICD10', 'K92,2'), concept(2, 'coxibs', 'ATC', 'M01AH01'),
    concept(3, 'bad', 'ATC', 'M01AH1'), concept(4, 'creatinine', 'LOINC', '2160-0'), concept(5, 'bad', 'LOINC', '2160-3'),
    concept(6, 'bad', 'LOINC', 'LOINC-1'), concept(7, null, 'SNOMED', 'X', '1969-12-31'),
  ] },
};

const GOOD: CdmRows = {
  person: { columns: PERSON, rows: ['1, 8507, 1950, 0, 0, NULL', "2, 8532, 1980, 0, 0, TIMESTAMP '1980-06-15 00:00:00'"] },
  observation_period: { columns: PERIOD, rows: ["1, 1, DATE '2000-01-01', DATE '2010-12-31', 0", "2, 2, DATE '2000-01-01', DATE '2020-12-31', 0"] },
  condition_occurrence: { columns: CONDITION, rows: ["1, 1, 192671, DATE '2005-05-05', DATE '2005-05-05', 0", "2, 2, 192671, DATE '2004-06-01', NULL, 0"] },
  drug_exposure: { columns: DRUG, rows: ["1, 1, 1118084, DATE '2005-01-01', DATE '2005-01-31', 0, 30, 30, 0", "2, 2, 1118084, DATE '2010-01-01', DATE '2010-01-01', 0, 0, 0, 0"] },
  death: { columns: 'person_id, death_date', rows: ["1, DATE '2015-01-01'", "2, DATE '1980-06-15'"] },
  concept: { columns: CONCEPT, rows: [
    concept(8507, 'MALE', 'Gender', 'M'), concept(8532, 'FEMALE', 'Gender', 'F'), concept(192671, 'GI bleed', 'SNOMED', '74474003'),
    concept(1118084, 'celecoxib', 'RxNorm', '140587'), concept(35208414, 'GI hemorrhage', 'ICD10CM', 'K92.2'), concept(2, 'coxibs', 'ATC', 'M01AH01'),
    concept(4, 'creatinine', 'LOINC', '2160-0'), concept(8, 'part', 'LOINC', 'LP31755-9'),
  ] },
};

const EXPECTED: Record<string, [number, number]> = {
  'completeness.person.gender_concept_id': [1, 4],
  'uniqueness.key.person': [2, 4],
  'conformance.concept_id.person.gender_concept_id': [1, 3],
  'plausibility.end_before_start.observation_period.observation_period_end_date': [1, 4],
  'integrity.person.observation_period': [1, 4],
  'plausibility.outside_observation.condition_occurrence': [3, 5],
  'plausibility.age_over_120.condition_occurrence.condition_start_date': [1, 5],
  'plausibility.future_date.condition_occurrence.condition_start_date': [1, 6],
  'plausibility.end_before_start.condition_occurrence.condition_end_date': [1, 1],
  'integrity.person.condition_occurrence': [1, 6],
  'conformance.concept_id.condition_occurrence.condition_concept_id': [1, 6],
  'completeness.drug_exposure.drug_exposure_end_date': [1, 4],
  'uniqueness.key.drug_exposure': [2, 4],
  'plausibility.negative.drug_exposure.quantity': [1, 4],
  'plausibility.negative.drug_exposure.days_supply': [1, 4],
  'plausibility.negative.drug_exposure.refills': [1, 3],
  'plausibility.outside_observation.drug_exposure': [1, 4],
  'plausibility.death_before_birth': [2, 3],
  'plausibility.age_over_120.death.death_date': [1, 3],
  'integrity.person.death': [2, 5],
  'uniqueness.duplicate_rows.death': [2, 5],
  'conformance.icd10.concept.concept_code': [1, 2],
  'conformance.atc.concept.concept_code': [1, 2],
  'conformance.loinc.concept.concept_code': [1, 3],
  'conformance.loinc_check_digit.concept.concept_code': [1, 2],
  'completeness.concept.concept_name': [1, 11],
  'plausibility.end_before_start.concept.valid_end_date': [1, 11],
};

describe('checks of OMOP CDM datasets', () => {
  let ws: QualityWorkspace;
  let bad: Omit<QualityReport, 'elapsedMs'>;
  let good: Omit<QualityReport, 'elapsedMs'>;

  /** The tables in their full CDM shape in `schema`, filled with the given columns. */
  async function cdmSchema(schema: string, tables: CdmRows): Promise<string[]> {
    await ws.run(`CREATE SCHEMA ${schema}`);
    for (const [name, { columns, rows }] of Object.entries(tables)) {
      const shape = cdmTable(name).columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
      await ws.run(`CREATE TABLE ${schema}.${name} (${shape})`, `INSERT INTO ${schema}.${name} (${columns}) VALUES ${rows.map((r) => `(${r})`).join(', ')}`);
    }
    return Object.keys(tables).map((name) => `${schema}.${name}`);
  }

  beforeAll(async () => {
    ws = await qualityWorkspace();
    bad = await ws.report(await ws.dataset('omop', 'bad', await cdmSchema('bad', BAD)));
    good = await ws.report(await ws.dataset('omop', 'good', await cdmSchema('good', GOOD)));
  });
  afterAll(() => ws.close());

  it('counts every planted problem exactly, and fails exactly those checks', async () => {
    expectCounts(bad, EXPECTED);
    expectFailed(bad, EXPECTED);
  });

  it('lists with each check\'s SQL exactly the rows it counted', async () => {
    await expectListingsMatch(ws, [...bad.checks, ...good.checks]);
    const outside = await ws.connection.runAndReadAll(checkById(bad, 'plausibility.outside_observation.condition_occurrence').sql);
    expect(outside.getRowObjectsJS().map((r) => Number(r.condition_occurrence_id)).sort()).toEqual([2, 3, 4]);
  });

  it('passes the same checks on clean tables: a one-day interval, quantity 0, death on the birth day, a LOINC part code', async () => {
    expect(good.checks.map((c) => c.id)).toEqual(bad.checks.map((c) => c.id));
    expectClean(good);
    expect(counts(good, 'conformance.loinc_check_digit.concept.concept_code')).toEqual([0, 1]);
  });

  it('leaves the vocabulary\'s 2099 end dates alone, and 0 (no matching concept) out of the concept checks', async () => {
    expect(bad.checks.some((c) => c.id.startsWith('plausibility.future_date.concept.'))).toBe(false);
    expect(counts(bad, 'conformance.concept_id.drug_exposure.drug_type_concept_id')).toEqual([0, 0]);
  });

  it('finds nothing failing in the bundled OMOP sample', async () => {
    const sample = await ws.report(await ws.importFile({ path: join(SAMPLES, 'small/omop'), kind: 'omop', name: 'small' }));
    expect(sample.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(sample.checks.length).toBeGreaterThan(100);
  });
});
