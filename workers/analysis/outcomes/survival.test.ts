import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../db/tasks.js';
import { COMPARATOR, handMadeCohorts, OUTCOME, TARGET } from './hand-made-cohorts.js';
import { everyTenthOf, runSurvival } from './survival.js';

// The cohorts and why each person is there: hand-made-cohorts.ts. Follow-up (default) runs from cohort
// start to cohort end, days counted with both ends.

let task: Task;
let close: () => void;
beforeAll(async () => ({ task, close } = await handMadeCohorts()));
afterAll(() => close());

describe('survival on hand-made cohorts', () => {
  it('follow-up, exclusions, Kaplan–Meier and log-rank worked out by hand', async () => {
    const result = await runSurvival(task, TARGET, OUTCOME, COMPARATOR, { minCellCount: 0 });
    // Target at risk: 6 event at 1 (outcome on index day), 7 event at 32, 4 censored at 60 (cohort and
    //   observation end 2020-02-29; its outcome came later), 1 event at 61, 8 censored at 730
    //   (2021-01-01 → 2022-12-31). Comparator at risk: 20 event at 32, 21 censored at 91 (cohort end
    //   2020-03-31), 22 censored at 366 (its outcome came after cohort end).
    // Excluded: 2 (in both), 3, 9 and 23 (outcome before index), 5 (no time).
    expect(result.excluded).toEqual({ inBothCohorts: 1, priorOutcome: 3, noTime: 1 });
    expect(result.warnings).toEqual(['1 person is in both target and comparator, and left out of both']);
    const [target, comparator] = result.curves;
    expect(target).toMatchObject({ label: 'target', persons: 5, events: 3, median: 61 });
    expect(Array.from(target!.time)).toEqual([1, 32, 60, 61, 730]);
    expect(Array.from(target!.nRisk)).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(target!.nEvent)).toEqual([1, 1, 0, 1, 0]);
    // S = 4/5, then × 3/4, then (censoring) unchanged, then × 1/2
    expect(Array.from(target!.surv)).toEqual([0.8, 0.8 * 0.75, 0.8 * 0.75, 0.8 * 0.75 * 0.5, 0.8 * 0.75 * 0.5]);
    expect(comparator).toMatchObject({ label: 'comparator', persons: 3, events: 1, median: null });
    expect(Array.from(comparator!.time)).toEqual([32, 91, 366]);
    expect(Array.from(comparator!.surv)).toEqual([2 / 3, 2 / 3, 2 / 3]);
    // Log-rank, at each event time E_g += n_g·d/n: t=1 (n 5+3, d 1), t=32 (n 4+3, d 2), t=61 (n 2+2, d 1).
    const expected0 = 5 / 8 + (2 * 4) / 7 + 2 / 4;
    expect(result.logRank!.observed).toEqual([3, 1]);
    expect(result.logRank!.expected[0]).toBeCloseTo(expected0, 12);
    expect(result.logRank!.expected[1]).toBeCloseTo(4 - expected0, 12);
    expect(result.logRank!.df).toBe(1);
    expect(result.cox).toMatchObject({ ties: 'efron', persons: 8, events: 4 });
  });

  it('numbers at risk every tenth of the longest follow-up, small counts suppressed', async () => {
    const result = await runSurvival(task, TARGET, OUTCOME, COMPARATOR, { minCellCount: 3 });
    expect(result.atRisk.map((a) => a.time)).toEqual([0, 73, 146, 219, 292, 365, 438, 511, 584, 657, 730]);
    // target times 1, 32, 60, 61, 730; comparator 32, 91, 366
    expect(result.atRisk.slice(0, 3)).toEqual([
      { time: 0, counts: [5, 3] }, { time: 73, counts: [null, null] }, { time: 146, counts: [null, null] },
    ]);
    expect(result.atRisk.at(-1)).toEqual({ time: 730, counts: [null, 0] });
    const shown = await runSurvival(task, TARGET, OUTCOME, COMPARATOR, { minCellCount: 0, atRiskTimes: [0, 32, 33, 366, 367] });
    expect(shown.atRisk).toEqual([
      { time: 0, counts: [5, 3] }, { time: 32, counts: [4, 3] }, { time: 33, counts: [3, 2] },
      { time: 366, counts: [1, 1] }, { time: 367, counts: [1, 0] },
    ]);
  });

  it('without a comparator: one curve, no comparisons; a person in both is then just a member', async () => {
    const result = await runSurvival(task, TARGET, OUTCOME, undefined, { tar: { start: 0, end: 365 }, confType: 'plain', minCellCount: 0 });
    // Person 2 is back: observation ends 2020-04-30 → censored at 121.
    expect(result.curves).toHaveLength(1);
    expect(Array.from(result.curves[0]!.time)).toEqual([1, 32, 60, 61, 121, 366]);
    expect(result.excluded).toEqual({ inBothCohorts: 0, priorOutcome: 2, noTime: 1 });
    expect(result.logRank).toBeUndefined();
    expect(result.cox).toBeUndefined();
  });

  it('reports a Cox model without a finite estimate instead of a number', async () => {
    // Outcome = the comparator's own entry: every comparator person has it at day 1, no target person does.
    const entry = { table: 'results."comparator"', label: 'comparator entry' };
    const result = await runSurvival(task, TARGET, entry, COMPARATOR, { minCellCount: 0 });
    expect(result.cox).toBeUndefined();
    expect(result.warnings).toContainEqual(expect.stringMatching(/^no Cox hazard ratio: .*only comparator persons had the outcome/));
  });

  it('everyTenthOf rounds to whole days and drops repeats', () => {
    expect(everyTenthOf(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(everyTenthOf(0)).toEqual([0]);
  });
});
