/**
 * Writes the synthetic clinical data as OMOP CDM v5.4 CSV files (lower-case headers, comma, ISO dates),
 * one person at a time, so memory stays flat whatever the number of persons.
 */
import { join } from 'node:path';
import { allConcepts, GENDER, ORAL_ROUTE, RACE, TYPE, VISIT } from './concepts.js';
import { isoDate, DAYS_PER_YEAR } from './dates.js';
import { simulatePerson, type PersonHistory } from './omop-person.js';
import type { Random } from './random.js';
import { csvRecord, flushFullWriters, LineWriter, type WrittenFile } from './write.js';

/** Column lists of OMOP CDM v5.4, in DDL order. */
export const OMOP_COLUMNS = {
  person: ['person_id', 'gender_concept_id', 'year_of_birth', 'month_of_birth', 'day_of_birth', 'birth_datetime', 'race_concept_id', 'ethnicity_concept_id', 'location_id', 'provider_id', 'care_site_id', 'person_source_value', 'gender_source_value', 'gender_source_concept_id', 'race_source_value', 'race_source_concept_id', 'ethnicity_source_value', 'ethnicity_source_concept_id'],
  observation_period: ['observation_period_id', 'person_id', 'observation_period_start_date', 'observation_period_end_date', 'period_type_concept_id'],
  visit_occurrence: ['visit_occurrence_id', 'person_id', 'visit_concept_id', 'visit_start_date', 'visit_start_datetime', 'visit_end_date', 'visit_end_datetime', 'visit_type_concept_id', 'provider_id', 'care_site_id', 'visit_source_value', 'visit_source_concept_id', 'admitted_from_concept_id', 'admitted_from_source_value', 'discharged_to_concept_id', 'discharged_to_source_value', 'preceding_visit_occurrence_id'],
  condition_occurrence: ['condition_occurrence_id', 'person_id', 'condition_concept_id', 'condition_start_date', 'condition_start_datetime', 'condition_end_date', 'condition_end_datetime', 'condition_type_concept_id', 'condition_status_concept_id', 'stop_reason', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'condition_source_value', 'condition_source_concept_id', 'condition_status_source_value'],
  drug_exposure: ['drug_exposure_id', 'person_id', 'drug_concept_id', 'drug_exposure_start_date', 'drug_exposure_start_datetime', 'drug_exposure_end_date', 'drug_exposure_end_datetime', 'verbatim_end_date', 'drug_type_concept_id', 'stop_reason', 'refills', 'quantity', 'days_supply', 'sig', 'route_concept_id', 'lot_number', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'drug_source_value', 'drug_source_concept_id', 'route_source_value', 'dose_unit_source_value'],
  measurement: ['measurement_id', 'person_id', 'measurement_concept_id', 'measurement_date', 'measurement_datetime', 'measurement_time', 'measurement_type_concept_id', 'operator_concept_id', 'value_as_number', 'value_as_concept_id', 'unit_concept_id', 'range_low', 'range_high', 'provider_id', 'visit_occurrence_id', 'visit_detail_id', 'measurement_source_value', 'measurement_source_concept_id', 'unit_source_value', 'unit_source_concept_id', 'value_source_value', 'measurement_event_id', 'meas_event_field_concept_id'],
  death: ['person_id', 'death_date', 'death_datetime', 'death_type_concept_id', 'cause_concept_id', 'cause_source_value', 'cause_source_concept_id'],
  concept: ['concept_id', 'concept_name', 'domain_id', 'vocabulary_id', 'concept_class_id', 'standard_concept', 'concept_code', 'valid_start_date', 'valid_end_date', 'invalid_reason'],
} as const;

export type OmopTable = keyof typeof OMOP_COLUMNS;

/** What the generator itself counted in the cohort of new users: recorded in the manifest. */
export interface StudyArmTally {
  persons: number;
  events: number;
  personYears: number;
}

export interface OmopResult {
  files: WrittenFile[];
  /** 1 where the person (index = person_id) has the outcome condition at any time. */
  outcomeByPerson: Uint8Array;
  arms: { exposure: StudyArmTally; comparator: StudyArmTally };
}

const RACE_SOURCE: Record<number, string> = { [RACE.white.id]: 'white', [RACE.black.id]: 'black', [RACE.asian.id]: 'asian' };

/** Row ids that run across persons. */
class RowIds {
  visit = 0;
  condition = 0;
  drug = 0;
  measurement = 0;
}

