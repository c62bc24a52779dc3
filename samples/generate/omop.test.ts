import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITTED_SMALL, SqlSession, sqlPath } from './duckdb-testkit.js';
import { HBA1C_EFFECT, NSAID_GI_BLEED_EFFECT } from './effects.js';
import type { SampleManifest } from './generate.js';
import { OMOP_COLUMNS, type OmopTable } from './omop.js';

const directory = join(COMMITTED_SMALL, 'omop');
const manifest = JSON.parse(readFileSync(join(COMMITTED_SMALL, 'manifest.json'), 'utf8')) as SampleManifest;
const tables = Object.keys(OMOP_COLUMNS) as OmopTable[];
let sql: SqlSession;

beforeAll(async () => {
  sql = await SqlSession.open();
  for (const table of tables) {
    await sql.run(`create table ${table} as select * from read_csv(${sqlPath(join(directory, `${table}.csv`))}, header = true)`);
  }
});
afterAll(() => sql.close());

/**
 * The new-user cohort, computed from the files alone: index = first exposure to either drug, exit = first
 * outcome after index or the end of the observation period containing the index.
 */
const COHORT_SQL = `
  with first_use as (
    select person_id, arg_min(drug_concept_id, drug_exposure_start_date) as drug, min(drug_exposure_start_date) as index_date
    from drug_exposure
    where drug_concept_id in (${NSAID_GI_BLEED_EFFECT.exposure.conceptId}, ${NSAID_GI_BLEED_EFFECT.comparator.conceptId})
    group by person_id
  ), outcome as (
    select f.person_id, min(c.condition_start_date) as event_date
    from first_use f join condition_occurrence c
      on c.person_id = f.person_id and c.condition_concept_id = ${NSAID_GI_BLEED_EFFECT.outcome.conceptId}
     and c.condition_start_date > f.index_date
    group by f.person_id
  )
  select f.person_id, f.drug = ${NSAID_GI_BLEED_EFFECT.exposure.conceptId} as exposed, f.index_date,
         o.event_date is not null as event,
         coalesce(o.event_date, op.observation_period_end_date) - f.index_date as days
  from first_use f
  join observation_period op on op.person_id = f.person_id
   and f.index_date between op.observation_period_start_date and op.observation_period_end_date
  left join outcome o on o.person_id = f.person_id`;

describe('OMOP CDM v5.4 files', () => {
  it('have the v5.4 columns, lower-case, in DDL order', () => {
    for (const table of tables) {
      const header = readFileSync(join(directory, `${table}.csv`), 'utf8').split('\n', 1)[0];
      expect(header, table).toBe(OMOP_COLUMNS[table].join(','));
    }
  });

  it('carry only concept ids that concept.csv defines', async () => {
    const uses = tables.flatMap((table) =>
      OMOP_COLUMNS[table].filter((column) => column.endsWith('_concept_id') && table !== 'concept').map((column) => `select ${column}::bigint as id from ${table}`),
    );
    const missing = await sql.rows(`select distinct id from (${uses.join(' union all ')}) where id is not null and id not in (select concept_id from concept)`);
    expect(missing).toEqual([]);
    const standard = await sql.one(`select count(*) as n from condition_occurrence c join concept k on k.concept_id = c.condition_concept_id where k.standard_concept is distinct from 'S'`);
    expect(standard.n).toBe(0);
  });

  it('have persons with a birth year, gender 8507 or 8532, and one observation period each', async () => {
    const persons = await sql.one(`select count(*) as n, count(*) filter (where gender_concept_id not in (8507, 8532) or year_of_birth is null) as bad from person`);
    expect(persons).toEqual({ n: manifest.contents.persons, bad: 0 });
    const periods = await sql.one(`select count(distinct person_id) as n, count(*) filter (where observation_period_end_date < observation_period_start_date) as bad from observation_period`);
    expect(periods).toEqual({ n: manifest.contents.persons, bad: 0 });
  });

  it('put every event inside an observation period', async () => {
    const events = [
      ['visit_occurrence', 'visit_start_date', 'visit_end_date'],
      ['condition_occurrence', 'condition_start_date', 'coalesce(condition_end_date, condition_start_date)'],
      ['drug_exposure', 'drug_exposure_start_date', 'drug_exposure_end_date'],
      ['measurement', 'measurement_date', 'measurement_date'],
      ['death', 'death_date', 'death_date'],
    ] as const;
    for (const [table, start, end] of events) {
      const outside = await sql.one(`
        select count(*) as n from ${table} e
        where not exists (select 1 from observation_period op where op.person_id = e.person_id
          and e.${start} >= op.observation_period_start_date and ${end.replace(/(\w+_date)/g, 'e.$1')} <= op.observation_period_end_date)`);
      expect(outside.n, table).toBe(0);
    }
    const deathEndsObservation = await sql.one(`select count(*) as n from death d join observation_period op using (person_id) where d.death_date <> op.observation_period_end_date`);
    expect(deathEndsObservation.n).toBe(0);
  });

  it('link events to visits of the same person', async () => {
    const orphans = await sql.one(`
      select count(*) as n from condition_occurrence c
      left join visit_occurrence v on v.visit_occurrence_id = c.visit_occurrence_id and v.person_id = c.person_id
      where v.visit_occurrence_id is null`);
    expect(orphans.n).toBe(0);
  });

  it('code GI hemorrhage as K92.2 and drugs with ATC source values', async () => {
    const sources = await sql.rows(`select distinct condition_source_value as code from condition_occurrence where condition_concept_id = 192671`);
    expect(sources).toEqual([{ code: 'K92.2' }]);
    const atc = await sql.rows(`select distinct drug_source_value as code from drug_exposure where drug_concept_id in (1124300, 1118084) order by 1`);
    expect(atc).toEqual([{ code: 'M01AB05' }, { code: 'M01AH01' }]);
  });
});

