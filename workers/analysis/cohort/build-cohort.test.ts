import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CohortSpec } from '../../engine/api.js';
import { Task } from '../../db/tasks.js';
import { buildCohort } from './build-cohort.js';
import { checkCohortSpec } from './cohort-spec.js';
import { gibleedConnection, rows } from './testing.js';

/**
 * A CDM small enough to work every number out by hand (the comments below do). Concepts: drug ingredient
 * 100 with product 101 under it; GI bleed 200 with 201 under it; another condition 300; a lab 400 (unit 500).
 */
const TINY_CDM = `
CREATE SCHEMA cdm;
CREATE TABLE cdm.person AS SELECT * FROM (VALUES
  (1::BIGINT, 8507::BIGINT, 1950::BIGINT), (2, 8532, 1980), (3, 8532, 2010), (4, 8507, 1960), (5, 8532, 1945)
) t(person_id, gender_concept_id, year_of_birth);
CREATE TABLE cdm.observation_period AS SELECT person_id::BIGINT AS person_id, s::DATE AS observation_period_start_date, e::DATE AS observation_period_end_date FROM (VALUES
  (1, '2000-01-01', '2020-12-31'), (2, '2015-01-01', '2020-12-31'), (3, '2012-01-01', '2020-12-31'),
  (5, '2000-01-01', '2010-12-31'), (5, '2015-01-01', '2020-12-31')
) t(person_id, s, e);
CREATE TABLE cdm.concept AS SELECT * FROM (VALUES (100::BIGINT), (101), (200), (201), (300), (400), (500)) t(concept_id);
CREATE TABLE cdm.concept_ancestor AS SELECT * FROM (VALUES
  (100::BIGINT, 100::BIGINT), (100, 101), (101, 101), (200, 200), (200, 201), (201, 201), (300, 300), (400, 400)
) t(ancestor_concept_id, descendant_concept_id);
CREATE TABLE cdm.drug_exposure AS SELECT person_id::BIGINT AS person_id, c::BIGINT AS drug_concept_id, s::DATE AS drug_exposure_start_date,
  e::DATE AS drug_exposure_end_date, NULL::VARCHAR AS drug_source_value FROM (VALUES
  (1, 101, '2010-06-01', '2010-06-30'), (1, 101, '2010-07-10', '2010-08-09'), (1, 101, '2010-10-01', '2010-10-30'),
  (2, 100, '2015-03-01', '2015-03-10'),
  (3, 101, '2019-01-01', '2019-01-31'),
  (4, 101, '2012-01-01', '2012-01-01'),
  (5, 101, '2012-05-05', '2012-05-05'), (5, 101, '2016-02-01', '2016-02-29')
) t(person_id, c, s, e);
CREATE TABLE cdm.condition_occurrence AS SELECT person_id::BIGINT AS person_id, c::BIGINT AS condition_concept_id, s::DATE AS condition_start_date,
  NULL::DATE AS condition_end_date, src AS condition_source_value FROM (VALUES
  (1, 201, '2009-12-01', 'K25.0'), (1, 201, '2011-01-01', 'K92.2'), (1, 300, '2010-03-01', 'I10'),
  (3, 300, '2018-06-01', 'I10'), (5, 200, '2016-03-15', 'K92.2')
) t(person_id, c, s, src);
CREATE TABLE cdm.measurement AS SELECT person_id::BIGINT AS person_id, 400::BIGINT AS measurement_concept_id, d::DATE AS measurement_date,
  v::DOUBLE AS value_as_number, 500::BIGINT AS unit_concept_id, NULL::VARCHAR AS measurement_source_value FROM (VALUES
  (1, '2010-05-01', 8.5), (2, '2015-02-01', 6.0)
) t(person_id, d, v);
CREATE SCHEMA vcf;
CREATE TABLE vcf.variant AS SELECT * FROM (VALUES
  (0, 'rs1', 'GENE1', 'HIGH', 2, 10), (1, 'rs2', 'GENE1', 'LOW', 1, 10), (2, 'rs3', 'GENE2', 'HIGH', 9, 10)
) t(variant_id, rsid, gene, impact, ac, an);
CREATE TABLE vcf.vcf_sample AS SELECT * FROM (VALUES ('S1', 1::BIGINT), ('S2', 2), ('S3', 3), ('S5', 5)) t(sample, person_id);
CREATE TABLE vcf.genotype AS SELECT * FROM (VALUES
  (0, 'S1', 1), (1, 'S2', 1), (2, 'S3', 2), (2, 'S5', 1), (0, 'S9', 2)
) t(variant_id, sample, alt_count);
CREATE TABLE cdm.death AS SELECT 1::BIGINT AS person_id, DATE '2012-01-01' AS death_date, NULL::BIGINT AS cause_concept_id, NULL::VARCHAR AS cause_source_value;
`;

