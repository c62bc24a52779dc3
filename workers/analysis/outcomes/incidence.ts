/**
 * Incidence rate of an outcome in a cohort's time at risk: all counting in DuckDB, then the rate per
 * 1,000 person-years with its exact Poisson interval.
 */
import type { Task } from '../../db/tasks.js';
import type { IncidenceResult, IncidenceSpec } from '../../engine/api.js';
import { exactPoissonInterval } from '../../stats/survival/exact-poisson.js';
import { isSuppressed } from '../characterize/table1-cells.js';
import { createFollowUpTable, dropFollowUpTable, FATES, FOLLOW_UP_TABLE, resolveMinCellCount, type CohortTable } from './follow-up-sql.js';
import { quoteLiteral } from '../../db/quote.js';

/** Days in a year for person-years: the mean Julian year, as OHDSI's CohortIncidence divides. */
export const DAYS_PER_YEAR = 365.25;

/**
 * The incidence of `outcome` in `target`'s time at risk (`spec.tar`, cut at the end of observation).
 *
 * Who counts: every target member (`persons`); left out are, in this order, persons with an outcome before
 * their time at risk (in the `washoutDays` days before it when given, else ever: `excludedPriorOutcome`)
 * and persons whose time at risk is empty (`excludedNoTime`); the rest are `personsAtRisk`. A person's
 * time stops at the first outcome inside the time at risk, so `outcomes` counts persons.
 * Person-years are days at risk (both ends counted, follow-up-sql.ts) / 365.25. The rate is per 1,000
 * person-years with the exact Poisson (Garwood) 95% interval; `proportion` is outcomes / persons at risk.
 * A count of outcomes below `minCellCount` (default 5; 0 shows all) but above 0 is returned as null, as
 * are the rate, its interval and the proportion, and a warning says so.
 */
export async function runIncidence(
  task: Task,
  target: CohortTable,
  outcome: CohortTable,
  spec: Omit<IncidenceSpec, 'target' | 'outcome'>,
): Promise<Omit<IncidenceResult, 'elapsedMs'>> {
  const minCellCount = resolveMinCellCount(spec.minCellCount);
  try {
    await task.runWithProgress('reading', `finding the time at risk of ${target.label} and its ${outcome.label} outcomes`, () =>
      createFollowUpTable(task.connection, [target], outcome, spec.tar, spec.washoutDays));
    task.throwIfCancelled();
    task.report('finishing', null, 'counting persons, outcomes and person-time');
    const counts = await countIncidence(task);
    return incidenceResult(counts, minCellCount, outcome.label);
  } finally {
    await dropFollowUpTable(task.connection);
  }
}

interface IncidenceCounts {
  persons: number;
  excludedPriorOutcome: number;
  excludedNoTime: number;
  personsAtRisk: number;
  outcomes: number;
  personDays: number;
}

async function countIncidence(task: Task): Promise<IncidenceCounts> {
  const atRisk = `fate = ${quoteLiteral(FATES.atRisk)}`;
  const reader = await task.connection.runAndReadAll(`SELECT
      count(*)::DOUBLE,
      count(*) FILTER (WHERE fate = ${quoteLiteral(FATES.priorOutcome)})::DOUBLE,
      count(*) FILTER (WHERE fate = ${quoteLiteral(FATES.noTime)})::DOUBLE,
      count(*) FILTER (WHERE ${atRisk})::DOUBLE,
      count(*) FILTER (WHERE ${atRisk} AND outcome_date IS NOT NULL)::DOUBLE,
      coalesce(sum(days) FILTER (WHERE ${atRisk}), 0)::DOUBLE
    FROM ${FOLLOW_UP_TABLE}`);
  const [persons, excludedPriorOutcome, excludedNoTime, personsAtRisk, outcomes, personDays] = reader.getRowsJS()[0]!.map(Number) as number[];
  return { persons: persons!, excludedPriorOutcome: excludedPriorOutcome!, excludedNoTime: excludedNoTime!, personsAtRisk: personsAtRisk!, outcomes: outcomes!, personDays: personDays! };
}

function incidenceResult(counts: IncidenceCounts, minCellCount: number, outcomeLabel: string): Omit<IncidenceResult, 'elapsedMs'> {
  const { personDays, outcomes, ...persons } = counts;
  const personYears = personDays / DAYS_PER_YEAR;
  const warnings: string[] = [];
  const base = { ...persons, personYears, minCellCount, warnings };
  if (isSuppressed(outcomes, minCellCount)) {
    warnings.push(`fewer than ${minCellCount} persons had ${outcomeLabel}: the count, rate, interval and proportion are suppressed (minCellCount ${minCellCount})`);
    return { ...base, outcomes: null, rate: null, lower: null, upper: null, proportion: null };
  }
  if (personYears === 0) {
    warnings.push('no person-time at risk: no rate can be given');
    return { ...base, outcomes, rate: null, lower: null, upper: null, proportion: null };
  }
  const interval = exactPoissonInterval(outcomes, personYears);
  return {
    ...base, outcomes,
    rate: (outcomes / personYears) * 1000, lower: interval.lower * 1000, upper: interval.upper * 1000,
    proportion: outcomes / counts.personsAtRisk,
  };
}