describe('planted clinical effects', () => {
  it('keeps the two new-user arms apart and outcome-free before index', async () => {
    const both = await sql.one(`select count(*) as n from (select person_id from drug_exposure where drug_concept_id in (1124300, 1118084) group by person_id having count(distinct drug_concept_id) > 1)`);
    expect(both.n).toBe(0);
    const prior = await sql.one(`with c as (${COHORT_SQL}) select count(*) as n from c join condition_occurrence o on o.person_id = c.person_id and o.condition_concept_id = 192671 and o.condition_start_date <= c.index_date`);
    expect(prior.n).toBe(0);
  });

  it('recovers the diclofenac vs celecoxib hazard ratio as an incidence rate ratio', async () => {
    const arms = await sql.rows(`with c as (${COHORT_SQL}) select exposed, count(*) as persons, sum(event::int) as events, sum(days) / 365.25 as person_years from c group by exposed order by exposed desc`);
    const [exposed, comparator] = arms as { persons: number; events: number; person_years: number }[];
    if (!exposed || !comparator) throw new Error('both arms should have persons');
    const rateRatio = exposed.events / exposed.person_years / (comparator.events / comparator.person_years);
    const standardError = Math.sqrt(1 / exposed.events + 1 / comparator.events);
    // Tolerance: three standard errors of log(IRR) around the true hazard ratio.
    expect(Math.abs(Math.log(rateRatio) - Math.log(NSAID_GI_BLEED_EFFECT.hazardRatio))).toBeLessThan(3 * standardError);
    expect(rateRatio).toBeCloseTo(manifest.realized.omop.crudeIncidenceRateRatio, 3);
    expect({ persons: exposed.persons, events: exposed.events }).toEqual({ persons: manifest.realized.omop.exposure.persons, events: manifest.realized.omop.exposure.events });
    expect({ persons: comparator.persons, events: comparator.events }).toEqual({ persons: manifest.realized.omop.comparator.persons, events: manifest.realized.omop.comparator.events });
  });

  it('shows higher HbA1c with type 2 diabetes', async () => {
    const means = await sql.rows(`
      select exists (select 1 from condition_occurrence c where c.person_id = m.person_id and c.condition_concept_id = ${HBA1C_EFFECT.diabetesConceptId}) as diabetic,
             avg(value_as_number) as mean, count(*) as n, any_value(unit_source_value) as unit
      from measurement m where measurement_concept_id = ${HBA1C_EFFECT.measurementConceptId} group by diabetic order by diabetic desc`);
    const [withDiabetes, without] = means as { mean: number; n: number; unit: string }[];
    expect(withDiabetes?.mean).toBeCloseTo(HBA1C_EFFECT.meanWithDiabetes, 0);
    expect(Math.abs((withDiabetes?.mean ?? 0) - HBA1C_EFFECT.meanWithDiabetes)).toBeLessThan(0.3);
    expect(Math.abs((without?.mean ?? 0) - HBA1C_EFFECT.meanWithoutDiabetes)).toBeLessThan(0.15);
    expect(withDiabetes?.unit).toBe('%');
  });
});