const X = { concepts: [{ id: 100, descendants: true }] };
const GIB = { concepts: [{ id: 200, descendants: true }] };

describe('cohort logic on a hand-made CDM', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let task: Task;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run(TINY_CDM);
    task = new Task('t', 'the test', connection, undefined);
  });
  afterAll(() => { connection.closeSync(); instance.closeSync(); });

  async function build(spec: Omit<CohortSpec, 'dataset'>) {
    const built = await buildCohort(task, 'cdm', checkCohortSpec({ dataset: 'cdm', ...spec }));
    const members = await rows(connection, `SELECT person_id::INTEGER AS id, cohort_start_date::VARCHAR AS start, cohort_end_date::VARCHAR AS "end" FROM ${built.table} ORDER BY person_id`);
    return { ...built, members };
  }

  test('first exposure, a year of prior observation, adults, a prior GI bleed: attrition step by step', async () => {
    const { attrition, members } = await build({
      codeSets: { x: X, gib: GIB },
      entry: { domain: 'drug', codes: 'x' },
      observation: { priorDays: 365 },
      inclusion: [
        { name: 'adults', age: { min: 18 } },
        { name: 'GI bleed in the year before', occurrence: { domain: 'condition', codes: 'gib', window: { start: -365, end: -1 } } },
      ],
    });
    expect(attrition.map((s) => [s.step, s.persons, s.dropped, s.ruleOnly])).toEqual([
      // First exposures of persons 1–5 (descendant 101 counts as drug 100).
      ['entry: first drug (x) event', 5, 0, undefined],
      // 4 has no observation period; 5's first exposure (2012-05-05) falls between its two periods.
      ['index date in an observation period', 3, 2, undefined],
      // 2 has 59 days (2015-01-01 → 2015-03-01) before index.
      ['at least 365 days observed before and 0 after index', 2, 1, undefined],
      // 3 is 9 at index (2019 − 2010).
      ['adults', 1, 1, 1],
      // 1 had GI bleed 201 on 2009-12-01, 182 days before index; 3 had none.
      ['GI bleed in the year before', 1, 0, 1],
    ]);
    // Default exit: end of the observation period.
    expect(members).toEqual([{ id: 1, start: '2010-06-01', end: '2020-12-31' }]);
  });

  test('"all" occurrences let a later event qualify; the earliest qualifying one is the index', async () => {
    const { attrition, members } = await build({ entry: { domain: 'drug', codes: X, occurrence: 'all' } });
    expect(attrition[0]).toMatchObject({ persons: 5, events: 8 });
    // Person 4 (no period) drops; 5's 2016 exposure is in its second period.
    expect(attrition[1]).toMatchObject({ persons: 4, events: 6 });
    expect(attrition.at(-1)).toMatchObject({ step: 'earliest qualifying entry per person', persons: 4, events: 4 });
    expect(members.map((m) => [m.id, m.start])).toEqual([[1, '2010-06-01'], [2, '2015-03-01'], [3, '2019-01-01'], [5, '2016-02-01']]);
  });

  test('exit at the end of continuous exposure bridges gaps up to gapDays, plus an offset', async () => {
    // Person 1: 06-01..06-30, 07-10..08-09 (9 days without supply), 10-01..10-30 (52 days without).
    const ends = async (gapDays: number, offsetDays = 0) =>
      (await build({ entry: { domain: 'drug', codes: X }, exit: { type: 'drugExposure', gapDays, offsetDays } })).members.find((m) => m.id === 1)?.end;
    expect(await ends(30)).toBe('2010-08-09');
    expect(await ends(8)).toBe('2010-06-30');
    expect(await ends(9)).toBe('2010-08-09');
    expect(await ends(52)).toBe('2010-10-30');
    expect(await ends(30, 7)).toBe('2010-08-16');
  });

  test('fixed exit, censoring events and the observation end cut the cohort', async () => {
    const fixed = await build({ entry: { domain: 'drug', codes: X }, exit: { type: 'fixed', days: 365 } });
    // Person 3 (2019-01-01 + 365 = 2020-01-01); all inside observation.
    expect(fixed.members.find((m) => m.id === 3)?.end).toBe('2020-01-01');
    const censored = await build({ entry: { domain: 'drug', codes: X }, censor: [{ domain: 'death' }, { domain: 'condition', codes: GIB }] });
    // Person 1: observation ends 2020-12-31, death 2012-01-01, GI bleed after index 2011-01-01 → the earliest.
    expect(censored.members.find((m) => m.id === 1)?.end).toBe('2011-01-01');
    const far = await build({ entry: { domain: 'drug', codes: X }, exit: { type: 'fixed', days: 20000 } });
    expect(far.members.find((m) => m.id === 2)?.end).toBe('2020-12-31');
  });

  test('sex, counts of events, absence, and measurement thresholds', async () => {
    const base = { entry: { domain: 'drug' as const, codes: X, occurrence: 'all' as const } };
    const women = await build({ ...base, inclusion: [{ name: 'women', sex: ['female'] }] });
    expect(women.members.map((m) => m.id)).toEqual([2, 3, 5]);
    // Any condition 200/201/300 on or before index: person 1 has 201 (2009-12-01) and 300 (2010-03-01).
    const twice = await build({ ...base, inclusion: [{ name: 'two conditions before', occurrence: { domain: 'condition', codes: { concepts: [{ id: 200, descendants: true }, { id: 300 }] }, window: { end: 0 }, atLeast: 2 } }] });
    expect(twice.members.map((m) => m.id)).toEqual([1]);
    const never = await build({ ...base, inclusion: [{ name: 'no GI bleed ever before', occurrence: { domain: 'condition', codes: GIB, window: { end: -1 }, atMost: 0 } }] });
    expect(never.members.map((m) => m.id)).toEqual([2, 3, 5]);
    // Lab 400 > 7 within 60 days before index: person 1 (8.5 on 2010-05-01); person 2 has 6.0.
    const lab = await build({ ...base, inclusion: [{ name: 'high lab', occurrence: { domain: 'measurement', codes: { concepts: [400] }, value: { gt: 7, unit: 500 }, window: { start: -60, end: 0 } } }] });
    expect(lab.members.map((m) => m.id)).toEqual([1]);
    const labLow = await build({ ...base, inclusion: [{ name: 'any lab', occurrence: { domain: 'measurement', codes: { concepts: [400] }, value: { lte: 7 }, window: { start: -60, end: 0 } } }] });
    expect(labLow.members.map((m) => m.id)).toEqual([2]);
  });

  test('genotype rules: carriers of listed variants or of qualifying variants of a gene, and non-carriers', async () => {
    // Linked: persons 1, 2, 3, 5 (samples S1, S2, S3, S5); person 4 has no sample. rs1 (GENE1, HIGH, AF 0.2):
    // S1 het; rs2 (GENE1, LOW): S2 het; rs3 (GENE2, HIGH, AF 0.9): S3 hom, S5 het.
    const base = { entry: { domain: 'drug' as const, codes: X, occurrence: 'all' as const } };
    const ids = async (genotype: Record<string, unknown>) =>
      (await build({ ...base, inclusion: [{ name: 'g', genotype: { dataset: 'vcf', ...genotype } as never }] })).members.map((m) => m.id);
    expect(await ids({ variants: ['rs1'] })).toEqual([1]);
    expect(await ids({ variants: [0, 'rs2'] })).toEqual([1, 2]);
    expect(await ids({ gene: 'GENE1', impact: ['high'] })).toEqual([1]);
    expect(await ids({ gene: 'GENE2' })).toEqual([3, 5]);
    expect(await ids({ gene: 'GENE2', minAltCount: 2 })).toEqual([3]);
    expect(await ids({ gene: 'GENE2', maxAf: 0.5 })).toEqual([]);
    // Non-carriers of rs3 among linked persons: 1 and 2 (4 is not linked, so not known to be a non-carrier).
    expect(await ids({ variants: ['rs3'], carrier: false })).toEqual([1, 2]);
    const refused = (genotype: unknown) => build({ ...base, inclusion: [{ name: 'g', genotype: genotype as never }] }).then(() => 'built', (e: Error) => e.message);
    expect(await refused({ dataset: 'vcf' })).toMatch(/genotype: needs either "variants" or "gene"/);
    expect(await refused({ dataset: 'vcf', variants: ['rs1'], impact: ['HIGH'] })).toMatch(/impact: applies to a gene/);
    expect(await refused({ dataset: 'vcf', gene: 'G', impact: ['SEVERE'] })).toMatch(/impact: must list some of HIGH, MODERATE, LOW, MODIFIER/);
  });

  test('source-code patterns ignore case and dots; excluded concepts leave the set', async () => {
    const k25 = await build({ entry: { domain: 'condition', codes: { sourceCodes: ['k25%'] } } });
    expect(k25.members.map((m) => [m.id, m.start])).toEqual([[1, '2009-12-01']]);
    const k922 = await build({ entry: { domain: 'condition', codes: { sourceCodes: ['K922'] }, occurrence: 'all' } });
    expect(k922.members.map((m) => [m.id, m.start])).toEqual([[1, '2011-01-01'], [5, '2016-03-15']]);
    // Person 1's K-codes are concept 201, excluded: a source-code match does not bring them back.
    const notExcluded = await build({ entry: { domain: 'condition', codes: { sourceCodes: ['K%'], concepts: [{ id: 201, exclude: true }] }, occurrence: 'all' } });
    expect(notExcluded.members.map((m) => [m.id, m.start])).toEqual([[5, '2016-03-15']]);
    const ingredientOnly = await build({ entry: { domain: 'drug', codes: { concepts: [{ id: 100, descendants: true }, { id: 101, exclude: true }] } } });
    expect(ingredientOnly.members.map((m) => m.id)).toEqual([2]);
  });

  test('unknown concepts, unknown code sets, empty code sets and impossible windows are refused with the place', async () => {
    const refused = (spec: unknown) => build(spec as Omit<CohortSpec, 'dataset'>).then(() => 'built', (e: Error) => e.message);
    expect(await refused({ entry: { domain: 'drug', codes: { concepts: [100, 999] } } })).toMatch(/entry\.codes: concept 999 is not in the dataset's concept table/);
    expect(await refused({ entry: { domain: 'drug', codes: 'nsaids' } })).toMatch(/entry\.codes: names the code set "nsaids", which codeSets does not define/);
    expect(await refused({ codeSets: { x: { concepts: [{ id: 100, exclude: true }] } }, entry: { domain: 'drug', codes: 'x' } })).toMatch(/codeSets\.x: is empty/);
    expect(await refused({ entry: { domain: 'drug', codes: X }, inclusion: [{ name: 'w', occurrence: { domain: 'condition', codes: GIB, window: { start: 10, end: -10 } } }] }))
      .toMatch(/inclusion\[0\]\.occurrence\.window: is impossible: it starts 10 and ends -10 days from index/);
    expect(await refused({ entry: { domain: 'drug', codes: X }, inclusion: [{ name: 'a', age: { min: 70, max: 20 } }] })).toMatch(/inclusion\[0\]\.age: is impossible/);
    expect(await refused({ entry: { domain: 'drug', codes: X }, inclusion: [{ name: 'n', occurrence: { domain: 'condition', codes: GIB, window: { end: 0 }, atLeast: 3, atMost: 1 } }] }))
      .toMatch(/at least 3 and at most 1/);
    expect(await refused({ entry: { domain: 'lab', codes: X } })).toMatch(/entry\.domain: must be one of condition, drug/);
    expect(await refused({ entry: { domain: 'condition', codes: GIB, value: { gt: 1 } } })).toMatch(/entry\.value: applies to measurement and observation events only/);
    expect(await refused({ entry: { domain: 'measurement', codes: { concepts: [400] }, value: { gt: 9, lt: 3 } } })).toMatch(/no value can satisfy/);
    expect(await refused({ entry: { domain: 'drug', codes: X }, exit: { type: 'fixed', days: -3 } })).toMatch(/exit\.days: must be a whole number of days, 0 or more/);
    expect(await refused({ entry: { domain: 'drug', codes: X }, inclusion: [{ name: 'a', age: { min: 1 } }, { name: 'a', sex: ['male'] }] })).toMatch(/two rules named "a"/);
    expect(await refused({ entry: { domain: 'drug', codes: X }, inclsion: [] })).toMatch(/\(top\)\.inclsion: is not a field/);
  });
});

