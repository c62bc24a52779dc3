/**
 * The SQL both outcome analyses stand on: each cohort member's time at risk and what the outcome cohort
 * says about it, one row per (cohort, person).
 *
 * Input contract: every cohort table (an outcome cohort too) has one row per person with
 * `person_id BIGINT, cohort_start_date DATE, cohort_end_date DATE, observation_start_date DATE,
 * observation_end_date DATE`; for an outcome cohort, `cohort_start_date` is the outcome date and the other
 * dates are not used. An outcome table may hold several rows per person (each an outcome date).
 *
 * Days are whole calendar days and both ends count (api.ts): the time at risk runs from
 * `anchor + tar.start` to `anchor + tar.end`, cut at `observation_end_date`, and a person followed from
 * 1 March to 10 March has 10 days at risk; an outcome on the first day of the time at risk ends it
 * after 1 day. This is OHDSI's convention (CohortIncidence's time at risk, CohortMethod's survival time,
 * both `end − start + 1`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../db/quote.js';
import type { TimeAtRisk } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

/** A cohort table as a quoted SQL name (e.g. `results."cohort_ab12"`) and the name to show for it. */
export interface CohortTable {
  table: string;
  label: string;
}

/** What happened to a member, in the order the rules apply; only `at risk` members are analysed. */
export const FATES = {
  inBoth: 'in both cohorts',
  priorOutcome: 'outcome before time at risk',
  noTime: 'no time at risk',
  atRisk: 'at risk',
} as const;

export const FOLLOW_UP_TABLE = 'pmw_outcome_follow_up';

/**
 * SQL for one row per (cohort, person): `cohort` (index into `cohorts`), `person_id`, `tar_start`,
 * `tar_end`, `outcome_date` (the first outcome inside the time at risk), `days` (days at risk up to and
 * including that outcome, else to the end of the time at risk; NULL when there is no time at risk) and
 * `fate` (one of FATES), and `repeated` (the person has two rows in one cohort table, against the
 * contract). A person in more than one cohort is `in both cohorts` in each; a person with an
 * outcome before the time at risk — in the `washoutDays` days before it when given, else ever — is
 * excluded next; then a person whose time at risk is empty (it ends before it starts, or a date is
 * missing).
 */
export function buildFollowUpSql(cohorts: CohortTable[], outcome: CohortTable, tar: TimeAtRisk, washoutDays?: number): string {
  checkTimeAtRisk(tar, washoutDays);
  const members = cohorts
    .map((c, i) => `SELECT ${i} AS cohort, person_id, cohort_start_date, cohort_end_date, observation_end_date FROM ${c.table}`)
    .join('\n    UNION ALL ');
  const anchor = (which: TimeAtRisk['startAnchor']) => (which === 'cohortEnd' ? 'cohort_end_date' : 'cohort_start_date');
  const priorWindow = washoutDays === undefined ? '' : ` AND o.cohort_start_date >= t.tar_start - ${washoutDays}`;
  return `WITH members AS (
    ${members}
  ), tar AS (
    SELECT cohort, person_id,
      ${anchor(tar.startAnchor)} + ${tar.start} AS tar_start,
      least(${anchor(tar.endAnchor)} + ${tar.end}, observation_end_date) AS tar_end
    FROM members
  ), outcomes AS (
    SELECT t.cohort, t.person_id,
      bool_or(o.cohort_start_date < t.tar_start${priorWindow}) AS prior_outcome,
      min(o.cohort_start_date) FILTER (WHERE o.cohort_start_date BETWEEN t.tar_start AND t.tar_end) AS outcome_date
    FROM tar t JOIN ${outcome.table} o ON o.person_id = t.person_id
    GROUP BY t.cohort, t.person_id
  ), multiple_rows AS (
    -- persons with more than one row: in both cohorts, or (against the contract) twice in one
    SELECT person_id, max(cohort) > min(cohort) AS in_both, count(*) > max(cohort) - min(cohort) + 1 AS repeated
    FROM members GROUP BY person_id HAVING count(*) > 1
  )
  SELECT t.cohort, t.person_id, t.tar_start, t.tar_end, o.outcome_date, coalesce(r.repeated, false) AS repeated,
    CASE WHEN t.tar_end >= t.tar_start THEN coalesce(o.outcome_date, t.tar_end) - t.tar_start + 1 END AS days,
    CASE
      WHEN coalesce(r.in_both, false) THEN ${quoteLiteral(FATES.inBoth)}
      WHEN coalesce(o.prior_outcome, false) THEN ${quoteLiteral(FATES.priorOutcome)}
      WHEN NOT coalesce(t.tar_end >= t.tar_start, false) THEN ${quoteLiteral(FATES.noTime)}
      ELSE ${quoteLiteral(FATES.atRisk)}
    END AS fate
  FROM tar t
  LEFT JOIN outcomes o ON o.cohort = t.cohort AND o.person_id = t.person_id
  LEFT JOIN multiple_rows r ON r.person_id = t.person_id`;
}

