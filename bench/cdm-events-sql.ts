import { CDM_CONCEPTS, PRODUCTS_PER_INGREDIENT } from './cdm-vocabulary-sql.js';
import { observedDaySql, observedPeriodEndSql, type EventTable } from './cdm-persons-sql.js';

/**
 * The event tables of the generated CDM as SELECTs over `persons` and `vocab`. Background events are
 * spread uniformly over each person's observed days (0.5 % fall in the half year before observation, as
 * real data has some), their concepts drawn from a pool with a Zipf-like skew. Two study drugs
 * (celecoxib, diclofenac) are given to 8 % of persons each, as courses of 30-day fills, and a GI bleed
 * follows the first fill at a planted yearly hazard: twice as high after diclofenac. About 2 % of persons
 * also have a GI bleed at any time (the background hazard), so some users have one before their index.
 */

/** Study drugs, `drug_no` as in `study_users`; the outcome hazard is per year after the first fill. */
export const STUDY_DRUGS = [
  { drugNo: 0, ingredient: CDM_CONCEPTS.celecoxib, share: 0.08, yearlyOutcomeHazard: 0.02 },
  { drugNo: 1, ingredient: CDM_CONCEPTS.diclofenac, share: 0.08, yearlyOutcomeHazard: 0.04 },
] as const;
/** Persons with a GI bleed regardless of any drug. */
const BACKGROUND_GI_BLEED_SHARE = 0.02;
const OUTSIDE_OBSERVATION_SHARE = 0.005;
/**
 * Study drug users with one more fill in the half year before their first observation period: their
 * first exposure ever lies outside observation, so a new-user cohort must leave them out.
 */
const EARLIER_FILL_SHARE = 0.03;

/** A uniform of the event: row `j` of a person, under a salt. */
const r = (salt: number): string => `u(${salt}, person_id, j)`;

/** A 1-based index into a pool of `k` concepts, the first ones drawn most. */
const skewedPick = (salt: number, skew = 2.5): string => `(1 + floor(pow(${r(salt)}, ${skew}) * pool.k))::INTEGER`;

/** Concept ids and source values of a pool (`vocab.pool`) as lists, so a row picks one by index without a join. */
function poolSql(pool: string): string {
  return `SELECT list(concept_id ORDER BY pool_idx) AS ids, list(source_value ORDER BY pool_idx) AS codes, count(*)::INTEGER AS k
    FROM vocab WHERE pool = '${pool}'`;
}

/**
 * `id, person_id, j, event_date` of the background rows of `table`, in person order, and with `skew` a
 * 1-based `pick` into the `pool` of the query; `salt` keeps tables apart (it uses salt to salt + 3).
 */
function backgroundEventsSql(table: EventTable, salt: number, skew?: number): string {
  const pick = skew === undefined ? '' : `, ${skewedPick(salt + 3, skew)} AS pick`;
  return `SELECT (first_${table} + j + 1)::BIGINT AS id, person_id, j,
      CASE WHEN ${r(salt)} < ${OUTSIDE_OBSERVATION_SHARE} THEN op1_start - 1 - floor(${r(salt + 1)} * 150)::INTEGER
           ELSE ${observedDaySql(r(salt + 2))} END AS event_date${pick}
    FROM (SELECT person_id, first_${table}, op1_start, op1_days, op2_start, observed_days, unnest(range(n_${table})) AS j
          FROM persons WHERE n_${table} > 0)${skew === undefined ? '' : ', pool'}`;
}

/** Rows written after the background rows of a table get ids from here up. */
const afterBackground = (table: EventTable): string => `(SELECT sum(n_${table}) FROM persons)`;

/**
 * `study_users`: for each study drug, the persons given it, the first fill (uniform over observed days),
 * the end of that observation period, how many fills (1 + exponential, mean about 3) and how far apart
 * (80 % refill within 30–49 days; the rest after a gap of 75–195 days), the product, the day of a
 * planted GI bleed after the first fill, and for a few an earlier fill outside observation.
 */
