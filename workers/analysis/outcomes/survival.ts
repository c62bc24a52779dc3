/**
 * Survival after cohort entry: follow-up assembled in DuckDB, read back as typed arrays, then Kaplan–Meier
 * per cohort, numbers at risk and, with a comparator, the log-rank test and a Cox hazard ratio
 * (workers/stats/survival).
 */
import { readFloat64Columns } from '../../db/typed-columns.js';
import { quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { KaplanMeierCurve, SurvivalResult, SurvivalSpec, TimeAtRisk } from '../../engine/api.js';
import { analyseFollowUp, type FollowUpAnalysis } from '../../stats/survival/analyse-follow-up.js';
import { isSuppressed } from '../characterize/table1-cells.js';
import { createFollowUpTable, dropFollowUpTable, FATES, FOLLOW_UP_TABLE, resolveMinCellCount, type CohortTable } from './follow-up-sql.js';

/** Follow-up when the spec gives none: from cohort start to cohort end. */
export const DEFAULT_FOLLOW_UP: TimeAtRisk = { start: 0, end: 0, startAnchor: 'cohortStart', endAnchor: 'cohortEnd' };

/**
 * Kaplan–Meier curves of `target` (and `comparator`) for the time to `outcome`, with the log-rank test and
 * a Cox model of comparator against target when there is a comparator.
 *
 * Follow-up runs from the start of `spec.tar` (default: cohort start to cohort end) to the first outcome
 * inside it (an event), else to its end, cut at the end of observation (censored). Times are days at risk
 * with both ends counted (an outcome on the first day is at time 1; follow-up-sql.ts). Left out, in
 * this order and counted in `excluded`: persons in both target and comparator (from both, with a warning),
 * persons with an outcome before follow-up starts, persons with no follow-up time.
 *
 * `minCellCount` (default 5; 0 shows all) nulls the numbers at risk between 0 and it. It does not touch the
 * curves: their steps are what was asked for, and each step's counts are shown as they are. Numbers at
 * risk are given at `spec.atRiskTimes`, by default every tenth of the longest follow-up (whole days).
 * When the Cox model has no finite estimate (every outcome, while both cohorts were at risk, in one of
 * them) or none at all, `cox` is left out and a warning says why.
 */
export async function runSurvival(
  task: Task,
  target: CohortTable,
  outcome: CohortTable,
  comparator: CohortTable | undefined,
  spec: Omit<SurvivalSpec, 'target' | 'outcome' | 'comparator'>,
): Promise<Omit<SurvivalResult, 'elapsedMs'>> {
  const minCellCount = resolveMinCellCount(spec.minCellCount);
  const cohorts = comparator ? [target, comparator] : [target];
  try {
    await task.runWithProgress('reading', `following ${cohorts.map((c) => c.label).join(' and ')} up to ${outcome.label}`, () =>
      createFollowUpTable(task.connection, cohorts, outcome, spec.tar ?? DEFAULT_FOLLOW_UP));
    task.throwIfCancelled();
    const excluded = await countExclusions(task);
    const atRiskPersons = excluded.atRisk;
    task.report('reading', null, `reading the follow-up of ${atRiskPersons.toLocaleString('en-US')} persons`);
    const [time, status, group] = await readFloat64Columns(task.connection,
      `SELECT days::DOUBLE, (outcome_date IS NOT NULL)::DOUBLE, cohort::DOUBLE FROM ${FOLLOW_UP_TABLE} WHERE fate = ${quoteLiteral(FATES.atRisk)}`, atRiskPersons);
    task.throwIfCancelled();
    task.report('finishing', null, 'Kaplan–Meier curves, log-rank test and Cox model');
    const atRiskTimes = spec.atRiskTimes ?? everyTenthOf(maxOf(time!));
    const analysis = analyseFollowUp({ time: time!, status: status!, group: group! }, {
      groups: cohorts.length, scale: spec.confType ?? 'log', ties: spec.ties ?? 'efron', atRiskTimes,
    });
    const warnings = exclusionWarnings(excluded.counts, cohorts);
    return {
      curves: analysis.curves.map((curve, g) => curveOf(curve, cohorts[g]!.label)),
      atRisk: Array.from(atRiskTimes, (t, k) => ({ time: t, counts: analysis.atRisk.map((counts) => suppressed(counts[k]!, minCellCount)) })),
      ...comparisons(analysis, atRiskPersons, warnings),
      excluded: excluded.counts,
      minCellCount,
      warnings,
    };
  } finally {
    await dropFollowUpTable(task.connection);
  }
}

async function countExclusions(task: Task): Promise<{ counts: SurvivalResult['excluded']; atRisk: number }> {
  const count = (fate: string) => `count(*) FILTER (WHERE fate = ${quoteLiteral(fate)})::DOUBLE`;
  const reader = await task.connection.runAndReadAll(`SELECT
      count(DISTINCT person_id) FILTER (WHERE fate = ${quoteLiteral(FATES.inBoth)})::DOUBLE,
      ${count(FATES.priorOutcome)}, ${count(FATES.noTime)}, ${count(FATES.atRisk)}
    FROM ${FOLLOW_UP_TABLE}`);
  const [inBothCohorts, priorOutcome, noTime, atRisk] = reader.getRowsJS()[0]!.map(Number) as number[];
  return { counts: { priorOutcome: priorOutcome!, inBothCohorts: inBothCohorts!, noTime: noTime! }, atRisk: atRisk! };
}

function exclusionWarnings(excluded: SurvivalResult['excluded'], cohorts: CohortTable[]): string[] {
  if (excluded.inBothCohorts === 0) return [];
  const [target, comparator] = cohorts;
  const persons = excluded.inBothCohorts === 1 ? '1 person is' : `${excluded.inBothCohorts.toLocaleString('en-US')} persons are`;
  return [`${persons} in both ${target!.label} and ${comparator!.label}, and left out of both`];
}

function comparisons(analysis: FollowUpAnalysis, persons: number, warnings: string[]): Pick<SurvivalResult, 'logRank' | 'cox'> {
  const out: Pick<SurvivalResult, 'logRank' | 'cox'> = {};
  const logRank = analysis.logRank;
  if (logRank && logRank.df > 0) {
    out.logRank = { chisq: logRank.chisq, df: logRank.df, p: logRank.p, observed: Array.from(logRank.observed), expected: Array.from(logRank.expected) };
  } else if (logRank) {
    warnings.push('no log-rank test: it needs persons of both cohorts at risk when outcomes happen');
  }
  const cox = analysis.cox;
  if (cox?.status === 'fitted') {
    const { status: _status, iterations: _iterations, ...fit } = cox;
    out.cox = { ...fit, persons };
  } else if (cox) {
    warnings.push(`no Cox hazard ratio: ${cox.message}`);
  }
  return out;
}

function curveOf(curve: FollowUpAnalysis['curves'][number], label: string): KaplanMeierCurve {
  const { time, nRisk, nEvent, nCensor, surv, lower, upper, median, medianLower, medianUpper, persons, events } = curve;
  return { label, persons, events, time, nRisk, nEvent, nCensor, surv, lower, upper, median, medianLower, medianUpper };
}

function suppressed(count: number, minCellCount: number): number | null {
  return isSuppressed(count, minCellCount) ? null : count;
}

/** 0, 10%, …, 100% of the longest follow-up, rounded to whole days, without repeats. */
export function everyTenthOf(longest: number): number[] {
  return [...new Set(Array.from({ length: 11 }, (_, k) => Math.round((longest * k) / 10)))];
}

function maxOf(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
