import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import { CDM_TABLES, EVENT_TABLES, type CdmTable } from './cdm-tables.js';

/** One kind of bad data an OMOP import looks for, what it is counted as, and what cohort logic does with it. */
export interface CdmCheck {
  /** As stored in `pmw_checks.check`. */
  check: string;
  /** Its total in `ImportResult.counts`. */
  total: string;
  /** What is counted, for the CLI and the warnings. */
  label: string;
  handling: string;
}

export const CDM_CHECKS = {
  personWithoutObservation: {
    check: 'person_without_observation_period', total: 'personsWithoutObservationPeriod', label: 'persons with no observation period',
    handling: 'kept; never enters a cohort (cohort entry needs an observation period)',
  },
  periodEndsBeforeStart: {
    check: 'observation_period_ends_before_start', total: 'observationPeriodsEndingBeforeStart', label: 'observation periods that end before they start',
    handling: 'kept; holds no day, so no event falls inside it',
  },
  periodWithoutPerson: {
    check: 'observation_period_without_person', total: 'observationPeriodsWithoutPerson', label: 'observation periods whose person_id is not in person',
    handling: 'kept; never used: persons without a person row never enter cohorts',
  },
  eventWithoutPerson: {
    check: 'event_without_person', total: 'eventsWithoutPerson', label: 'events whose person_id is not in person',
    handling: 'kept; never used: persons without a person row never enter cohorts',
  },
  eventOutsideObservation: {
    check: 'event_outside_observation', total: 'eventsOutsideObservation', label: 'events outside every observation period of their person',
    handling: 'kept; ignored by cohort logic (only events inside an observation period count)',
  },
  deathBeforeBirth: {
    check: 'death_before_birth', total: 'deathsBeforeBirth', label: 'deaths dated before the earliest possible birth date',
    handling: 'kept and flagged; cohort logic uses the death as recorded',
  },
  unknownConcept: {
    check: 'unknown_concept_id', total: 'unknownConceptIds', label: '*_concept_id values (not 0) missing from concept',
    handling: 'kept; such a concept has no name, and concept sets that take descendants cannot reach it',
  },
  unmappedConcept: {
    check: 'unmapped_concept_id', total: 'unmappedConceptIds', label: 'rows whose main concept is 0 (no matching concept)',
    handling: 'kept; only source-code criteria (*_source_value) find these rows',
  },
} satisfies Record<string, CdmCheck>;

export interface CheckResult {
  check: CdmCheck;
  table: string;
  count: number;
  /** For concept checks: the count per column, largest first. */
  columns?: { column: string; count: number }[];
}

/** Where the checks are kept, in the dataset's schema. */
export const CHECKS_TABLE = 'pmw_checks';

/**
 * Runs every check on the tables of `schema` (`created`: each has its canonical columns, so no check depends
 * on what the folder held) and writes them, zeros included, to `schema.pmw_checks`. Unknown concepts are
 * only looked for when `concept` has rows: an empty vocabulary would make every concept unknown.
 */