function checkTimeAtRisk(tar: TimeAtRisk, washoutDays: number | undefined): void {
  for (const [name, value] of [['tar.start', tar.start], ['tar.end', tar.end]] as const) {
    if (!Number.isInteger(value)) throw badRequest(`${name} is ${value}; the time at risk is given in whole days`);
  }
  for (const [name, value] of [['tar.startAnchor', tar.startAnchor], ['tar.endAnchor', tar.endAnchor]] as const) {
    if (value !== undefined && value !== 'cohortStart' && value !== 'cohortEnd') throw badRequest(`${name} is ${JSON.stringify(value)}; use "cohortStart" or "cohortEnd"`);
  }
  if (washoutDays !== undefined && !(Number.isInteger(washoutDays) && washoutDays >= 0)) {
    throw badRequest(`washoutDays is ${washoutDays}; it is a whole number of days ≥ 0`);
  }
}

/** Checks the minimum cell count and fills in the default (5). */
export function resolveMinCellCount(minCellCount: number | undefined): number {
  const value = minCellCount ?? 5;
  if (!(Number.isInteger(value) && value >= 0)) throw badRequest(`minCellCount is ${value}; it is a whole number ≥ 0 (0 shows every count)`);
  return value;
}

function badRequest(message: string): PmwError {
  return new PmwError({ code: 'BAD_REQUEST', message, hint: 'fix the analysis spec and run it again' });
}

/**
 * Materialises the follow-up in a temporary table of the task's connection (FOLLOW_UP_TABLE), after
 * checking the contract's one row per person in each cohort table.
 */
export async function createFollowUpTable(
  connection: DuckDBConnection,
  cohorts: CohortTable[],
  outcome: CohortTable,
  tar: TimeAtRisk,
  washoutDays?: number,
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${FOLLOW_UP_TABLE} AS ${buildFollowUpSql(cohorts, outcome, tar, washoutDays)}`);
  const anyRepeated = await connection.runAndReadAll(`SELECT bool_or(repeated) FROM ${FOLLOW_UP_TABLE}`);
  if (anyRepeated.getRowsJS()[0]?.[0] !== true) return;
  const duplicated = await connection.runAndReadAll(
    `SELECT cohort, count(*) - count(DISTINCT person_id) FROM ${FOLLOW_UP_TABLE} GROUP BY cohort HAVING count(*) > count(DISTINCT person_id) ORDER BY cohort LIMIT 1`);
  const first = duplicated.getRowsJS()[0];
  if (first) {
    const cohort = cohorts[Number(first[0])]!;
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `cohort ${cohort.label} (${cohort.table}) has ${Number(first[1])} more rows than persons; an outcome analysis needs one row per person`,
      hint: 'keep each person\'s first entry (the cohort builder does)',
    });
  }
}

/** Drops the follow-up table; it is temporary and goes with the connection anyway, so a failure here must not hide the error that brought us here. */
export async function dropFollowUpTable(connection: DuckDBConnection): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${FOLLOW_UP_TABLE}`).catch(() => undefined);
}
