import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import type { AttritionShape, CountedStep } from './attrition-suppression.js';
import { type CheckedCohortSpec, type CheckedCriterion, type CheckedRule, codeSetsOf } from './cohort-spec.js';
import { criterionEventsSql, resolveCodeSets, type ResolvedCodeSets } from './code-sets.js';
import { GENDER_CONCEPTS } from './domains.js';

/** A cohort built into a temporary table of the task's connection. */
export interface BuiltCohort {
  /** Temporary table: person_id, cohort_start_date, cohort_end_date, observation_start_date, observation_end_date. */
  table: string;
  persons: number;
  /** Every count as built; what is shown goes through suppressAttrition. */
  attrition: CountedStep[];
  shape: AttritionShape;
  warnings: string[];
}

/** The columns every cohort table has, one row per person. */
export const COHORT_COLUMNS = 'person_id, cohort_start_date, cohort_end_date, observation_start_date, observation_end_date';

let builds = 0;

async function counts(connection: DuckDBConnection, sql: string): Promise<{ events: number; persons: number }> {
  const reader = await connection.runAndReadAll(`SELECT count(*), count(DISTINCT person_id) FROM (${sql})`);
  const [events, persons] = reader.getRowsJS()[0] ?? [0, 0];
  return { events: Number(events), persons: Number(persons) };
}

/** The OMOP schema of a dataset; fails for datasets of other kinds. */
export function cdmSchemaOf(dataset: Dataset): string {
  if (dataset.kind !== 'omop') {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `dataset ${dataset.name} is a ${dataset.kind} dataset; cohorts are built from OMOP CDM data`,
      hint: 'import an OMOP CDM folder (pmw import FOLDER --kind omop) and name that dataset',
    });
  }
  return quoteIdentifier(dataset.name);
}

function describeCriterion(c: CheckedCriterion): string {
  const codes = c.codes ? (c.codes.path.startsWith('codeSets.') ? c.codes.path.slice('codeSets.'.length) : 'inline codes') : 'any';
  return `${c.domain} (${codes})`;
}

/**
 * The events (by `event_id` of `qualified`) that meet one inclusion rule. Occurrence rules count events
 * whose start lies in the window and inside the index's observation period (as OHDSI's Circe does).
 */
function ruleSql(cdm: string, qualified: string, rule: CheckedRule, codes: ResolvedCodeSets): string {
  switch (rule.kind) {
    case 'age': {
      const age = 'year(q.index_date) - p.year_of_birth';
      const tests = [rule.min !== null ? `${age} >= ${rule.min}` : null, rule.max !== null ? `${age} <= ${rule.max}` : null].filter(Boolean);
      return `SELECT q.event_id FROM ${qualified} q JOIN ${cdm}.person p ON p.person_id = q.person_id WHERE ${tests.join(' AND ')}`;
    }
    case 'sex': {
      const tests: string[] = [];
      if (rule.sexes.includes('male')) tests.push(`p.gender_concept_id = ${GENDER_CONCEPTS.male}`);
      if (rule.sexes.includes('female')) tests.push(`p.gender_concept_id = ${GENDER_CONCEPTS.female}`);
      if (rule.sexes.includes('unknown')) tests.push(`coalesce(p.gender_concept_id, 0) NOT IN (${GENDER_CONCEPTS.male}, ${GENDER_CONCEPTS.female})`);
      return `SELECT q.event_id FROM ${qualified} q JOIN ${cdm}.person p ON p.person_id = q.person_id WHERE ${tests.join(' OR ')}`;
    }
    case 'genotype': {
      const vcf = quoteIdentifier(rule.dataset);
      const pick: string[] = [];
      if (rule.variantIds.length) pick.push(`v.variant_id IN (${rule.variantIds.join(', ')})`);
      if (rule.rsids.length) pick.push(`v.rsid IN (${rule.rsids.map(quoteLiteral).join(', ')})`);
      if (rule.gene !== null) {
        const tests = [`v.gene = ${quoteLiteral(rule.gene)}`];
        if (rule.impact.length) tests.push(`v.impact IN (${rule.impact.map(quoteLiteral).join(', ')})`);
        if (rule.maxAf !== null) tests.push(`v.an > 0 AND v.ac / v.an <= ${rule.maxAf}`);
        pick.push(`(${tests.join(' AND ')})`);
      }
      const carriers = `SELECT s.person_id FROM ${vcf}.vcf_sample s JOIN ${vcf}.genotype g ON g.sample = s.sample
        WHERE g.alt_count >= ${rule.minAltCount} AND g.variant_id IN (SELECT v.variant_id FROM ${vcf}.variant v WHERE ${pick.join(' OR ')})`;
      const test = rule.carrier
        ? `q.person_id IN (${carriers})`
        : `q.person_id IN (SELECT person_id FROM ${vcf}.vcf_sample) AND q.person_id NOT IN (${carriers})`;
      return `SELECT q.event_id FROM ${qualified} q WHERE ${test}`;
    }
    case 'occurrence': {
      // No person filter on the events: the join below is one hash probe per event either way.
      const events = criterionEventsSql(cdm, rule.criterion, codes);
      const n = 'count(x.event_date)';
      const having = [`${n} >= ${rule.atLeast}`, rule.atMost !== null ? `${n} <= ${rule.atMost}` : null].filter(Boolean).join(' AND ');
      return `SELECT q.event_id FROM ${qualified} q LEFT JOIN (${events}) x
        ON x.person_id = q.person_id
       ${rule.window.start !== null ? `AND x.event_date >= q.index_date + ${rule.window.start}` : ''}
       ${rule.window.end !== null ? `AND x.event_date <= q.index_date + ${rule.window.end}` : ''}
       AND x.event_date BETWEEN q.observation_start_date AND q.observation_end_date
        GROUP BY q.event_id HAVING ${having}`;
    }
  }
}