export async function runCdmChecks(connection: DuckDBConnection, schema: string, created: Set<string>): Promise<CheckResult[]> {
  const s = (table: string) => `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  const count = async (sql: string) => Number((await connection.runAndReadAll(sql)).getRowsJS()[0]?.[0] ?? 0);
  const results: CheckResult[] = [];
  const add = (check: CdmCheck, table: string, n: number) => results.push({ check, table, count: n });
  const op = s('observation_period');

  add(CDM_CHECKS.personWithoutObservation, 'person', await count(
    `SELECT count(*) FROM ${s('person')} p WHERE NOT EXISTS (SELECT 1 FROM ${op} o WHERE o.person_id = p.person_id)`));
  add(CDM_CHECKS.periodEndsBeforeStart, 'observation_period', await count(
    `SELECT count(*) FROM ${op} WHERE observation_period_end_date < observation_period_start_date`));
  add(CDM_CHECKS.periodWithoutPerson, 'observation_period', await count(
    `SELECT count(*) FROM ${op} o WHERE NOT EXISTS (SELECT 1 FROM ${s('person')} p WHERE p.person_id = o.person_id)`));
  const eventTables = [...EVENT_TABLES, CDM_TABLES.get('death')!].filter((t) => created.has(t.name));
  const events = await eventCounts(connection, schema, eventTables);
  for (const { name } of eventTables) add(CDM_CHECKS.eventWithoutPerson, name, events.get(name)!.withoutPerson);
  for (const { name } of eventTables.filter((t) => t.eventDate)) add(CDM_CHECKS.eventOutsideObservation, name, events.get(name)!.outside);
  add(CDM_CHECKS.deathBeforeBirth, 'death', await count(
    `SELECT count(*) FROM ${s('death')} d JOIN ${s('person')} p ON p.person_id = d.person_id WHERE d.death_date < ${EARLIEST_BIRTH_DATE}`));
  const conceptRows = await count(`SELECT count(*) FROM ${s('concept')}`);
  for (const table of conceptCheckedTables(created)) {
    if (table.mainConcept) add(CDM_CHECKS.unmappedConcept, table.name, await count(`SELECT count(*) FROM ${s(table.name)} WHERE ${quoteIdentifier(table.mainConcept)} = 0`));
    if (conceptRows > 0) results.push(await unknownConcepts(connection, schema, table));
  }
  await writeChecksTable(connection, schema, results);
  return results;
}

/**
 * Per event table (and death): rows whose person_id is not in person (NULL included), and rows of persons
 * in person whose event date (NULL included) lies in none of that person's observation periods. One
 * statement, one scan of each table, two hash joins per row: the persons, and each person's periods
 * merged into disjoint spans, so an event meets at most one span and "in a period" is an equi-join on
 * person_id plus a range. Periods ending before they start, or missing a date, hold no day and are left out.
 */
async function eventCounts(connection: DuckDBConnection, schema: string, tables: CdmTable[]): Promise<Map<string, { withoutPerson: number; outside: number }>> {
  if (tables.length === 0) return new Map();
  const s = (table: string) => `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  const perTable = tables.map((table) => {
    const date = table.eventDate ? `e.${quoteIdentifier(table.eventDate)}` : null;
    return `SELECT ${quoteLiteral(table.name)}, count(*) FILTER (WHERE p.person_id IS NULL),
      ${date ? 'count(*) FILTER (WHERE p.person_id IS NOT NULL AND m.person_id IS NULL)' : '0'}
      FROM ${s(table.name)} e LEFT JOIN persons p ON p.person_id = e.person_id
      ${date ? `LEFT JOIN spans m ON m.person_id = e.person_id AND ${date} BETWEEN m.start_date AND m.end_date` : ''}`;
  });
  const reader = await connection.runAndReadAll(`WITH
    persons AS MATERIALIZED (SELECT DISTINCT person_id FROM ${s('person')} WHERE person_id IS NOT NULL),
    periods AS (SELECT DISTINCT person_id, observation_period_start_date AS start_date, observation_period_end_date AS end_date
      FROM ${s('observation_period')} WHERE person_id IS NOT NULL AND observation_period_start_date <= observation_period_end_date),
    -- A period starts a new span unless it starts on or before the latest end of the person's earlier periods (in start order).
    starts AS (SELECT *, coalesce(start_date > max(end_date) OVER (PARTITION BY person_id ORDER BY start_date, end_date
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), true) AS starts_span FROM periods),
    numbered AS (SELECT *, count(*) FILTER (WHERE starts_span) OVER (PARTITION BY person_id ORDER BY start_date, end_date ROWS UNBOUNDED PRECEDING) AS span FROM starts),
    spans AS MATERIALIZED (SELECT person_id, min(start_date) AS start_date, max(end_date) AS end_date FROM numbered GROUP BY person_id, span)
    ${perTable.join('\n    UNION ALL ')}`);
  return new Map(reader.getRowsJS().map(([table, withoutPerson, outside]) => [String(table), { withoutPerson: Number(withoutPerson), outside: Number(outside) }]));
}

