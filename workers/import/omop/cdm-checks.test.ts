import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageRows } from '../../../test/helpers/page-rows.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import type { ImportResult } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { CDM_CHECKS } from './cdm-checks.js';
import { TINY_CDM } from './testing/omop-fixtures.js';

/** tiny_cdm holds each kind of bad data once (test/fixtures/omop/SOURCES.md), so every check counts 1. */
describe('OMOP bad-data checks on a CDM whose bad rows are known by construction', () => {
  let engine: WorkspaceEngine;
  let result: ImportResult;

  beforeAll(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
    result = await engine.importFile({ path: TINY_CDM });
  });
  afterAll(async () => engine.close());

  it('counts each check once, keeps every row, and imports the folder as omop without being told', async () => {
    expect(result.dataset).toMatchObject({ name: 'tiny_cdm', kind: 'omop', rows: 4 });
    const totals = Object.fromEntries(Object.values(CDM_CHECKS).map((c) => [c.total, 1]));
    expect(result.counts).toEqual({ persons: 4, cdmVersion: 0, tables: 7, skippedFiles: 0, ...totals });
    const rows = Object.fromEntries(result.dataset.tables.map((t) => [t.table, t.rows]));
    expect(rows).toMatchObject({ 'tiny_cdm.observation_period': 5, 'tiny_cdm.condition_occurrence': 4, 'tiny_cdm.measurement': 2, 'tiny_cdm.death': 1 });
  });

  it('stores the checks per table with their handling in pmw_checks', async () => {
    const found = pageRows(await engine.query('SELECT "check", table_name, count, handling FROM tiny_cdm.pmw_checks WHERE count > 0 ORDER BY 1, 2'));
    expect(found.map(([check, table, count]) => [check, table, Number(count)])).toEqual([
      ['death_before_birth', 'death', 1],
      ['event_outside_observation', 'condition_occurrence', 1],
      ['event_without_person', 'measurement', 1],
      ['observation_period_ends_before_start', 'observation_period', 1],
      ['observation_period_without_person', 'observation_period', 1],
      ['person_without_observation_period', 'person', 1],
      ['unknown_concept_id', 'condition_occurrence', 1],
      ['unmapped_concept_id', 'condition_occurrence', 1],
    ]);
    expect(found.find(([check]) => check === 'event_outside_observation')![3]).toBe(CDM_CHECKS.eventOutsideObservation.handling);
    const checkedTables = pageRows(await engine.query("SELECT list(table_name ORDER BY table_name) FROM tiny_cdm.pmw_checks WHERE \"check\" = 'event_outside_observation'"));
    expect(checkedTables[0]![0]).toEqual(['condition_occurrence', 'drug_exposure', 'measurement', 'observation', 'procedure_occurrence', 'visit_occurrence']);
  });

  it('says in a warning what each finding means for cohorts, and that the version is unknown', () => {
    // The last warning is the data quality report's summary (its checks are tested in workers/analysis/quality).
    expect(result.warnings!.at(-1)).toBe(`data quality: ${result.quality!.failed} of ${result.quality!.checks.length} checks failed (pmw quality tiny_cdm)`);
    expect(result.warnings!.slice(0, -1)).toEqual([
      'the CDM version could not be told (no cdm_source.cdm_version, and no column that differs between 5.3 and 5.4): the tables have the 5.4 shape (cdmVersion 0)',
      'persons with no observation period: 1 (person: 1); kept; never enters a cohort (cohort entry needs an observation period) (personsWithoutObservationPeriod)',
      'observation periods that end before they start: 1 (observation_period: 1); kept; holds no day, so no event falls inside it (observationPeriodsEndingBeforeStart)',
      'observation periods whose person_id is not in person: 1 (observation_period: 1); kept; never used: persons without a person row never enter cohorts (observationPeriodsWithoutPerson)',
      'events whose person_id is not in person: 1 (measurement: 1); kept; never used: persons without a person row never enter cohorts (eventsWithoutPerson)',
      'events outside every observation period of their person: 1 (condition_occurrence: 1); kept; ignored by cohort logic (only events inside an observation period count) (eventsOutsideObservation)',
      'deaths dated before the earliest possible birth date: 1 (death: 1); kept and flagged; cohort logic uses the death as recorded (deathsBeforeBirth)',
      '*_concept_id values (not 0) missing from concept: 1 (condition_occurrence: 1 in condition_concept_id); kept; such a concept has no name, and concept sets that take descendants cannot reach it (unknownConceptIds)',
      'rows whose main concept is 0 (no matching concept): 1 (condition_occurrence: 1); kept; only source-code criteria (*_source_value) find these rows (unmappedConceptIds)',
    ]);
  });
});

/** One line per row; an empty field is NULL. */
const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';

/**
 * Observation periods and events chosen where a check could go wrong: overlapping, adjacent, nested and
 * repeated periods of one person, a one-day period, periods ending before they start or missing a date,
 * events on the first and last day of a period, events without a date, persons without a period, a person
 * listed twice, and several unknown concepts in one table (the warning lists them largest first, then by name).
 */
