import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectImportRefused } from '../../../../test/helpers/import-refusal.js';
import { FIXTURES, useTempDir } from '../../../../test/helpers/temp-dir.js';
import { pageRows } from '../../../../test/helpers/page-rows.js';
import type { ImportRequest } from '../../../engine/api.js';
import { copyFixture, PLAIN, useWorkspace } from '../testing/omop-fixtures.js';

const MAPPING = join(PLAIN, 'mapping.json');

const temp = useTempDir();

function writeFolder(name: string, files: Record<string, string>): string {
  const folder = join(temp(), name);
  copyFixture(join(FIXTURES, 'omop', 'plain'), folder);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

function writeMapping(mapping: unknown, name = 'mapping.json'): string {
  const path = join(temp(), name);
  writeFileSync(path, typeof mapping === 'string' ? mapping : JSON.stringify(mapping, null, 2));
  return path;
}

describe('OMOP import of plain files through a mapping', () => {
  const ws = useWorkspace(temp);

  const rows = async (sql: string) => pageRows(await ws.engine.query(sql)).map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));

  it('maps patients, ICD-10 diagnoses, ATC prescriptions and LOINC labs, keeping the codes as source values', async () => {
    const result = await ws.engine.importFile({ path: PLAIN, omop: { mapping: MAPPING } });
    expect(result.dataset).toMatchObject({ name: 'plain', kind: 'omop', rows: 4 });
    expect(result.counts).toMatchObject({
      persons: 4, cdmVersion: 5.4, personsWithoutId: 0, unrecognisedSexValues: 1, nonNumericLabValues: 1, derivedObservationPeriods: 3,
      personsWithoutObservationPeriod: 1, eventsWithoutPerson: 1, eventsOutsideObservation: 0,
    });
    expect(await rows('SELECT person_id, person_source_value, gender_concept_id, gender_source_value, year_of_birth, month_of_birth, day_of_birth FROM plain.person ORDER BY 1')).toEqual([
      [1, 'P001', 8532, 'F', 1956, 3, 14], [2, 'P002', 8507, 'M', 1948, 11, 2], [3, 'P003', 8532, 'female', 1990, 7, 21], [4, 'P004', 0, 'X', 1975, 1, 1],
    ]);
    expect(await rows('SELECT person_id, condition_concept_id, CAST(condition_start_date AS VARCHAR), condition_source_value FROM plain.condition_occurrence ORDER BY condition_occurrence_id')).toEqual([
      [1, 0, '2019-04-02', 'K92.2'], [1, 0, '2020-01-15', 'M17.1'], [2, 0, '2018-06-30', 'I10'], [3, 0, '2021-09-09', 'E11.9'], [5, 0, '2020-02-02', 'J45'],
    ]);
    expect(await rows('SELECT person_id, CAST(drug_exposure_start_date AS VARCHAR), CAST(drug_exposure_end_date AS VARCHAR), days_supply, drug_source_value FROM plain.drug_exposure ORDER BY 1')).toEqual([
      [1, '2019-01-10', '2019-02-08', 30, 'M01AH01'], [2, '2018-07-01', '2018-09-28', 90, 'C09AA05'], [3, '2021-10-01', '2021-10-01', null, 'A10BA02'],
    ]);
    expect(await rows('SELECT person_id, measurement_source_value, value_as_number, value_source_value, unit_source_value FROM plain.measurement ORDER BY measurement_id')).toEqual([
      [1, '718-7', 10.2, '10.2', 'g/dL'], [3, '4548-4', 8.1, '8.1', '%'], [3, '4548-4', null, '<5', '%'],
    ]);
    expect(await rows('SELECT person_id, CAST(observation_period_start_date AS VARCHAR), CAST(observation_period_end_date AS VARCHAR) FROM plain.observation_period ORDER BY 1')).toEqual([
      [1, '2019-01-10', '2020-01-15'], [2, '2018-06-30', '2018-09-28'], [3, '2021-09-09', '2021-12-01'],
    ]);
    expect(result.warnings).toContain('person ids are not all whole numbers: person_id numbers them 1, 2, … in sorted order of the id; the id as given is person_source_value');
    expect(result.warnings!.some((w) => w.startsWith('the mapping has no observationPeriods'))).toBe(true);
  });

  it('keeps whole-number ids, reads given observation periods, visits and deaths, a date format and sex codes', async () => {
    const folder = writeFolder('registry', {
      'people.csv': 'pid;gender;born\n10;1;1970\n20;2;1985\n',
      'periods.csv': 'pid;from;to\n10;01/01/2015;31/12/2020\n20;01/06/2016;31/12/2020\n',
      'visits.csv': 'pid;in;out;kind\n10;03/02/2016;05/02/2016;IP\n',
      'deaths.csv': 'pid;died;why\n20;01/03/2020;I21\n',
    });
    const mapping = writeMapping({
      dateFormat: '%d/%m/%Y',
      sexValues: { 1: 'male', 2: 'female' },
      persons: { file: 'people.csv', id: 'pid', sex: 'gender', birthYear: 'born' },
      observationPeriods: { file: 'periods.csv', person: 'pid', start: 'from', end: 'to' },
      visits: { file: 'visits.csv', person: 'pid', start: 'in', end: 'out', code: 'kind' },
      deaths: { file: 'deaths.csv', person: 'pid', date: 'died', cause: 'why' },
    });
    const result = await ws.engine.importFile({ path: folder, kind: 'omop', omop: { mapping } });
    expect(result.counts).toMatchObject({ persons: 2, derivedObservationPeriods: 0, unrecognisedSexValues: 0, eventsOutsideObservation: 0 });
    expect(await rows('SELECT person_id, gender_concept_id, year_of_birth, month_of_birth FROM registry.person ORDER BY 1')).toEqual([[10, 8507, 1970, null], [20, 8532, 1985, null]]);
    expect(await rows('SELECT person_id, CAST(observation_period_start_date AS VARCHAR) FROM registry.observation_period ORDER BY 1')).toEqual([[10, '2015-01-01'], [20, '2016-06-01']]);
    expect(await rows('SELECT person_id, CAST(visit_end_date AS VARCHAR), visit_source_value FROM registry.visit_occurrence')).toEqual([[10, '2016-02-05', 'IP']]);
    expect(await rows('SELECT person_id, CAST(death_date AS VARCHAR), cause_source_value FROM registry.death')).toEqual([[20, '2020-03-01', 'I21']]);
  });

});