/**
 * The earliest day the person can have been born: the birth_datetime's day, else the first day of the
 * month (or year) of birth that is known. A death before it is a death before birth whatever the unknown parts.
 */
const EARLIEST_BIRTH_DATE = `coalesce(CAST(p.birth_datetime AS DATE),
  try(make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1))),
  try(make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), 1)),
  try(make_date(p.year_of_birth, 1, 1)))`;

/** The clinical and derived tables of the dataset: their concepts are the ones analyses read. */
function conceptCheckedTables(created: Set<string>): CdmTable[] {
  return [...CDM_TABLES.values()].filter((t) => (t.group === 'clinical' || t.group === 'derived') && created.has(t.name));
}

/**
 * Non-zero values of every `*_concept_id` column that concept does not list, per column. Each column's
 * values are counted first (a few distinct ids), and only those are looked up in concept.
 */
async function unknownConcepts(connection: DuckDBConnection, schema: string, table: CdmTable): Promise<CheckResult> {
  const from = `${quoteIdentifier(schema)}.${quoteIdentifier(table.name)}`;
  const perColumn = table.columns.filter((c) => /_concept_id(_\d)?$/.test(c.name)).map(({ name }) =>
    `SELECT ${quoteLiteral(name)} AS name, ${quoteIdentifier(name)} AS id, count(*) AS n FROM ${from} WHERE ${quoteIdentifier(name)} <> 0 GROUP BY ALL`);
  const reader = await connection.runAndReadAll(
    `SELECT name, CAST(sum(n) AS BIGINT) AS n FROM (${perColumn.join(' UNION ALL ')}) v
      WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdentifier(schema)}.concept c WHERE c.concept_id = v.id)
      GROUP BY name ORDER BY n DESC, name`);
  const columns = reader.getRowsJS().map(([column, n]) => ({ column: String(column), count: Number(n) }));
  return { check: CDM_CHECKS.unknownConcept, table: table.name, count: columns.reduce((sum, c) => sum + c.count, 0), columns };
}

async function writeChecksTable(connection: DuckDBConnection, schema: string, results: CheckResult[]): Promise<void> {
  const table = `${quoteIdentifier(schema)}.${CHECKS_TABLE}`;
  await connection.run(`CREATE TABLE ${table} ("check" VARCHAR, table_name VARCHAR, count BIGINT, handling VARCHAR)`);
  for (const { check, table: name, count } of results) {
    await connection.run(`INSERT INTO ${table} VALUES ($1, $2, $3, $4)`, [check.check, name, count, check.handling]);
  }
}

/** Totals per check (for `ImportResult.counts`), zeros included. */
export function checkTotals(results: CheckResult[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const check of Object.values(CDM_CHECKS)) totals[check.total] = 0;
  for (const { check, count } of results) totals[check.total] = (totals[check.total] ?? 0) + count;
  return totals;
}

/** One warning per check that found something, with its tables and what cohort logic does about it. */
export function checkWarnings(results: CheckResult[]): string[] {
  const warnings: string[] = [];
  for (const check of Object.values(CDM_CHECKS)) {
    const found = results.filter((r) => r.check === check && r.count > 0);
    if (found.length === 0) continue;
    const total = found.reduce((sum, r) => sum + r.count, 0);
    const where = found.map((r) => `${r.table}: ${r.count.toLocaleString('en-US')}${columnsNote(r)}`).join('; ');
    warnings.push(`${check.label}: ${total.toLocaleString('en-US')} (${where}); ${check.handling} (${check.total})`);
  }
  return warnings;
}

/** ` in drug_type_concept_id, route_concept_id` for a concept check, its columns largest first. */
function columnsNote(result: CheckResult): string {
  const columns = result.columns?.map((c) => c.column) ?? [];
  if (columns.length === 0) return '';
  return ` in ${columns.slice(0, 3).join(', ')}${columns.length > 3 ? ', …' : ''}`;
}
