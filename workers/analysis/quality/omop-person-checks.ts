import type { DatasetTable } from '../../engine/api.js';
import { quoteTableName } from '../../engine/catalog.js';
import { EVENT_TABLES } from '../../import/omop/cdm-tables.js';
import type { RowCheck, TablePlan } from './check-plan.js';
import { shortName } from './check-plan.js';
import { ageOver120Check, rowColumn } from './column-checks.js';
import { THRESHOLDS } from './thresholds.js';

/** The join every person check reads: one row per person_id (a duplicated person cannot multiply rows). */
const PERSON_ALIAS = 'p';
const PERSON_JOIN = `LEFT JOIN omop_person ${PERSON_ALIAS} ON ${PERSON_ALIAS}.person_id = t.person_id`;

function personWith(person: string): Record<string, string> {
  return {
    omop_person: `SELECT person_id, min(year_of_birth) AS year_of_birth, min(birth_datetime) AS birth_datetime
    FROM ${quoteTableName(person)} GROUP BY person_id`,
  };
}

/**
 * The checks that hold an event against its person: age over 120 at the event (event year − year_of_birth,
 * the year difference cohort tools use), events outside every observation period of their person, and
 * deaths before birth. Events of persons missing from person are left to the integrity check.
 */
export function omopPersonPlans(tables: DatasetTable[]): TablePlan[] {
  const find = (name: string) => tables.find((t) => shortName(t.table) === name && t.rows > 0);
  const person = find('person');
  if (!person) return [];
  const periods = find('observation_period');
  const plans: TablePlan[] = [];
  for (const { name, eventDate } of EVENT_TABLES) {
    const table = find(name);
    if (!table || !eventDate) continue;
    const rowChecks = [ageAtEventCheck(table.table, person.table, eventDate)];
    if (periods) rowChecks.push(outsideObservationCheck(table.table, person.table, periods.table, eventDate));
    plans.push({ table: table.table, rowChecks, queryChecks: [] });
  }
  const death = find('death');
  if (death) {
    plans.push({ table: death.table, rowChecks: [ageAtEventCheck(death.table, person.table, 'death_date'), deathBeforeBirthCheck(death.table, person.table)], queryChecks: [] });
  }
  return plans;
}

function ageAtEventCheck(table: string, person: string, date: string): RowCheck {
  const d = rowColumn(date);
  return ageOver120Check(table, {
    column: date,
    expression: `year(${d}) - ${PERSON_ALIAS}.year_of_birth`,
    applies: `${d} IS NOT NULL AND ${PERSON_ALIAS}.year_of_birth IS NOT NULL`,
    of: `age at ${date} (its year minus year_of_birth)`,
    with: personWith(person),
    joins: [PERSON_JOIN],
  });
}

/** An event of a known person whose date lies in none of that person's observation periods. */
function outsideObservationCheck(table: string, person: string, periods: string, date: string): RowCheck {
  const d = rowColumn(date);
  return {
    id: `plausibility.outside_observation.${shortName(table)}`, category: 'plausibility', column: date, threshold: THRESHOLDS.outsideObservation,
    description: `${date} outside every observation period of the person`,
    applies: `${d} IS NOT NULL AND ${PERSON_ALIAS}.person_id IS NOT NULL`,
    fails: `NOT EXISTS (SELECT 1 FROM ${quoteTableName(periods)} o WHERE o.person_id = t.person_id
      AND ${d} BETWEEN o.observation_period_start_date AND o.observation_period_end_date)`,
    with: personWith(person),
    joins: [PERSON_JOIN],
  };
}

/** A death dated in a year before the year of birth, or before the birth datetime's day when there is one. */
function deathBeforeBirthCheck(table: string, person: string): RowCheck {
  const d = rowColumn('death_date');
  return {
    id: 'plausibility.death_before_birth', category: 'plausibility', column: 'death_date', threshold: THRESHOLDS.plausibility,
    description: 'death_date before the year of birth (or the birth datetime)',
    applies: `${d} IS NOT NULL AND ${PERSON_ALIAS}.person_id IS NOT NULL`,
    fails: `year(${d}) < ${PERSON_ALIAS}.year_of_birth OR ${d} < CAST(${PERSON_ALIAS}.birth_datetime AS DATE)`,
    with: personWith(person),
    joins: [PERSON_JOIN],
  };
}