const EDGE_CDM: Record<string, string> = {
  'person.csv': csv('person_id,gender_concept_id,year_of_birth', ['1,8507,1950', '2,8532,1960', '3,8507,1970', '4,8532,1980', '5,8507,1955', '6,8532,1965', '6,8532,1965']),
  'observation_period.csv': csv('observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id', [
    '1,1,2010-01-01,2010-12-31,32817', '2,1,2010-06-01,2011-06-30,32817', '3,1,2011-07-01,2011-12-31,32817', // overlapping, then adjacent
    '4,1,2013-01-01,2014-12-31,32817', '5,1,2013-03-01,2013-04-01,32817', '6,1,2013-01-01,2014-12-31,32817', // nested, repeated
    '7,2,2012-05-01,2012-05-01,32817', '8,2,2015-01-01,2014-01-01,32817', // one day; ends before it starts
    '9,3,,2012-12-31,32817', '10,3,2012-01-01,,32817', // a date missing: holds no day
    '11,5,2000-01-01,2020-12-31,32817', '12,6,2010-01-01,2010-12-31,32817', '13,99,2000-01-01,2020-12-31,32817', '14,,2000-01-01,2020-12-31,32817',
  ]),
  'condition_occurrence.csv': csv('condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id,condition_status_concept_id,condition_source_concept_id', [
    '1,1,192671,2010-01-01,32817,,', '2,1,111,2011-06-30,32817,,', '3,1,111,2011-07-01,222,,', '4,1,0,2011-12-31,222,,',
    '5,1,0,2012-01-01,32817,333,', '6,1,192671,2009-12-31,32817,,444', '7,1,192671,2013-03-15,32817,,', '8,1,192671,2014-12-31,32817,,',
    '9,1,192671,2015-01-01,32817,,', '10,1,192671,,32817,,', '11,2,192671,2012-05-01,32817,,', '12,2,192671,2012-05-02,32817,,',
    '13,2,192671,2014-06-01,32817,,', '14,3,192671,2012-06-01,32817,,', '15,4,192671,2012-06-01,32817,,', '16,4,192671,,32817,,',
    '17,6,192671,2010-05-05,32817,,', '18,6,192671,2011-05-05,32817,,', '19,99,192671,2010-05-05,32817,,', '20,,192671,2010-05-05,32817,,',
  ]),
  'measurement.csv': csv('measurement_id,person_id,measurement_concept_id,measurement_date,measurement_type_concept_id', [
    '1,5,3004410,2000-01-01,32817', '2,5,3004410,2020-12-31,32817', '3,5,3004410,2021-01-01,32817', '4,5,3004410,1999-12-31,32817',
  ]),
  'death.csv': csv('person_id,death_date,death_type_concept_id', ['1,2016-01-01,32817', '99,2016-01-01,32817']),
  'concept.csv': csv('concept_id,concept_name', ['0,No matching concept', '8507,MALE', '8532,FEMALE', '32817,EHR', '192671,Gastrointestinal hemorrhage', '3004410,HbA1c']),
};

describe('OMOP bad-data checks where periods overlap, touch or lack dates, and events lack dates', () => {
  const temp = useTempDir();

  it('counts each event once, against the union of its person\'s periods, days at both ends included', async () => {
    const folder = join(temp(), 'edge_cdm');
    mkdirSync(folder);
    for (const [file, text] of Object.entries(EDGE_CDM)) writeFileSync(join(folder, file), text);
    const engine = new WorkspaceEngine();
    try {
      await engine.openWorkspace(':memory:');
      const result = await engine.importFile({ path: folder });
      const found = pageRows(await engine.query('SELECT "check" || \' \' || table_name, count FROM edge_cdm.pmw_checks WHERE count > 0'));
      expect(Object.fromEntries(found.map(([where, count]) => [where, Number(count)]))).toEqual({
        // person 1: 2009-12-31, 2012-01-01, 2015-01-01 and no date; person 2: 2; 3 and 6: 1 each; 4: 2
        'event_outside_observation condition_occurrence': 10,
        'event_outside_observation measurement': 2, // the first and last day of person 5's period are inside
        'event_without_person condition_occurrence': 2, 'event_without_person death': 1,
        'observation_period_ends_before_start observation_period': 1, 'observation_period_without_person observation_period': 2,
        'person_without_observation_period person': 1,
        'unknown_concept_id condition_occurrence': 6, 'unmapped_concept_id condition_occurrence': 2,
      });
      expect(result.warnings).toContain('*_concept_id values (not 0) missing from concept: 6 (condition_occurrence: 6 in condition_concept_id, condition_type_concept_id, condition_source_concept_id, …); kept; such a concept has no name, and concept sets that take descendants cannot reach it (unknownConceptIds)');
    } finally {
      await engine.close();
    }
  });
});
