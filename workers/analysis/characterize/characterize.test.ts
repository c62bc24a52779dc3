import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table1Row } from '../../engine/api.js';
import { characterize, type Table1Spec } from './characterize.js';
import { createTableFromRows, openTestDatabase, type TestDatabase } from './test-cdm.js';

// A tiny CDM, small enough that every figure below is worked out by hand in the comments.
//
// Ages are Circe's: year(index) − year_of_birth. Windows are −365..0 days, both ends inclusive:
//   index 2020-06-01 → 2019-06-02..2020-06-01 (2019-06-01 is 366 days back: 2020 has a 29 February);
//   index 2020-01-01 → 2019-01-01..2020-01-01;   index 2021-03-15 → 2020-03-15..2021-03-15.
//
// person  sex        born         target (T) index  age   comparator (C) index  age
//   1     male       1950         2020-06-01        70    2021-03-15            71   (in both cohorts)
//   2     female     1960         2020-06-01        60
//   3     female     1970-12-31   2020-01-01        50   (49 by birthday; Circe counts years)
//   4     male       1980         2020-06-01        40
//   5     0 (unknown)1990         2020-06-01        30
//   6     female     2010         2020-06-01        10
//   7     male       1940                                 2021-03-15            81
//   8     female     1955                                 2021-03-15            66
//   9     male       1975                                 2021-03-15            46
//  10     8551 (unknown) 2001                             2021-03-15            20
//  11     (not in person)                                 2021-03-15            unknown
//
// T: 6 persons, ages 70 60 50 40 30 10: mean 260/6 = 43.333; Σ(x−x̄)² = 13600 − 6·43.333² = 2333.33,
//    SD = √(2333.33/5) = √466.667 = 21.602.
// C: 6 persons, 5 with an age: 81 66 46 20 71: mean 284/5 = 56.8; Σ(x−x̄)² = 18474 − 5·56.8² = 2342.8,
//    SD = √(2342.8/4) = √585.7 = 24.201.
// SMD (comparator − target) = (56.8 − 43.333)/√((466.667 + 585.7)/2) = 13.467/22.939 = 0.58707.
// For proportions, (pC − pT)/√((pT(1 − pT) + pC(1 − pC))/2): with sixths, p(1 − p) is 5/36 for 1/6, 8/36
// for 2/6, 9/36 for 3/6, 8/36 for 4/6 and 0 for 0.

const persons = [
  ['1', '8507', '1950', '3', '1'], ['2', '8532', '1960', '7', '2'], ['3', '8532', '1970', '12', '31'],
  ['4', '8507', '1980', '1', '1'], ['5', '0', '1990', '1', '1'], ['6', '8532', '2010', '1', '1'],
  ['7', '8507', '1940', '1', '1'], ['8', '8532', '1955', '1', '1'], ['9', '8507', '1975', '1', '1'],
  ['10', '8551', '2001', '1', '1'],
];

const date = (d: string) => `DATE '${d}'`;
const member = (person: number, index: string) => [String(person), date(index), date(index), 'NULL', 'NULL'];
const target = [1, 2, 4, 5, 6].map((p) => member(p, '2020-06-01')).concat([member(3, '2020-01-01')]);
const comparator = [7, 8, 9, 10, 1, 11].map((p) => member(p, '2021-03-15'));

