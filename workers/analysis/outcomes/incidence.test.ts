import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../db/tasks.js';
import { handMadeCohorts, OUTCOME, TARGET } from './hand-made-cohorts.js';
import { runIncidence } from './incidence.js';

// The cohorts and why each person is there: hand-made-cohorts.ts. Days at risk count both ends.

let task: Task;
let close: () => void;
beforeAll(async () => ({ task, close } = await handMadeCohorts()));
afterAll(() => close());

const FIRST_YEAR = { start: 0, end: 365 };

describe('incidence on hand-made cohorts', () => {
  it('first year after index, outcome ever before index excluded', async () => {
    const result = await runIncidence(task, TARGET, OUTCOME, { tar: FIRST_YEAR, minCellCount: 0 });
    // At risk, days from index to the outcome or to index + 365 cut at observation end, both ends counted:
    //   1: outcome 2020-03-01 → 61;  2: observation ends 2020-04-30 → 121;  4: observation ends 2020-02-29 → 60
    //   (its outcome on 2020-05-01 is after that);  6: outcome on the index day → 1;  7: first outcome
    //   2020-08-01 → 32;  8: 2021-01-01 + 365 = 2022-01-01 → 366.  Excluded: 3 and 9 (outcome before
    //   index), 5 (observation ended before index).
    expect(result).toMatchObject({ persons: 9, excludedPriorOutcome: 2, excludedNoTime: 1, personsAtRisk: 6, outcomes: 3, minCellCount: 0, warnings: [] });
    expect(result.personYears).toBeCloseTo((61 + 121 + 60 + 1 + 32 + 366) / 365.25, 12);
    expect(result.rate).toBeCloseTo((3 / (641 / 365.25)) * 1000, 10);
    // R: poisson.test(3, 641 / 365.25)$conf.int * 1000
    expect(Math.abs(result.lower! / 352.52728999628465 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(result.upper! / 4995.70435058250132 - 1)).toBeLessThan(1e-9);
    expect(result.proportion).toBe(3 / 6);
  });

  it('a washout window excludes only outcomes inside it', async () => {
    // Person 3's outcome was 214 days before index, outside 180 days: at risk to 2020-12-31 (obs end), 366 days.
    // Person 9's, 31 days before, still excludes.
    const result = await runIncidence(task, TARGET, OUTCOME, { tar: FIRST_YEAR, washoutDays: 180, minCellCount: 0 });
    expect(result).toMatchObject({ persons: 9, excludedPriorOutcome: 1, excludedNoTime: 1, personsAtRisk: 7, outcomes: 3 });
    expect(result.personYears * 365.25).toBeCloseTo(641 + 366, 9);
    // R: poisson.test(3, 1007 / 365.25)$conf.int * 1000
    expect(Math.abs(result.lower! / 224.39919849813157 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(result.upper! / 3179.98658264486903 - 1)).toBeLessThan(1e-9);
  });

  it('suppresses a count of outcomes below the minimum cell count, with a warning', async () => {
    const result = await runIncidence(task, TARGET, OUTCOME, { tar: FIRST_YEAR });
    expect(result).toMatchObject({ minCellCount: 5, outcomes: null, rate: null, lower: null, upper: null, proportion: null, personsAtRisk: 6 });
    expect(result.warnings).toEqual([expect.stringMatching(/fewer than 5 persons had the outcome.*suppressed/)]);
    expect((await runIncidence(task, TARGET, OUTCOME, { tar: FIRST_YEAR, minCellCount: 3 })).outcomes).toBe(3);
  });

  it('anchors: from 30 days after cohort start to cohort end', async () => {
    const result = await runIncidence(task, TARGET, OUTCOME, { tar: { start: 30, end: 0, endAnchor: 'cohortEnd' }, minCellCount: 0 });
    // At risk: 1: 2020-01-31 → outcome 2020-03-01 = 31 days; 2: 2020-01-31 → obs end 2020-04-30 = 91;
    //   4: 2020-01-31 → 2020-02-29 = 30; 7: 2020-07-31 → outcome 2020-08-01 = 2;
    //   8: 2021-01-31 → 2022-12-31 = 700.  Prior outcome: 3, 9 and 6 (on the index day, now before the
    //   time at risk).  No time: 5.
    expect(result).toMatchObject({ persons: 9, excludedPriorOutcome: 3, excludedNoTime: 1, personsAtRisk: 5, outcomes: 2 });
    expect(result.personYears * 365.25).toBeCloseTo(31 + 91 + 30 + 2 + 700, 9);
  });

  it('refuses a cohort table with two rows for a person, and a bad time at risk', async () => {
    await expect(runIncidence(task, OUTCOME, TARGET, { tar: FIRST_YEAR })).rejects.toThrow(/cohort the outcome .* has 1 more rows than persons/);
    await expect(runIncidence(task, TARGET, OUTCOME, { tar: { start: 0.5, end: 10 } })).rejects.toThrow(/whole days/);
    await expect(runIncidence(task, TARGET, OUTCOME, { tar: FIRST_YEAR, minCellCount: -1 })).rejects.toThrow(/minCellCount/);
  });

  it('stops when the task is cancelled, leaving no table behind', async () => {
    task.cancelled = true;
    try {
      await expect(runIncidence(task, TARGET, OUTCOME, { tar: FIRST_YEAR })).rejects.toMatchObject({ code: 'CANCELLED' });
    } finally {
      task.cancelled = false;
    }
    const tables = await task.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'pmw_outcome_follow_up'`);
    expect(tables.getRowsJS()[0]![0]).toBe(0);
  });
});
