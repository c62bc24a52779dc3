import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../db/tasks.js';
import { expectClose, expectCurveLikeR } from '../../stats/survival/reference/expect-like-r.js';
import { readSurvivalReference } from '../../stats/survival/reference/load-reference.js';
import { gibleedConnection } from '../cohort/testing.js';
import { runIncidence } from './incidence.js';
import { runSurvival } from './survival.js';

// Expected values: workers/stats/survival/reference/survival_reference.R, which rebuilds the same cohorts
// from CSV copies of the GiBleed tables in base R and runs R survival's survfit, survdiff and coxph and
// poisson.test on them (its output, survival_reference.json, is committed). The cohorts here are plain SQL:
//   target: each person's first celecoxib (1118084) drug era, kept when inside an observation period;
//   comparator: the same for diclofenac (1124300); cohort end = end of that observation period;
//   outcome: each person's first condition occurrence of a descendant of GI hemorrhage (192671).

const reference = readSurvivalReference().gibleed;
const TARGET = { table: 'results.celecoxib', label: 'celecoxib' };
const COMPARATOR = { table: 'results.diclofenac', label: 'diclofenac' };
const OUTCOME = { table: 'results.gi_bleed', label: 'GI bleeding' };

function newUsersSql(name: string, ingredient: number): string {
  return `CREATE TABLE results.${name} AS
    WITH first_era AS (
      SELECT person_id, min(drug_era_start_date) AS index_date FROM gibleed.drug_era WHERE drug_concept_id = ${ingredient} GROUP BY person_id
    )
    SELECT f.person_id, f.index_date AS cohort_start_date, op.observation_period_end_date AS cohort_end_date,
      op.observation_period_start_date AS observation_start_date, op.observation_period_end_date AS observation_end_date
    FROM first_era f JOIN gibleed.observation_period op
      ON op.person_id = f.person_id AND f.index_date BETWEEN op.observation_period_start_date AND op.observation_period_end_date`;
}

const OUTCOME_SQL = `CREATE TABLE results.gi_bleed AS
  SELECT co.person_id, min(co.condition_start_date) AS cohort_start_date, min(co.condition_start_date) AS cohort_end_date,
    NULL::DATE AS observation_start_date, NULL::DATE AS observation_end_date
  FROM gibleed.condition_occurrence co
  JOIN gibleed.concept_ancestor ca ON ca.descendant_concept_id = co.condition_concept_id AND ca.ancestor_concept_id = 192671
  GROUP BY co.person_id`;

let task: Task;
let close: () => void;
beforeAll(async () => {
  const db = await gibleedConnection(['drug_era', 'observation_period', 'condition_occurrence', 'concept_ancestor']);
  ({ task, close } = db);
  await db.connection.run(`CREATE SCHEMA results; ${newUsersSql('celecoxib', 1118084)}; ${newUsersSql('diclofenac', 1124300)}; ${OUTCOME_SQL}`);
});
afterAll(() => close());

describe('outcomes on Eunomia GiBleed, against R survival on independently rebuilt cohorts', () => {
  it('celecoxib vs diclofenac: Kaplan–Meier, numbers at risk, log-rank and Cox (Efron) as R', async () => {
    const result = await runSurvival(task, TARGET, OUTCOME, COMPARATOR, { minCellCount: 0 });
    expect(result.excluded).toEqual({ inBothCohorts: reference.excluded.in_both, priorOutcome: reference.excluded.prior_outcome, noTime: reference.excluded.no_time });
    expect(result.curves.map((c) => c.persons)).toEqual(reference.persons);
    result.curves.forEach((curve, g) => expectCurveLikeR(curve, reference.km.log.groups[g]!, curve.label));
    expect(result.atRisk.map((a) => a.time)).toEqual(reference.at_risk_times);
    expect(result.atRisk.map((a) => a.counts)).toEqual(reference.at_risk_times.map((_, k) => reference.at_risk.groups.map((counts) => counts[k])));
    const logRank = result.logRank!;
    expect(logRank.observed).toEqual(reference.log_rank.observed);
    expectClose([...logRank.expected, logRank.chisq, logRank.p], [...reference.log_rank.expected, reference.log_rank.chisq, reference.log_rank.p], 'log-rank');
    const r = reference.cox!.efron;
    const cox = result.cox!;
    expectClose([cox.coef, cox.se, cox.z, cox.p, cox.hazardRatio, cox.lower, cox.upper], [r.coef, r.se, r.z, r.p, r.hazard_ratio, r.lower, r.upper], 'Cox', 1e-10);
    expect(cox.persons).toBe(reference.persons.reduce((a, b) => a + b, 0));
    expect(cox.events).toBe(reference.log_rank.observed.reduce((a, b) => a + b, 0));
  });

  it('Breslow ties as R', async () => {
    const { cox } = await runSurvival(task, TARGET, OUTCOME, COMPARATOR, { ties: 'breslow' });
    const r = reference.cox!.breslow;
    expectClose([cox!.coef, cox!.se, cox!.lower, cox!.upper], [r.coef, r.se, r.lower, r.upper], 'Cox (Breslow)', 1e-10);
  });

  it('incidence of GI bleeding in the first year of celecoxib, as R', async () => {
    const result = await runIncidence(task, TARGET, OUTCOME, { tar: { start: 0, end: 365 } });
    const r = reference.incidence_first_year;
    expect(result).toMatchObject({
      persons: r.persons, excludedPriorOutcome: r.excluded_prior_outcome, excludedNoTime: r.excluded_no_time,
      personsAtRisk: r.persons_at_risk, outcomes: r.outcomes, warnings: [],
    });
    expectClose([result.personYears, result.rate!, result.lower!, result.upper!], [r.person_years, r.rate, r.lower, r.upper], 'incidence');
  });
});