const STUDY_USERS_SQL = `
CREATE OR REPLACE TEMP TABLE study_users AS
SELECT person_id, drug_no,
  ${observedDaySql('u(200 + drug_no, person_id, 1)')} AS first_fill,
  ${observedPeriodEndSql('u(200 + drug_no, person_id, 1)')} AS period_end,
  (1 + least(floor(-ln(1 - u(220 + drug_no, person_id, 1)) * 2.5), 20))::INTEGER AS fills,
  (CASE WHEN u(230 + drug_no, person_id, 1) < 0.8 THEN 30 + floor(u(240 + drug_no, person_id, 1) * 20)
        ELSE 75 + floor(u(240 + drug_no, person_id, 1) * 120) END)::INTEGER AS fill_interval,
  floor(u(250 + drug_no, person_id, 1) * ${PRODUCTS_PER_INGREDIENT})::INTEGER AS product_no,
  ceil(-ln(1 - u(260 + drug_no, person_id, 1)) / yearly_hazard * 365.25)::INTEGER AS days_to_bleed,
  CASE WHEN u(290 + drug_no, person_id, 1) < ${EARLIER_FILL_SHARE} THEN op1_start - 1 - floor(u(291 + drug_no, person_id, 1) * 150)::INTEGER END AS earlier_fill
FROM persons, (VALUES ${STUDY_DRUGS.map((d) => `(${d.drugNo}, ${d.share}, ${d.yearlyOutcomeHazard})`).join(', ')}) d(drug_no, share, yearly_hazard)
WHERE u(210 + drug_no, person_id, 1) < share
ORDER BY person_id, drug_no`;

/** `gi_bleeds`: the planted bleeds that fall inside the period of the first fill, and the background ones. */
const GI_BLEEDS_SQL = `
CREATE OR REPLACE TEMP TABLE gi_bleeds AS
SELECT person_id, event_date, floor(u(270, person_id, event_date - DATE '2000-01-01') * 5)::INTEGER AS pick FROM (
  SELECT person_id, first_fill + days_to_bleed AS event_date FROM study_users WHERE first_fill + days_to_bleed <= period_end
  UNION ALL
  SELECT person_id, ${observedDaySql('u(281, person_id, 0)')} FROM persons WHERE u(280, person_id, 0) < ${BACKGROUND_GI_BLEED_SHARE})
ORDER BY person_id, event_date`;

export const STUDY_STATEMENTS = [STUDY_USERS_SQL, GI_BLEEDS_SQL];

const CONDITION_SELECT = `
WITH pool AS (${poolSql('condition')}), gi AS (${poolSql('gi_bleed')}),
events AS (${backgroundEventsSql('condition_occurrence', 100, 2.5)})
SELECT id AS condition_occurrence_id, person_id::BIGINT AS person_id, pool.ids[pick]::BIGINT AS condition_concept_id,
  event_date AS condition_start_date,
  CASE WHEN ${r(104)} < 0.5 THEN event_date + floor(${r(105)} * 30)::INTEGER END AS condition_end_date,
  32817::BIGINT AS condition_type_concept_id, NULL::BIGINT AS visit_occurrence_id,
  pool.codes[pick] AS condition_source_value, 0::BIGINT AS condition_source_concept_id
FROM events, pool
UNION ALL
SELECT (${afterBackground('condition_occurrence')} + row_number() OVER (ORDER BY person_id, event_date, pick))::BIGINT, person_id, gi.ids[pick + 1],
  event_date, event_date, 32817, NULL, gi.codes[pick + 1], 0
FROM gi_bleeds, gi`;

const DRUG_SELECT = `
WITH pool AS (${poolSql('drug')}), study AS (${poolSql('study_drug')}),
events AS (SELECT *, [7, 14, 30, 30, 30, 90][1 + floor(${r(114)} * 6)::INTEGER] AS days_supply FROM (${backgroundEventsSql('drug_exposure', 110, 2)})),
study_fills AS (
  SELECT person_id, drug_no, product_no, first_fill + (j * fill_interval)::INTEGER AS start_date
  FROM (SELECT *, unnest(range(fills)) AS j FROM study_users)
  WHERE first_fill + (j * fill_interval)::INTEGER <= period_end
  UNION ALL
  SELECT person_id, drug_no, product_no, earlier_fill FROM study_users WHERE earlier_fill IS NOT NULL)
SELECT id AS drug_exposure_id, person_id::BIGINT AS person_id, pool.ids[pick]::BIGINT AS drug_concept_id,
  event_date AS drug_exposure_start_date, event_date + days_supply - 1 AS drug_exposure_end_date, NULL::DATE AS verbatim_end_date,
  32838::BIGINT AS drug_type_concept_id, floor(${r(115)} * 4)::INTEGER AS refills, days_supply::DOUBLE AS quantity,
  days_supply::INTEGER AS days_supply, 4132161::BIGINT AS route_concept_id, NULL::BIGINT AS visit_occurrence_id,
  pool.codes[pick] AS drug_source_value, 0::BIGINT AS drug_source_concept_id
FROM events, pool
UNION ALL
SELECT (${afterBackground('drug_exposure')} + row_number() OVER (ORDER BY person_id, start_date, drug_no))::BIGINT, person_id,
  study.ids[1 + drug_no * ${PRODUCTS_PER_INGREDIENT} + product_no], start_date, start_date + 29, NULL, 32838, 0, 30, 30, 4132161, NULL,
  study.codes[1 + drug_no * ${PRODUCTS_PER_INGREDIENT} + product_no], 0
FROM study_fills, study`;