const DIABETES = 201826;
const HYPERTENSION = 320128;
const NOT_IN_VOCABULARY = 4000001;
const conditions: [number, number, string][] = [
  // T: diabetes {1, 2, 3} = 3/6, hypertension {3} = 1/6, concept 4000001 {4} = 1/6, unmapped {4} = 1/6
  // C: hypertension {7, 8, 9, 1} = 4/6, diabetes {11} = 1/6
  [1, DIABETES, '2019-06-02'], // T: first day of the window, in
  [1, DIABETES, '2020-01-10'], // T: again; person 1 counts once
  [1, HYPERTENSION, '2019-06-01'], // T: one day before the window, out
  [1, HYPERTENSION, '2020-12-01'], // C (index 2021-03-15): in; T: after index, out
  [2, DIABETES, '2020-06-01'], // T: on the index date, in
  [2, HYPERTENSION, '2020-06-02'], // T: the day after index, out
  [3, DIABETES, '2019-01-01'], // T (index 2020-01-01): first day, in
  [3, HYPERTENSION, '2019-12-31'], // T: in
  [4, NOT_IN_VOCABULARY, '2020-05-01'], // T: in, shown as "concept 4000001"
  [4, 0, '2020-05-01'], // T: in, shown as "unmapped"
  [5, HYPERTENSION, '2018-01-01'], // T: out
  [7, HYPERTENSION, '2021-01-01'], // C: in
  [7, DIABETES, '2020-03-14'], // C: one day before the window, out
  [8, HYPERTENSION, '2020-03-15'], // C: first day, in
  [9, HYPERTENSION, '2021-03-15'], // C: index date, in
  [9, DIABETES, '2021-03-16'], // C: after index, out
  [11, DIABETES, '2021-01-01'], // C: in (a member missing from person still has events)
];

const CELECOXIB = 1118084;
const CELEBREX_200 = 1118088; // a celecoxib product
const DICLOFENAC = 1124300;
const DICLOFENAC_75 = 40162359; // a diclofenac product
const POLIO_VACCINE = 40213160; // no ingredient ancestor: counted as itself
const ACETAMINOPHEN = 1125315;
const HYDROCODONE = 1174888;
const COMBINATION = 9000001; // acetaminophen + hydrocodone: counts for each ingredient
const COXIBS = 21603933; // an ATC class above celecoxib: not an Ingredient, never the roll-up
const drugs: [number, number, string][] = [
  // T: celecoxib {1} 1/6, vaccine {2, 6} 2/6, diclofenac {3} 1/6, acetaminophen {4} 1/6, hydrocodone {4} 1/6
  // C: celecoxib {9, 1} 2/6, diclofenac {7, 8} 2/6
  [1, CELEBREX_200, '2020-05-01'], // T in; C (2020-03-15..2021-03-15) in
  [1, CELEBREX_200, '2020-05-20'], // again
  [1, CELECOXIB, '2020-04-01'], // the ingredient itself: still one person for celecoxib
  [2, CELEBREX_200, '2020-06-02'], // T: after index, out
  [2, POLIO_VACCINE, '2020-01-01'], // T: in
  [3, DICLOFENAC_75, '2019-06-01'], // T (2019-01-01..2020-01-01): in
  [4, COMBINATION, '2020-03-01'], // T: in, for acetaminophen and for hydrocodone
  [5, CELEBREX_200, '2019-06-01'], // T: one day early, out
  [6, POLIO_VACCINE, '2020-06-01'], // T: in
  [7, DICLOFENAC_75, '2021-01-01'], // C: in
  [8, DICLOFENAC_75, '2020-12-01'], // C: in
  [8, DICLOFENAC_75, '2021-02-01'], // again
  [9, CELEBREX_200, '2021-03-15'], // C: in
  [10, POLIO_VACCINE, '2020-03-14'], // C: one day early, out
];

