import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageRows } from '../../../test/helpers/page-rows.js';
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
    expect(result.warnings).toEqual([
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
