/**
 * Persons of the generated CDM with their one or two observation periods, built in DuckDB from
 * `range()` and the seeded hash macro `u(salt, a, b)` (uniform in [0, 1)). The `persons` table also holds
 * what the event tables need: each person's activity, observed days, and per event table a row count
 * and the id offset of the person's first row.
 */

/** The data run from here to there; observation periods lie inside. */
export const DATA_START = '2005-01-01';
export const DATA_END = '2023-12-31';

/** `round(x)` events of a kind per person on average; about 50 per person in all, study drugs and outcomes aside. */
export const EVENTS_PER_PERSON = {
  condition_occurrence: 12,
  drug_exposure: 9,
  measurement: 14,
  visit_occurrence: 8,
  procedure_occurrence: 3.5,
  observation: 3.5,
} as const;

export type EventTable = keyof typeof EVENTS_PER_PERSON;
export const EVENT_TABLES = Object.keys(EVENTS_PER_PERSON) as EventTable[];

/**
 * A day of the person's observation drawn uniformly over every observed day, from a uniform `v`
 * (SQL of columns of `persons`).
 */
export function observedDaySql(v: string): string {
  const day = `floor((${v}) * observed_days)::INTEGER`;
  return `CASE WHEN ${day} < op1_days THEN op1_start + ${day} ELSE op2_start + (${day} - op1_days) END`;
}

/** The end of the observation period holding `observedDaySql(v)`. */
export function observedPeriodEndSql(v: string): string {
  return `CASE WHEN floor((${v}) * observed_days)::INTEGER < op1_days THEN op1_end ELSE op2_end END`;
}

/**
 * Sex, birth 1930–2005, a first observation period of 1 to 11 years starting in 2005–2020 (not before
 * six months of age), for about a third a second one after a gap, cut at the end of the data. Activity
 * (exponential, mean 1) times observed days weighs how many events a person gets. About 3 % die (more
 * of the old), at the end of their last period.
 */
function personsSql(persons: number): string {
  const counts = EVENT_TABLES.map((table, i) => {
    const expected = `${EVENTS_PER_PERSON[table] * persons} * weight / total_weight`;
    return `floor(${expected} * (0.6 + 0.8 * u(${20 + 2 * i}, person_id, 0)) + u(${21 + 2 * i}, person_id, 0))::INTEGER AS n_${table}`;
  });
  const offsets = EVENT_TABLES.map((table) => `(sum(n_${table}) OVER (ORDER BY person_id) - n_${table})::BIGINT AS first_${table}`);
  return `
CREATE OR REPLACE TEMP TABLE persons AS
WITH born AS (
  SELECT i AS person_id,
    CASE WHEN u(1, i, 0) < 0.52 THEN 8532 ELSE 8507 END AS gender_concept_id,
    (1930 + floor(u(2, i, 0) * 76))::INTEGER AS year_of_birth,
    (1 + floor(u(3, i, 0) * 12))::INTEGER AS month_of_birth,
    (1 + floor(u(4, i, 0) * 28))::INTEGER AS day_of_birth,
    -ln(1 - u(5, i, 0)) AS activity
  FROM range(1, ${persons + 1}) r(i)
),
first_period AS (
  SELECT *, earliest + floor(u(6, person_id, 0) * (DATE '2020-12-31' - earliest))::INTEGER AS op1_start
  FROM (SELECT *, greatest(DATE '${DATA_START}', make_date(year_of_birth, month_of_birth, day_of_birth) + 183) AS earliest FROM born)
),
first_end AS (
  SELECT *, least(op1_start + 365 + floor(u(7, person_id, 0) * 3650)::INTEGER, DATE '${DATA_END}') AS op1_end FROM first_period
),
second_period AS (
  SELECT *, CASE WHEN u(8, person_id, 0) < 0.35 AND op1_end < DATE '2022-06-30'
                 THEN op1_end + 31 + floor(u(9, person_id, 0) * 365)::INTEGER END AS op2_start
  FROM first_end
),
periods AS (
  SELECT *, least(op2_start + 180 + floor(u(10, person_id, 0) * 3000)::INTEGER, DATE '${DATA_END}') AS op2_end,
    (op1_end - op1_start + 1)::INTEGER AS op1_days
  FROM second_period
),
weighted AS (
  SELECT *, op1_days + coalesce(op2_end - op2_start + 1, 0)::INTEGER AS observed_days,
    u(11, person_id, 0) < 0.004 + 0.05 * (2023 - year_of_birth) / 93 AS dies
  FROM periods
),
counted AS (
  SELECT *, ${counts.join(',\n    ')}
  FROM (SELECT *, activity * observed_days AS weight, sum(activity * observed_days) OVER () AS total_weight FROM weighted)
)
SELECT *, ${offsets.join(',\n  ')} FROM counted ORDER BY person_id`;
}

export function personsStatements(persons: number): string[] {
  return [personsSql(persons)];
}

export const PERSON_SELECT = `
SELECT person_id::BIGINT AS person_id, gender_concept_id::BIGINT AS gender_concept_id, year_of_birth, month_of_birth, day_of_birth,
  make_date(year_of_birth, month_of_birth, day_of_birth)::TIMESTAMP AS birth_datetime, 0::BIGINT AS race_concept_id,
  0::BIGINT AS ethnicity_concept_id, person_id::VARCHAR AS person_source_value,
  CASE gender_concept_id WHEN 8532 THEN 'F' ELSE 'M' END AS gender_source_value
FROM persons ORDER BY person_id`;

export const OBSERVATION_PERIOD_SELECT = `
SELECT row_number() OVER (ORDER BY person_id, observation_period_start_date)::BIGINT AS observation_period_id, person_id::BIGINT AS person_id,
  observation_period_start_date, observation_period_end_date, 32817::BIGINT AS period_type_concept_id
FROM (
  SELECT person_id, op1_start AS observation_period_start_date, op1_end AS observation_period_end_date FROM persons
  UNION ALL
  SELECT person_id, op2_start, op2_end FROM persons WHERE op2_start IS NOT NULL)
ORDER BY person_id, observation_period_start_date`;

export const DEATH_SELECT = `
SELECT person_id::BIGINT AS person_id, coalesce(op2_end, op1_end) AS death_date, 32817::BIGINT AS death_type_concept_id,
  0::BIGINT AS cause_concept_id
FROM persons WHERE dies ORDER BY person_id`;