const SYSTOLIC = 3004249;
const WEIGHT = 3025315;
const measurements: [number, number, number, string, string, string][] = [
  // [measurement_id, person, concept, date, value, source value]
  // Systolic BP, last value per person in the window:
  //   T: person 1 → 130 (2020-05-01; 135 on 2020-07-01 is after index), person 2 → 124 (two on the index
  //      date: the higher measurement_id), person 3 has no value, person 4's is before the window:
  //      n 2, mean 127, SD √((3² + 3²)/1) = 4.243
  //   C: person 7 → 150, person 8 → 110, person 1 → 135 (2020-07-01 is the later of its two in C's window),
  //      person 9's is after index: n 3, mean 395/3 = 131.667, SD √((18.333² + 21.667² + 3.333²)/2)
  //      = √(816.667/2) = 20.207
  //   SMD (131.667 − 127)/√((4.243² + 20.207²)/2) = 4.667/√((18 + 408.333)/2) = 4.667/14.600 = 0.31963
  [11, 1, SYSTOLIC, '2020-01-01', '140', '8480-6'],
  [12, 1, SYSTOLIC, '2020-05-01', '130', '8480-6'],
  [13, 1, SYSTOLIC, '2020-07-01', '135', '8480-6'],
  [22, 2, SYSTOLIC, '2020-06-01', '124', '8480-6'],
  [21, 2, SYSTOLIC, '2020-06-01', '120', '8480-6'],
  [31, 3, SYSTOLIC, '2019-05-01', 'NULL', '8480-6'],
  [41, 4, SYSTOLIC, '2019-06-01', '150', '8480-6'],
  [71, 7, SYSTOLIC, '2021-03-01', '150', '8480-6'],
  [81, 8, SYSTOLIC, '2020-06-01', '110', '8480-6'],
  [91, 9, SYSTOLIC, '2021-03-16', '200', '8480-6'],
  // Body weight by source code 29463%: T persons 4 → 80 and 5 → 70 (concept 0, found by its source code):
  //   n 2, mean 75, SD √50 = 7.071; C person 8 → 60: n 1, SD undefined, so no SMD.
  [42, 4, WEIGHT, '2020-05-01', '80', '29463-7'],
  [51, 5, 0, '2020-05-01', '70', '29463-7'],
  [82, 8, WEIGHT, '2021-01-01', '60', '29463-7'],
];

const concepts: [number, string, string][] = [
  [DIABETES, 'Type 2 diabetes mellitus', 'Clinical Finding'],
  [HYPERTENSION, 'Essential hypertension', 'Clinical Finding'],
  [CELECOXIB, 'celecoxib', 'Ingredient'],
  [CELEBREX_200, 'celecoxib 200 MG Oral Capsule [Celebrex]', 'Branded Drug'],
  [DICLOFENAC, 'diclofenac', 'Ingredient'],
  [DICLOFENAC_75, 'Diclofenac Sodium 75 MG Delayed Release Oral Tablet', 'Clinical Drug'],
  [POLIO_VACCINE, 'poliovirus vaccine, inactivated', 'CVX'],
  [ACETAMINOPHEN, 'Acetaminophen', 'Ingredient'],
  [HYDROCODONE, 'Hydrocodone', 'Ingredient'],
  [COMBINATION, 'Acetaminophen 325 MG / Hydrocodone 5 MG Oral Tablet', 'Clinical Drug'],
  [COXIBS, 'Coxibs', 'ATC 4th'],
  [SYSTOLIC, 'Systolic blood pressure', 'Clinical Observation'],
  [WEIGHT, 'Body weight', 'Clinical Observation'],
];

const ancestors: [number, number][] = [
  [CELECOXIB, CELECOXIB], [CELECOXIB, CELEBREX_200], [CELEBREX_200, CELEBREX_200],
  [COXIBS, COXIBS], [COXIBS, CELECOXIB], [COXIBS, CELEBREX_200],
  [DICLOFENAC, DICLOFENAC], [DICLOFENAC, DICLOFENAC_75], [DICLOFENAC_75, DICLOFENAC_75],
  [ACETAMINOPHEN, COMBINATION], [HYDROCODONE, COMBINATION], [COMBINATION, COMBINATION],
];

let db: TestDatabase;

