import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table1Cell, Table1Row } from '../../engine/api.js';
import { cellsDeterminedBySystem, cellsPinnedByEquation } from '../privacy/suppress/testing.js';
import type { CellEquation, CellKind } from '../privacy/suppress/suppress-cells.js';
import { characterize } from './characterize.js';
import { loadGibleed, openTestDatabase, type TestDatabase } from './test-cdm.js';

// Expected values: reference/table1_reference.R, an independent base-R Table 1 of the same GiBleed tables
// (exported by reference/export-gibleed-csv.ts), its output committed as reference/table1_reference.json.

interface ReferenceCell { count: number; mean: number | null; sd: number | null }
interface ReferenceRow {
  section: Table1Row['section'];
  label: string;
  conceptId: number | null;
  target: ReferenceCell;
  comparator: ReferenceCell;
  smd: number | null;
}
interface Reference { targetPersons: number; comparatorPersons: number; rows: ReferenceRow[] }

const reference = JSON.parse(readFileSync(new URL('./reference/table1_reference.json', import.meta.url), 'utf8')) as Reference;

const CELECOXIB = 1118084;
const DICLOFENAC = 1124300;
let db: TestDatabase;

/** New users: each person's first era of the ingredient is the index. */
async function createNewUserCohort(name: string, ingredient: number): Promise<void> {
  await db.connection.run(`CREATE TABLE ${name} AS
    SELECT person_id, min(drug_era_start_date) AS cohort_start_date, arg_min(drug_era_end_date, drug_era_start_date) AS cohort_end_date,
      NULL::DATE AS observation_start_date, NULL::DATE AS observation_end_date
    FROM gibleed.drug_era WHERE drug_concept_id = ${ingredient} GROUP BY person_id`);
}

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGibleed(db.connection, 'gibleed', ['person', 'drug_era', 'condition_occurrence', 'drug_exposure', 'measurement', 'concept', 'concept_ancestor']);
  await createNewUserCohort('celecoxib_users', CELECOXIB);
  await createNewUserCohort('diclofenac_users', DICLOFENAC);
});
afterAll(() => db.close());

const TARGET = { table: 'celecoxib_users', label: 'celecoxib' };
const COMPARATOR = { table: 'diclofenac_users', label: 'diclofenac' };

function expectRelativelyClose(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected), what).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

function expectCell(actual: Table1Cell, expected: ReferenceCell, what: string): void {
  expect(actual.count, what).toBe(expected.count);
  if (expected.mean !== null) {
    expectRelativelyClose(actual.mean, expected.mean, `${what} mean`);
    expectRelativelyClose(actual.sd, expected.sd, `${what} sd`);
  }
}