/** The cohort end date of each final entry: the exit strategy, cut by censoring events and the observation end. */
function exitSql(cdm: string, spec: CheckedCohortSpec, final: string, codes: ResolvedCodeSets): string {
  let end: string;
  let joins = '';
  const exit = spec.exit;
  if (exit.type === 'observationEnd') end = 'f.observation_end_date';
  else if (exit.type === 'fixed') end = `f.index_date + ${exit.days}`;
  else {
    const exposures = criterionEventsSql(cdm, { path: 'exit', domain: 'drug', codes: exit.codes, value: null }, codes, `SELECT person_id FROM ${final}`);
    // Exposures sorted by start; one more than `gapDays` days without supply starts a new era.
    const eras = `SELECT person_id, min(event_date) AS era_start, max(end_date) AS era_end FROM (
        SELECT *, sum(CASE WHEN prev_end IS NULL OR event_date > prev_end + ${exit.gapDays + 1} THEN 1 ELSE 0 END)
                    OVER (PARTITION BY person_id ORDER BY event_date, end_date ROWS UNBOUNDED PRECEDING) AS era
        FROM (SELECT *, max(end_date) OVER (PARTITION BY person_id ORDER BY event_date, end_date
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
              FROM (${exposures})))
      GROUP BY person_id, era`;
    joins += ` LEFT JOIN (${eras}) era ON era.person_id = f.person_id AND f.index_date BETWEEN era.era_start AND era.era_end`;
    end = `coalesce(era.era_end + ${exit.offsetDays}, f.index_date)`;
  }
  const ends = [end, 'f.observation_end_date'];
  spec.censor.forEach((criterion, i) => {
    const events = criterionEventsSql(cdm, criterion, codes, `SELECT person_id FROM ${final}`);
    joins += ` LEFT JOIN (SELECT x.person_id, min(x.event_date) AS censor_date FROM (${events}) x JOIN ${final} f2
        ON f2.person_id = x.person_id AND x.event_date >= f2.index_date GROUP BY x.person_id) c${i} ON c${i}.person_id = f.person_id`;
    ends.push(`coalesce(c${i}.censor_date, f.observation_end_date)`);
  });
  return `SELECT f.person_id, f.index_date AS cohort_start_date, least(${ends.join(', ')}) AS cohort_end_date,
      f.observation_start_date, f.observation_end_date FROM ${final} f${joins}`;
}

/**
 * Builds a cohort in temporary tables of the task's connection: entry events, the observation period
 * holding each (with the required days before and after), each inclusion rule in turn, then one entry
 * per person (the earliest that passed everything) ended by the exit strategy, censoring events and the
 * end of observation. Every step's persons and events are counted for the attrition table.
 */