async function buildTinyCdm(): Promise<void> {
  const c = db.connection;
  await c.run('CREATE SCHEMA tiny');
  const text = (s: string) => `'${s.replaceAll("'", "''")}'`;
  await createTableFromRows(c, 'tiny.person', 'person_id BIGINT, gender_concept_id INTEGER, year_of_birth INTEGER, month_of_birth INTEGER, day_of_birth INTEGER', persons);
  await createTableFromRows(c, 'tiny.condition_occurrence', 'person_id BIGINT, condition_concept_id INTEGER, condition_start_date DATE',
    conditions.map(([p, concept, d]) => [String(p), String(concept), date(d)]));
  await createTableFromRows(c, 'tiny.drug_exposure', 'person_id BIGINT, drug_concept_id INTEGER, drug_exposure_start_date DATE',
    drugs.map(([p, concept, d]) => [String(p), String(concept), date(d)]));
  await createTableFromRows(c, 'tiny.measurement',
    'measurement_id BIGINT, person_id BIGINT, measurement_concept_id INTEGER, measurement_date DATE, value_as_number DOUBLE, measurement_source_value VARCHAR',
    measurements.map(([id, p, concept, d, v, source]) => [String(id), String(p), String(concept), date(d), v, text(source)]));
  await createTableFromRows(c, 'tiny.concept', 'concept_id INTEGER, concept_name VARCHAR, concept_class_id VARCHAR',
    concepts.map(([id, name, cls]) => [String(id), text(name), text(cls)]));
  await createTableFromRows(c, 'tiny.concept_ancestor', 'ancestor_concept_id INTEGER, descendant_concept_id INTEGER',
    ancestors.map(([a, d]) => [String(a), String(d)]));
  const cohortColumns = 'person_id BIGINT, cohort_start_date DATE, cohort_end_date DATE, observation_start_date DATE, observation_end_date DATE';
  await createTableFromRows(c, 'target_cohort', cohortColumns, target);
  await createTableFromRows(c, 'comparator_cohort', cohortColumns, comparator);
}

beforeAll(async () => {
  db = await openTestDatabase();
  await buildTinyCdm();
});
afterAll(() => db.close());

const TARGET = { table: 'target_cohort', label: 'T' };
const COMPARATOR = { table: 'comparator_cohort', label: 'C' };
const MEASUREMENTS: Table1Spec['measurements'] = [
  { label: 'systolic blood pressure', codes: { concepts: [SYSTOLIC] } },
  { label: 'body weight', codes: { sourceCodes: ['29463%'] } },
];

function rowsOf(rows: Table1Row[], section: Table1Row['section']): Table1Row[] {
  return rows.filter((r) => r.section === section);
}

function summary(row: Table1Row): [string, string, string | undefined] {
  return [row.label, row.target.display, row.comparator?.display];
}