describe('OMOP import through a mapping: bad mappings and bad plain data are refused, saying where, and change nothing', () => {
  const seeded = useWorkspace(temp, { seeded: true });
  const refused = (req: Partial<ImportRequest>, expected: Record<string, unknown>) =>
    expectImportRefused(seeded.engine, seeded.before, { path: PLAIN, kind: 'omop', ...req }, expected);
  const plainMapping = () => JSON.parse(JSON.stringify(MAPPING_JSON)) as typeof MAPPING_JSON;

  it('JSON syntax, unknown sections and fields, missing fields: the JSON path and what is allowed', async () => {
    const broken = writeMapping('{\n  "persons": { "file": "patients.csv" "id": "patient_id" }\n}', 'broken.json');
    await refused({ omop: { mapping: broken } }, { code: 'BAD_REQUEST', file: broken, line: 2, column: 39 });
    const typo = plainMapping() as Record<string, any>;
    typo.conditions.dat = typo.conditions.date;
    const error = await refused({ omop: { mapping: writeMapping(typo) } }, { code: 'BAD_REQUEST' });
    expect(error.message).toMatch(/: conditions\.dat is not a field of conditions$/);
    expect(error.hint).toBe('its fields are file, person, date, code, endDate');
    const unknown = { ...plainMapping(), labs: {} };
    await refused({ omop: { mapping: writeMapping(unknown) } }, { code: 'BAD_REQUEST', message: expect.stringMatching(/: labs is not a section of a mapping$/) });
    const { persons: _persons, ...noPersons } = plainMapping();
    await refused({ omop: { mapping: writeMapping(noPersons) } }, { code: 'BAD_REQUEST', message: expect.stringMatching(/has no persons section$/) });
    const noCode = plainMapping() as Record<string, any>;
    delete noCode.drugs.code;
    await refused({ omop: { mapping: writeMapping(noCode) } }, { code: 'BAD_REQUEST', message: expect.stringMatching(/: drugs has no code$/) });
  });

  it('a missing mapping file, data file or column names the section and field', async () => {
    await refused({ omop: { mapping: join(temp(), 'absent.json') } }, { code: 'FILE_NOT_FOUND' });
    const missingFile = plainMapping();
    missingFile.drugs.file = 'Prescriptions.csv';
    const error = await refused({ omop: { mapping: writeMapping(missingFile) } }, { code: 'FILE_NOT_FOUND' });
    expect(error.message).toMatch(/: drugs\.file names Prescriptions\.csv, which is not in /);
    const missingColumn = plainMapping();
    missingColumn.conditions.code = 'icd_10';
    await refused({ omop: { mapping: writeMapping(missingColumn) } }, {
      code: 'BAD_REQUEST', file: join(PLAIN, 'diagnoses.csv'), line: 1,
      message: 'diagnoses.csv has no column icd_10 (mapping conditions.code); its columns are patient_id, diagnosis_date, icd10',
    });
  });

  it('a date that is not a date, and a patient listed twice, name the file (and the line)', async () => {
    const folder = writeFolder('bad_date', { 'diagnoses.csv': 'patient_id,diagnosis_date,icd10\nP001,2019-04-02,K92.2\nP002,02/04/2019,I10\n' });
    const error = await refused({ path: folder, omop: { mapping: MAPPING } }, { code: 'FILE_FORMAT', file: join(folder, 'diagnoses.csv'), line: 3, column: 6 });
    expect(error.message).toBe('line 3 of diagnoses.csv, column 6: diagnosis_date holds "02/04/2019", which is not a DATE (diagnosis_date is DATE in the mapping, which reads dates as YYYY-MM-DD)');
    const twice = writeFolder('twice', { 'patients.csv': 'patient_id,sex,birth_date\nP001,F,1956-03-14\nP001,F,1956-03-14\n' });
    await refused({ path: twice, omop: { mapping: MAPPING } }, { code: 'FILE_FORMAT', message: 'patients.csv lists patient_id P001 on 2 rows; each person must have one row' });
  });
});

const MAPPING_JSON = {
  persons: { file: 'patients.csv', id: 'patient_id', sex: 'sex', birthDate: 'birth_date' },
  conditions: { file: 'diagnoses.csv', person: 'patient_id', date: 'diagnosis_date', code: 'icd10' },
  drugs: { file: 'prescriptions.csv', person: 'patient_id', start: 'start_date', daysSupply: 'days_supply', code: 'atc' },
  measurements: { file: 'labs.csv', person: 'patient_id', date: 'date', code: 'loinc', value: 'value', unit: 'unit' },
};
