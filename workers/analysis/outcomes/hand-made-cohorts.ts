/**
 * Test fixture: tiny cohort tables in an in-memory DuckDB, each person chosen for one rule of the outcome
 * analyses, so the right answers can be worked out by hand (the tests say how).
 *
 * target (person: cohort start → end, observation end; outcome dates):
 *   1  2020-01-01 → 2020-12-31, obs 2021-12-31; outcome 2020-03-01 (day 61 of follow-up, 2020 is a leap year)
 *   2  2020-01-01 → 2020-06-30, obs 2020-04-30; none (also in the comparator)
 *   3  2020-01-01 → 2020-12-31, obs 2020-12-31; outcome 2019-06-01 (214 days before index)
 *   4  2020-01-01 → 2020-02-29, obs 2020-02-29; outcome 2020-05-01 (after observation ended)
 *   5  2020-01-01 → 2020-01-01, obs 2019-12-31; none (observation ended before index: no time)
 *   6  2021-03-10 → 2021-12-31, obs 2022-06-30; outcome 2021-03-10 (on the index day)
 *   7  2020-07-01 → 2020-12-31, obs 2022-12-31; outcomes 2020-08-01 and 2020-09-01 (the first counts)
 *   8  2021-01-01 → 2022-12-31, obs 2023-06-30; none
 *   9  2020-01-01 → 2020-12-31, obs 2021-12-31; outcome 2019-12-01 (31 days before index)
 * comparator:
 *   2  as in the target
 *  20  2020-01-01 → 2020-12-31, obs 2021-12-31; outcome 2020-02-01 (day 32)
 *  21  2020-01-01 → 2020-03-31, obs 2021-12-31; none
 *  22  2020-01-01 → 2020-12-31, obs 2021-12-31; outcome 2021-01-15 (after cohort end)
 *  23  2020-01-01 → 2020-12-31, obs 2021-12-31; outcome 2019-01-01 (before index)
 * The outcome table also has person 99, in no cohort.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Task } from '../../db/tasks.js';
import type { CohortTable } from './follow-up-sql.js';

const COHORT_COLUMNS = 'person_id, cohort_start_date, cohort_end_date, observation_start_date, observation_end_date';

function cohortSql(name: string, rows: [number, string, string, string][]): string {
  const values = rows.map(([id, start, end, obsEnd]) => `(${id}, DATE '${start}', DATE '${end}', DATE '2019-01-01', DATE '${obsEnd}')`).join(',\n  ');
  return `CREATE TABLE results.${name} AS SELECT person_id::BIGINT AS person_id, cohort_start_date, cohort_end_date, observation_start_date, observation_end_date
FROM (VALUES ${values}) t(${COHORT_COLUMNS});`;
}

const SETUP = `CREATE SCHEMA results;
${cohortSql('target', [
  [1, '2020-01-01', '2020-12-31', '2021-12-31'],
  [2, '2020-01-01', '2020-06-30', '2020-04-30'],
  [3, '2020-01-01', '2020-12-31', '2020-12-31'],
  [4, '2020-01-01', '2020-02-29', '2020-02-29'],
  [5, '2020-01-01', '2020-01-01', '2019-12-31'],
  [6, '2021-03-10', '2021-12-31', '2022-06-30'],
  [7, '2020-07-01', '2020-12-31', '2022-12-31'],
  [8, '2021-01-01', '2022-12-31', '2023-06-30'],
  [9, '2020-01-01', '2020-12-31', '2021-12-31'],
])}
${cohortSql('comparator', [
  [2, '2020-01-01', '2020-06-30', '2020-04-30'],
  [20, '2020-01-01', '2020-12-31', '2021-12-31'],
  [21, '2020-01-01', '2020-03-31', '2021-12-31'],
  [22, '2020-01-01', '2020-12-31', '2021-12-31'],
  [23, '2020-01-01', '2020-12-31', '2021-12-31'],
])}
${cohortSql('outcome', [
  [1, '2020-03-01', '2020-03-01', '2021-12-31'],
  [3, '2019-06-01', '2019-06-01', '2020-12-31'],
  [4, '2020-05-01', '2020-05-01', '2020-12-31'],
  [6, '2021-03-10', '2021-03-10', '2022-06-30'],
  [7, '2020-08-01', '2020-08-01', '2022-12-31'],
  [7, '2020-09-01', '2020-09-01', '2022-12-31'],
  [9, '2019-12-01', '2019-12-01', '2021-12-31'],
  [20, '2020-02-01', '2020-02-01', '2021-12-31'],
  [22, '2021-01-15', '2021-01-15', '2021-12-31'],
  [23, '2019-01-01', '2019-01-01', '2021-12-31'],
  [99, '2020-01-01', '2020-01-01', '2021-12-31'],
])}`;

export const TARGET: CohortTable = { table: 'results."target"', label: 'target' };
export const COMPARATOR: CohortTable = { table: 'results."comparator"', label: 'comparator' };
export const OUTCOME: CohortTable = { table: 'results."outcome"', label: 'the outcome' };

export async function handMadeCohorts(): Promise<{ task: Task; connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(SETUP);
  const task = new Task('test', 'the test', connection, undefined);
  return { task, connection, close: () => { connection.closeSync(); instance.closeSync(); } };
}