export async function buildCohort(task: Task, cdm: string, spec: CheckedCohortSpec): Promise<BuiltCohort> {
  const connection = task.connection;
  const prefix = `pmw_cohort${++builds}`;
  const t = (name: string): string => `${prefix}_${name}`;
  const attrition: CountedStep[] = [];
  let last = { events: 0, persons: 0 };
  const step = (name: string, now: { events: number; persons: number }, ruleOnly?: number): void => {
    attrition.push({ step: name, persons: now.persons, events: now.events, dropped: attrition.length ? last.persons - now.persons : 0, ...(ruleOnly !== undefined ? { ruleOnly } : {}) });
    last = now;
  };
  const totalSteps = 4 + spec.rules.length;
  let done = 0;
  const progress = (message: string): void => {
    task.throwIfCancelled();
    task.report('reading', done++ / totalSteps, message);
  };

  progress('resolving code sets');
  const codes = await resolveCodeSets(connection, cdm, prefix, codeSetsOf(spec));
  const warnings = [...codes.warnings];

  progress('finding entry events');
  const entryEvents = criterionEventsSql(cdm, spec.entry, codes);
  const firstOnly = spec.occurrence === 'first' ? 'QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY event_date, end_date) = 1' : '';
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${t('entry')} AS
    SELECT row_number() OVER (ORDER BY person_id, event_date, end_date) AS event_id, person_id, event_date AS index_date, end_date AS event_end_date
    FROM (${entryEvents}) ${firstOnly}`);
  const entry = await counts(connection, `SELECT * FROM ${t('entry')}`);
  step(`entry: ${spec.occurrence === 'first' ? 'first' : 'any'} ${describeCriterion(spec.entry)} event`, entry);
  if (entry.events === 0) warnings.push(`no ${spec.entry.domain} event of the dataset matches the entry codes (${spec.entry.codes?.path ?? 'entry'})`);

  progress('checking observation periods');
  // The observation period holding the index date; a person missing from `person` never enters.
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${t('observed')} AS
    SELECT e.*, op.observation_period_start_date AS observation_start_date, op.observation_period_end_date AS observation_end_date
    FROM ${t('entry')} e
    JOIN ${cdm}.observation_period op ON op.person_id = e.person_id
     AND e.index_date BETWEEN op.observation_period_start_date AND op.observation_period_end_date
    WHERE e.person_id IN (SELECT person_id FROM ${cdm}.person)
    QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY op.observation_period_end_date DESC) = 1`);
  step('index date in an observation period', await counts(connection, `SELECT * FROM ${t('observed')}`));

  let qualified = t('observed');
  if (spec.priorDays > 0 || spec.postDays > 0) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${t('qualified')} AS SELECT * FROM ${t('observed')}
      WHERE index_date - observation_start_date >= ${spec.priorDays} AND observation_end_date - index_date >= ${spec.postDays}`);
    qualified = t('qualified');
    step(`at least ${spec.priorDays} days observed before and ${spec.postDays} after index`, await counts(connection, `SELECT * FROM ${qualified}`));
  }

  const passed: string[] = [];
  const firstRuleStep = spec.rules.length > 0 ? attrition.length : null;
  for (const [i, rule] of spec.rules.entries()) {
    progress(`inclusion rule ${i + 1}: ${rule.name}`);
    const table = t(`rule${i}`);
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${ruleSql(cdm, qualified, rule, codes)}`);
    passed.push(table);
    const alone = await counts(connection, `SELECT * FROM ${qualified} WHERE event_id IN (SELECT event_id FROM ${table})`);
    const together = await counts(connection, `SELECT * FROM ${qualified} WHERE ${passed.map((p) => `event_id IN (SELECT event_id FROM ${p})`).join(' AND ')}`);
    step(rule.name, together, alone.persons);
  }

  progress('ending cohort entries');
  const keep = passed.map((p) => `event_id IN (SELECT event_id FROM ${p})`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${t('final')} AS SELECT * FROM ${qualified}
    ${keep.length ? `WHERE ${keep.join(' AND ')}` : ''}
    QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY index_date, event_id) = 1`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${t('members')} AS ${exitSql(cdm, spec, t('final'), codes)}`);
  const members = await counts(connection, `SELECT * FROM ${t('members')}`);
  if (spec.occurrence === 'all' && members.events !== last.events) step('earliest qualifying entry per person', members);
  task.report('finishing', 1, `${members.persons} persons`);
  return { table: t('members'), persons: members.persons, attrition, shape: { oneEventPerPerson: spec.occurrence === 'first', firstRuleStep }, warnings };
}