describe('Table 1 of GiBleed, celecoxib vs diclofenac new users, against an independent R computation', () => {
  it('matches every row: persons, age, bands, sex, top conditions and drugs, and the SMDs', async () => {
    const started = performance.now();
    const result = await characterize(db.task, 'gibleed', TARGET, COMPARATOR, { minCellCount: 0 });
    const elapsedMs = performance.now() - started;
    expect(result.targetPersons).toBe(reference.targetPersons);
    expect(result.comparatorPersons).toBe(reference.comparatorPersons);
    expect(result.rows.map((r) => [r.section, r.label, r.conceptId ?? null])).toEqual(reference.rows.map((r) => [r.section, r.label, r.conceptId]));
    result.rows.forEach((row, i) => {
      const expected = reference.rows[i]!;
      const what = `${row.section} ${row.label}`;
      expectCell(row.target, expected.target, `${what} (target)`);
      expectCell(row.comparator!, expected.comparator, `${what} (comparator)`);
      expectRelativelyClose(row.smd, expected.smd, `${what} SMD`);
    });
    // A few figures spelled out, so a regenerated reference cannot drift unnoticed.
    const byLabel = (label: string) => result.rows.find((r) => r.label === label)!;
    expect([byLabel('persons').target.display, byLabel('persons').comparator!.display]).toEqual(['1844', '850']);
    expect(byLabel('age at index, years').target.display).toBe('38.6 (3.3)');
    expect(byLabel('male').target.display).toBe('914 (49.6%)');
    expect(byLabel('celecoxib').smd).toBeNull(); // 100% vs 0%: no pooled SD
    console.log(`Table 1 of GiBleed (1,844 vs 850 persons): ${elapsedMs.toFixed(0)} ms`);
  });

  it('suppresses the small counts of the same table', async () => {
    const result = await characterize(db.task, 'gibleed', TARGET, COMPARATOR, {});
    const doxylamine = result.rows.find((r) => r.label === 'Doxylamine')!;
    expect(doxylamine.target.display).toBe('20 (1.1%)');
    expect(doxylamine.comparator).toEqual({ count: null, fraction: null, display: '<5' });
    expect(doxylamine.smd).toBeNull();
  });

  it('hides small age bands and the band beside them, so the persons cannot give them away', async () => {
    const min = 10;
    const result = await characterize(db.task, 'gibleed', TARGET, COMPARATOR, { minCellCount: min, ageBands: [0, 32] });
    // The bands counted on their own: age at the first era, year(start) − year_of_birth.
    const counted = await db.connection.runAndReadAll(`
      WITH first AS (SELECT drug_concept_id AS ingredient, person_id, min(drug_era_start_date) AS index_date
                     FROM gibleed.drug_era WHERE drug_concept_id IN (${CELECOXIB}, ${DICLOFENAC}) GROUP BY ALL)
      SELECT ingredient, count(*) FILTER (WHERE year(index_date) - year_of_birth < 32)::INTEGER,
             count(*) FILTER (WHERE year(index_date) - year_of_birth >= 32)::INTEGER, count(*)::INTEGER
      FROM first JOIN gibleed.person USING (person_id) GROUP BY ALL`);
    const bands = new Map(counted.getRowsJS().map((r) => [Number(r[0]), r.slice(1).map(Number)]));
    const cohorts = [{ cell: 'target', ingredient: CELECOXIB }, { cell: 'comparator', ingredient: DICLOFENAC }] as const;
    const bandRows = result.rows.filter((r) => r.section === 'age band');
    expect(bandRows.map((r) => r.label)).toEqual(['0–31', '32+']);
    for (const { cell, ingredient } of cohorts) {
      const [young, older, persons] = bands.get(ingredient)!;
      // only the youngest band is small (celecoxib 6, diclofenac 1): it reads <10; the other band would
      // give it away (persons − older) and reads —; both shares and SMDs are gone
      expect(young).toBeGreaterThan(0);
      expect(young).toBeLessThan(min);
      expect(older).toBeGreaterThanOrEqual(min);
      expect(bandRows.map((r) => r[cell]!.display)).toEqual([`<${min}`, '—']);
      expect(bandRows.every((r) => r[cell]!.count === null && r[cell]!.fraction === null && r.smd === null)).toBe(true);
      // what a reader sees: the persons (a constant), the bands, the age row's count (persons with an age)
      const age = result.rows.find((r) => r.section === 'age')![cell]!;
      const values = [age.count ?? persons!, young!, older!, 0];
      const kinds: CellKind[] = [age.count === null ? 'complementary' : 'shown', 'primary', 'complementary', 'shown'];
      const equations: CellEquation[] = [
        { total: { constant: persons! }, parts: [0, 3] }, // with an age + unknown (none)
        { total: { constant: persons! }, parts: [1, 2, 3] }, // the bands, unknown included
        { total: 0, parts: [1, 2] }, // persons with an age
      ];
      for (const equation of equations) expect(cellsPinnedByEquation(values, kinds, equation, min, persons! + 1)).toEqual([]);
      expect(cellsDeterminedBySystem(kinds, equations)).toEqual([]);
      expect(age.display).toMatch(/^\d+\.\d \(\d+\.\d\)$/); // the mean age stays shown
    }
    // the sexes split the cohorts with no small count: nothing hidden there
    expect(result.rows.filter((r) => r.section === 'sex').every((r) => r.target.count !== null && r.comparator!.count !== null)).toBe(true);
  });

  it('reads measurement values stored as text (GiBleed has none: the row is empty, not an error)', async () => {
    const result = await characterize(db.task, 'gibleed', TARGET, undefined, { measurements: [{ label: 'oral temperature', codes: { concepts: [3006322] } }] });
    const temperature = result.rows.find((r) => r.section === 'measurements')!;
    expect(temperature.target).toEqual({ count: 0, fraction: 0, mean: null, sd: null, display: '—' });
  });
});