describe('cohorts on Eunomia GiBleed match published counts', () => {
  let g: Awaited<ReturnType<typeof gibleedConnection>>;
  beforeAll(async () => {
    g = await gibleedConnection(['person', 'observation_period', 'drug_exposure', 'condition_occurrence', 'concept', 'concept_ancestor']);
  });
  afterAll(() => g.close());
  const entrySpec = (domain: 'drug' | 'condition', ids: number[], occurrence: 'first' | 'all') =>
    checkCohortSpec({ dataset: 'gibleed', entry: { domain, codes: { concepts: ids.map((id) => ({ id, descendants: true })) }, occurrence } });

  // Eunomia's createCohorts() (OHDSI/Eunomia: its cohort SQL and the counts its README prints): celecoxib 1,844
  // and diclofenac 850 (drug eras of the ingredient), GiBleed 479 (condition occurrences under 192671), NSAIDs
  // 2,694 (persons with any exposure to either). Every GiBleed drug era is one day, so eras = persons here.
  test.each([
    ['celecoxib', 'drug', [1118084], 1844],
    ['diclofenac', 'drug', [1124300], 850],
    ['NSAIDs', 'drug', [1118084, 1124300], 2694],
  ] as const)('%s: persons with an exposure = Eunomia createCohorts', async (_name, domain, ids, expected) => {
    const built = await buildCohort(g.task, 'gibleed', entrySpec(domain, [...ids], 'first'));
    expect(built.attrition[0]!.persons).toBe(expected);
  });

  test('GI bleed: 479 condition occurrences of 479 persons = Eunomia createCohorts', async () => {
    const built = await buildCohort(g.task, 'gibleed', entrySpec('condition', [192671], 'all'));
    expect(built.attrition[0]).toMatchObject({ events: 479, persons: 479 });
  });

  // CohortConstructor vignette "Building base cohorts"/"Applying cohort restrictions" (OHDSI, on Eunomia GiBleed):
  // conceptCohort keeps records inside observation; diclofenac 830 subjects; acetaminophen 2,580 subjects from
  // 9,365 records.
  test('diclofenac and acetaminophen records inside observation = CohortConstructor conceptCohort', async () => {
    const diclofenac = await buildCohort(g.task, 'gibleed', entrySpec('drug', [1124300], 'all'));
    expect(diclofenac.attrition[1]).toMatchObject({ step: 'index date in an observation period', persons: 830 });
    const acetaminophen = await buildCohort(g.task, 'gibleed', entrySpec('drug', [1127433], 'all'));
    expect(acetaminophen.attrition[1]).toMatchObject({ persons: 2580, events: 9365 });
    expect(acetaminophen.persons).toBe(2580);
  });

  test('a cohort table has one row per person, inside observation, ending on or after it starts', async () => {
    const built = await buildCohort(g.task, 'gibleed', checkCohortSpec({
      dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [{ id: 1118084, descendants: true }] } }, exit: { type: 'fixed', days: 365 },
    }));
    const [check] = await rows(g.connection, `SELECT count(*) = count(DISTINCT person_id) AS unique_persons,
      bool_and(cohort_start_date BETWEEN observation_start_date AND observation_end_date) AS inside,
      bool_and(cohort_end_date >= cohort_start_date AND cohort_end_date <= observation_end_date) AS ordered,
      bool_and(cohort_end_date <= cohort_start_date + 365) AS fixed FROM ${built.table}`);
    expect(check).toEqual({ unique_persons: true, inside: true, ordered: true, fixed: true });
    expect(built.persons).toBe(1800);
  });
});