describe('Table 1 on a hand-made CDM', () => {
  it('counts persons, ages, age bands and sexes of two cohorts, with SMDs (comparator minus target)', async () => {
    const result = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 0 });
    expect(result.targetPersons).toBe(6);
    expect(result.comparatorPersons).toBe(6);
    expect(result.minCellCount).toBe(0);
    const [personsRow, age] = result.rows;
    expect(summary(personsRow!)).toEqual(['persons', '6', '6']);
    expect(age!.target).toMatchObject({ count: 6, display: '43.3 (21.6)' });
    expect(age!.target.mean).toBeCloseTo(260 / 6, 12);
    expect(age!.target.sd).toBeCloseTo(Math.sqrt(2333.3333333333333 / 5), 12);
    expect(age!.comparator).toMatchObject({ count: 5, display: '56.8 (24.2)' });
    expect(age!.comparator!.sd).toBeCloseTo(Math.sqrt(585.7), 12);
    expect(age!.smd).toBeCloseTo(0.58707, 5);

    // T ages 70 60 50 40 30 10; C ages 81 66 46 20 71 and one unknown.
    expect(rowsOf(result.rows, 'age band').map(summary)).toEqual([
      ['0–17', '1 (16.7%)', '0 (0.0%)'], // SMD (0 − 1/6)/√((5/36 + 0)/2) = −0.63246
      ['18–34', '1 (16.7%)', '1 (16.7%)'], // 0
      ['35–49', '1 (16.7%)', '1 (16.7%)'],
      ['50–64', '2 (33.3%)', '0 (0.0%)'], // (0 − 2/6)/√((8/36)/2) = −1
      ['65–79', '1 (16.7%)', '2 (33.3%)'], // (2/6 − 1/6)/√((5/36 + 8/36)/2) = (1/6)/0.42492 = 0.39223
      ['80+', '0 (0.0%)', '1 (16.7%)'], // 0.63246
      ['unknown', '0 (0.0%)', '1 (16.7%)'], // shown because C has one; "<0" is not shown: nobody is in it
    ]);
    expect(rowsOf(result.rows, 'age band').map((r) => r.smd)).toEqual([
      expect.closeTo(-0.632456, 6), 0, 0, expect.closeTo(-1, 12), expect.closeTo(0.392232, 6), expect.closeTo(0.632456, 6), expect.closeTo(0.632456, 6),
    ]);

    // T: male {1, 4}, female {2, 3, 6}, other {5}; C: male {7, 9, 1}, female {8}, other {10, 11}.
    const sex = rowsOf(result.rows, 'sex');
    expect(sex.map(summary)).toEqual([
      ['male', '2 (33.3%)', '3 (50.0%)'],
      ['female', '3 (50.0%)', '1 (16.7%)'],
      ['other/unknown', '1 (16.7%)', '2 (33.3%)'],
    ]);
    expect(sex[0]!.target.fraction).toBeCloseTo(2 / 6, 15);
    expect(sex.map((r) => r.smd)).toEqual([
      expect.closeTo(0.342997, 6), // (3/6 − 2/6)/√((8/36 + 9/36)/2) = (1/6)/0.48591
      expect.closeTo(-0.755929, 6), // (1/6 − 3/6)/√((9/36 + 5/36)/2) = −(1/3)/0.44096
      expect.closeTo(0.392232, 6), // (2/6 − 1/6)/√((5/36 + 8/36)/2)
    ]);
  });

  it('lists conditions and ingredient-level drugs starting in the window, ranked by the larger prevalence', async () => {
    const result = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 0 });
    const conditionRows = rowsOf(result.rows, 'conditions');
    // max prevalences: hypertension 4/6, diabetes 3/6, then 1/6 for concepts 0 and 4000001 (lower id first)
    expect(conditionRows.map(summary)).toEqual([
      ['Essential hypertension', '1 (16.7%)', '4 (66.7%)'],
      ['Type 2 diabetes mellitus', '3 (50.0%)', '1 (16.7%)'],
      ['unmapped', '1 (16.7%)', '0 (0.0%)'],
      ['concept 4000001', '1 (16.7%)', '0 (0.0%)'],
    ]);
    expect(conditionRows.map((r) => r.conceptId)).toEqual([HYPERTENSION, DIABETES, 0, NOT_IN_VOCABULARY]);
    // hypertension: (4/6 − 1/6)/√((5/36 + 8/36)/2) = 0.5/0.42492 = 1.17670
    expect(conditionRows[0]!.smd).toBeCloseTo(1.1766968, 6);

    // max prevalences: celecoxib, diclofenac, vaccine 2/6 (by id), acetaminophen, hydrocodone 1/6
    const drugRows = rowsOf(result.rows, 'drugs');
    expect(drugRows.map(summary)).toEqual([
      ['celecoxib', '1 (16.7%)', '2 (33.3%)'],
      ['diclofenac', '1 (16.7%)', '2 (33.3%)'],
      ['poliovirus vaccine, inactivated', '2 (33.3%)', '0 (0.0%)'],
      ['Acetaminophen', '1 (16.7%)', '0 (0.0%)'],
      ['Hydrocodone', '1 (16.7%)', '0 (0.0%)'],
    ]);
    expect(drugRows.map((r) => r.conceptId)).toEqual([CELECOXIB, DICLOFENAC, POLIO_VACCINE, ACETAMINOPHEN, HYDROCODONE]);
    // vaccine: (0 − 2/6)/√((8/36 + 0)/2) = −(1/3)/(1/3) = −1
    expect(drugRows[2]!.smd).toBeCloseTo(-1, 12);

    const top2 = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 0, top: 2 });
    expect(rowsOf(top2.rows, 'conditions').map((r) => r.label)).toEqual(['Essential hypertension', 'Type 2 diabetes mellitus']);
    expect(rowsOf(top2.rows, 'drugs').map((r) => r.label)).toEqual(['celecoxib', 'diclofenac']);
  });

  it('summarises the last value of each measurement in the window', async () => {
    const result = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 0, measurements: MEASUREMENTS });
    const [systolic, weight] = rowsOf(result.rows, 'measurements');
    expect(summary(systolic!)).toEqual(['systolic blood pressure', '127.0 (4.2)', '131.7 (20.2)']);
    expect(systolic!.target).toMatchObject({ count: 2, mean: 127 });
    expect(systolic!.target.sd).toBeCloseTo(Math.sqrt(18), 12);
    expect(systolic!.comparator!.count).toBe(3);
    expect(systolic!.comparator!.mean).toBeCloseTo(395 / 3, 12);
    expect(systolic!.comparator!.sd).toBeCloseTo(Math.sqrt(816.6666666666667 / 2), 12);
    expect(systolic!.smd).toBeCloseTo(0.3196297, 6);
    expect(summary(weight!)).toEqual(['body weight', '75.0 (7.1)', '60.0 (—)']);
    expect(weight!.comparator).toMatchObject({ count: 1, mean: 60, sd: null });
    expect(weight!.smd).toBeNull();
  });

  it('shows counts below the minimum cell count as "<n", without count, share or SMD', async () => {
    const result = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 2, measurements: MEASUREMENTS });
    const sex = rowsOf(result.rows, 'sex');
    expect(sex.map(summary)).toEqual([
      ['male', '2 (33.3%)', '3 (50.0%)'],
      ['female', '3 (50.0%)', '<2'],
      ['other/unknown', '<2', '2 (33.3%)'],
    ]);
    expect(sex[1]!.comparator).toEqual({ count: null, fraction: null, display: '<2' });
    expect(sex.map((r) => r.smd)).toEqual([expect.closeTo(0.342997, 6), null, null]);
    // zero is not a small count: it is shown
    expect(summary(rowsOf(result.rows, 'conditions')[2]!)).toEqual(['unmapped', '<2', '0 (0.0%)']);
    const weight = rowsOf(result.rows, 'measurements')[1]!;
    expect(weight.comparator).toEqual({ count: null, fraction: null, mean: null, sd: null, display: '<2' });
    expect(weight.smd).toBeNull();

    const defaults = await characterize(db.task, 'tiny', TARGET, undefined, {});
    expect(defaults.minCellCount).toBe(5);
    expect(defaults.comparatorPersons).toBeUndefined();
    expect(summary(rowsOf(defaults.rows, 'sex')[1]!)).toEqual(['female', '<5', undefined]);
    expect(defaults.rows[0]!.target.display).toBe('6');
    expect(defaults.rows.every((r) => r.comparator === undefined && r.smd === undefined)).toBe(true);
  });

  it('takes other windows and age bands', async () => {
    // window 0..365 days after index: T hypertension {1 (2020-12-01), 2 (2020-06-02)}, diabetes {2 (on the
    // index date)}; C hypertension {9 (index date)}, diabetes {9 (2021-03-16)}
    const after = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 0, window: { start: 0, end: 365 } });
    expect(rowsOf(after.rows, 'conditions').map(summary)).toEqual([
      ['Essential hypertension', '2 (33.3%)', '1 (16.7%)'],
      ['Type 2 diabetes mellitus', '1 (16.7%)', '1 (16.7%)'],
    ]);
    // open start: everything up to index. T hypertension {1 (2019-06-01), 3, 5}, C {7, 8, 9, 1}
    const ever = await characterize(db.task, 'tiny', TARGET, COMPARATOR, { minCellCount: 0, window: { end: 0 } });
    expect(summary(rowsOf(ever.rows, 'conditions')[0]!)).toEqual(['Essential hypertension', '3 (50.0%)', '4 (66.7%)']);
    // bands 40, 65: T ages 70 60 50 40 30 10 → <40: 2, 40–64: 3, 65+: 1
    const banded = await characterize(db.task, 'tiny', TARGET, undefined, { minCellCount: 0, ageBands: [40, 65] });
    expect(rowsOf(banded.rows, 'age band').map(summary)).toEqual([
      ['<40', '2 (33.3%)', undefined], ['40–64', '3 (50.0%)', undefined], ['65+', '1 (16.7%)', undefined],
    ]);
  });

  it('shows concepts by id and drugs unrolled when the CDM has no vocabulary tables', async () => {
    await db.connection.run('CREATE SCHEMA bare');
    for (const table of ['person', 'condition_occurrence', 'drug_exposure']) await db.connection.run(`CREATE VIEW bare.${table} AS SELECT * FROM tiny.${table}`);
    const result = await characterize(db.task, 'bare', TARGET, COMPARATOR, { minCellCount: 0 });
    expect(result.warnings).toEqual([
      'bare has no concept table: concepts are shown by id',
      'bare lacks concept or concept_ancestor: drugs are not rolled up to ingredients',
    ]);
    expect(rowsOf(result.rows, 'conditions')[0]!.label).toBe(`concept ${HYPERTENSION}`);
    // products as recorded: T celebrex {1}, celecoxib {1}, vaccine {2, 6}, diclofenac 75 {3}, combination {4};
    // C celebrex {9, 1}, celecoxib {1}, diclofenac 75 {7, 8}
    expect(rowsOf(result.rows, 'drugs').map(summary)).toEqual([
      [`concept ${CELEBREX_200}`, '1 (16.7%)', '2 (33.3%)'],
      [`concept ${DICLOFENAC_75}`, '1 (16.7%)', '2 (33.3%)'],
      [`concept ${POLIO_VACCINE}`, '2 (33.3%)', '0 (0.0%)'],
      [`concept ${CELECOXIB}`, '1 (16.7%)', '1 (16.7%)'],
      [`concept ${COMBINATION}`, '1 (16.7%)', '0 (0.0%)'],
    ]);
  });

  it('refuses bad cohorts and specs, and stops when cancelled', async () => {
    await db.connection.run(`CREATE TABLE twice AS SELECT * FROM target_cohort UNION ALL SELECT * FROM target_cohort WHERE person_id = 1`);
    await expect(characterize(db.task, 'tiny', { table: 'twice', label: 'twice' }, undefined, {}))
      .rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'cohort twice (twice) has 1 person on more than one row' });
    await expect(characterize(db.task, 'tiny', TARGET, undefined, { ageBands: [18, 18] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(characterize(db.task, 'tiny', TARGET, undefined, { window: { start: 5, end: -5 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(characterize(db.task, 'tiny', TARGET, undefined, { measurements: [{ label: 'x', codes: { concepts: [{ id: 1, exclude: true }] } }] }))
      .rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'measurement "x" has no concept or source code to look for' });
    await expect(characterize(db.task, 'nowhere', TARGET, undefined, {})).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    db.task.cancelled = true;
    try {
      await expect(characterize(db.task, 'tiny', TARGET, COMPARATOR, {})).rejects.toMatchObject({ code: 'CANCELLED' });
    } finally {
      db.task.cancelled = false;
    }
    const left = await db.connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'pmw_table1_members'`);
    expect(Number(left.getRowsJS()[0]![0])).toBe(0);
  });
});