/** Values around each test's mean (Box–Muller on two uniforms), 3 % without a value; the normal range is mean ± 2 SD. */
const MEASUREMENT_SELECT = `
WITH pool AS (
  SELECT list(v.concept_id ORDER BY v.pool_idx) AS ids, list(v.source_value ORDER BY v.pool_idx) AS codes, count(*)::INTEGER AS k,
    list(l.mean ORDER BY v.pool_idx) AS means, list(l.sd ORDER BY v.pool_idx) AS sds, list(l.unit_concept_id ORDER BY v.pool_idx) AS units,
    list(unit.concept_code ORDER BY v.pool_idx) AS unit_codes
  FROM vocab v JOIN lab_values l ON l.concept_id = v.concept_id JOIN vocab unit ON unit.concept_id = l.unit_concept_id
  WHERE v.pool = 'measurement'),
events AS (${backgroundEventsSql('measurement', 120, 1.8)})
SELECT id AS measurement_id, person_id::BIGINT AS person_id, pool.ids[pick]::BIGINT AS measurement_concept_id, event_date AS measurement_date,
  32817::BIGINT AS measurement_type_concept_id, NULL::BIGINT AS operator_concept_id,
  CASE WHEN ${r(124)} >= 0.03 THEN round(pool.means[pick] + pool.sds[pick] * sqrt(-2 * ln(1 - ${r(125)})) * cos(2 * pi() * ${r(126)}), 2) END AS value_as_number,
  NULL::BIGINT AS value_as_concept_id, pool.units[pick]::BIGINT AS unit_concept_id,
  (pool.means[pick] - 2 * pool.sds[pick])::DOUBLE AS range_low, (pool.means[pick] + 2 * pool.sds[pick])::DOUBLE AS range_high,
  NULL::BIGINT AS visit_occurrence_id, pool.codes[pick] AS measurement_source_value, pool.unit_codes[pick] AS unit_source_value
FROM events, pool`;

/** Outpatient 80 %, emergency 10 %, inpatient 8 % (1–10 days), emergency then inpatient 2 %. */
const VISIT_SELECT = `
WITH events AS (SELECT *, ${r(133)} AS kind FROM (${backgroundEventsSql('visit_occurrence', 130)}))
SELECT id AS visit_occurrence_id, person_id::BIGINT AS person_id,
  (CASE WHEN kind < 0.8 THEN 9202 WHEN kind < 0.9 THEN 9203 WHEN kind < 0.98 THEN 9201 ELSE 262 END)::BIGINT AS visit_concept_id,
  event_date AS visit_start_date,
  CASE WHEN kind < 0.9 THEN event_date ELSE event_date + 1 + floor(${r(134)} * 10)::INTEGER END AS visit_end_date,
  32817::BIGINT AS visit_type_concept_id,
  CASE WHEN kind < 0.8 THEN 'OP' WHEN kind < 0.9 THEN 'ER' WHEN kind < 0.98 THEN 'IP' ELSE 'ERIP' END AS visit_source_value
FROM events`;

const PROCEDURE_SELECT = `
WITH pool AS (${poolSql('procedure')}), events AS (${backgroundEventsSql('procedure_occurrence', 140, 2.5)})
SELECT id AS procedure_occurrence_id, person_id::BIGINT AS person_id, pool.ids[pick]::BIGINT AS procedure_concept_id,
  event_date AS procedure_date, 32817::BIGINT AS procedure_type_concept_id, NULL::BIGINT AS visit_occurrence_id,
  pool.codes[pick] AS procedure_source_value
FROM events, pool`;

/** Every third kind of observation has a value (0–100). */
const OBSERVATION_SELECT = `
WITH pool AS (${poolSql('observation')}), events AS (${backgroundEventsSql('observation', 150, 2.5)})
SELECT id AS observation_id, person_id::BIGINT AS person_id, pool.ids[pick]::BIGINT AS observation_concept_id, event_date AS observation_date,
  32817::BIGINT AS observation_type_concept_id, CASE WHEN pick % 3 = 1 THEN round(${r(154)} * 100, 1) END AS value_as_number,
  NULL::BIGINT AS unit_concept_id, NULL::BIGINT AS visit_occurrence_id, pool.codes[pick] AS observation_source_value
FROM events, pool`;

export const EVENT_SELECTS: Record<EventTable, string> = {
  condition_occurrence: CONDITION_SELECT,
  drug_exposure: DRUG_SELECT,
  measurement: MEASUREMENT_SELECT,
  visit_occurrence: VISIT_SELECT,
  procedure_occurrence: PROCEDURE_SELECT,
  observation: OBSERVATION_SELECT,
};