function writePerson(writers: Record<OmopTable, LineWriter>, ids: RowIds, person: PersonHistory): void {
  const id = person.personId;
  const male = person.gender === 'M';
  writers.person.line(csvRecord([id, male ? GENDER.male.id : GENDER.female.id, person.yearOfBirth, person.monthOfBirth, person.dayOfBirth, null, person.raceConceptId, person.ethnicityConceptId, null, null, null, null, person.gender, 0, RACE_SOURCE[person.raceConceptId] ?? 'unknown', 0, null, 0]));
  writers.observation_period.line(csvRecord([id, id, isoDate(person.observationStart), isoDate(person.observationEnd), TYPE.ehr.id]));
  for (const visit of person.visits) {
    visit.id = ++ids.visit;
    const source = visit.conceptId === VISIT.inpatient.id ? 'IP' : visit.conceptId === VISIT.emergency.id ? 'ER' : 'OP';
    writers.visit_occurrence.line(csvRecord([visit.id, id, visit.conceptId, isoDate(visit.start), null, isoDate(visit.end), null, TYPE.ehr.id, null, null, source, 0, null, null, null, null, visit.preceding?.id]));
  }
  for (const condition of person.conditions) {
    const end = condition.end === null ? null : isoDate(condition.end);
    writers.condition_occurrence.line(csvRecord([++ids.condition, id, condition.concept.id, isoDate(condition.start), null, end, null, TYPE.ehr.id, null, null, null, condition.visit.id, null, condition.concept.icd10, 0, null]));
  }
  for (const drug of person.drugs) {
    writers.drug_exposure.line(csvRecord([++ids.drug, id, drug.drug.id, isoDate(drug.start), null, isoDate(drug.end), null, null, TYPE.ehrPrescription.id, null, 0, drug.quantity, drug.daysSupply, null, ORAL_ROUTE.id, null, null, drug.visit?.id, null, drug.drug.atc, 0, 'oral', null]));
  }
  for (const lab of person.measurements) {
    const value = lab.value.toFixed(lab.decimals);
    writers.measurement.line(csvRecord([++ids.measurement, id, lab.concept.id, isoDate(lab.date), null, null, TYPE.lab.id, null, value, null, lab.concept.unit.id, lab.rangeLow, lab.rangeHigh, null, lab.visit.id, null, lab.concept.code, lab.concept.id, lab.concept.unit.code, null, value, null, null]));
  }
  if (person.death) {
    const cause = person.death.cause;
    writers.death.line(csvRecord([id, isoDate(person.death.date), null, TYPE.ehr.id, cause?.id ?? 0, cause?.icd10, 0]));
  }
}

function tallyArm(arms: OmopResult['arms'], person: PersonHistory): void {
  if (person.arm === null || person.indexDate === null) return;
  const tally = arms[person.arm];
  const exit = person.outcomeDate ?? person.observationEnd;
  tally.persons++;
  tally.events += person.outcomeDate === null ? 0 : 1;
  tally.personYears += (exit - person.indexDate) / DAYS_PER_YEAR;
}

export async function writeOmop(random: Random, outDirectory: string, persons: number): Promise<OmopResult> {
  const directory = join(outDirectory, 'omop');
  const tables = Object.keys(OMOP_COLUMNS) as OmopTable[];
  const writers = Object.fromEntries(tables.map((table) => [table, new LineWriter(join(directory, `${table}.csv`))])) as Record<OmopTable, LineWriter>;
  for (const table of tables) writers[table].line(csvRecord(OMOP_COLUMNS[table]));
  for (const concept of allConcepts()) {
    writers.concept.line(csvRecord([concept.id, concept.name, concept.domain, concept.vocabulary, concept.conceptClass, concept.standard, concept.code, '1970-01-01', '2099-12-31', null]));
  }

  const ids = new RowIds();
  const outcomeByPerson = new Uint8Array(persons + 1);
  const arms: OmopResult['arms'] = {
    exposure: { persons: 0, events: 0, personYears: 0 },
    comparator: { persons: 0, events: 0, personYears: 0 },
  };
  for (let personId = 1; personId <= persons; personId++) {
    const person = simulatePerson(random, personId);
    writePerson(writers, ids, person);
    if (person.outcomeDate !== null) outcomeByPerson[personId] = 1;
    tallyArm(arms, person);
    await flushFullWriters(Object.values(writers));
  }
  const files: WrittenFile[] = [];
  for (const table of tables) files.push(await writers[table].close());
  return { files, outcomeByPerson, arms };
}
