import { quoteIdentifier, quoteLiteral } from '../../../db/quote.js';
import { typedColumnSql } from '../cdm-table-sql.js';
import { readFileSql } from '../scan-folder-files.js';
import type { FieldKind, SectionName, SexValue } from './mapping-spec.js';
import type { ResolvedSection } from './mapped-files.js';

/** OMOP gender concepts (Book of OHDSI, ch. 4); 0 is "no matching concept". */
export const GENDER = { male: 8507, female: 8532, unknown: 0 } as const;

/** Source values read as a gender when the mapping gives no sexValues, compared folded to lower case. */
export const DEFAULT_SEX_VALUES = new Map<string, SexValue>([
  ['m', 'male'], ['male', 'male'], ['man', 'male'], ['f', 'female'], ['female', 'female'], ['woman', 'female'],
]);

const KIND_TYPE: Record<FieldKind, string> = { id: 'VARCHAR', text: 'VARCHAR', date: 'DATE', integer: 'INTEGER', number: 'DOUBLE' };

/** The temporary table a section is staged in, on the import's own connection. */
export function stagedTable(section: SectionName): string {
  return `pmw_map_${section}`;
}

export const PERSON_IDS = 'pmw_map_person_ids';

/** Types to read a section's file with, by the file's column names. */
export function stagingTypes(section: ResolvedSection): Record<string, string> {
  return Object.fromEntries(section.fields.map((f) => [f.column, KIND_TYPE[f.kind]]));
}

/** Stages a section under its field names (`person`, `date`, `code`, …), ids as trimmed text. */
export function stageSectionSql(section: ResolvedSection, dateFormat: string | null): string {
  const select = section.fields.map(({ field, column, kind }) => {
    const typed = typedColumnSql(section.scanned, column, KIND_TYPE[kind]);
    const value = kind === 'id' ? `NULLIF(trim(CAST(${typed} AS VARCHAR)), '')` : typed;
    return `${value} AS ${quoteIdentifier(field)}`;
  });
  const read = readFileSql(section.scanned, stagingTypes(section), dateFormat ?? undefined);
  return `CREATE TEMP TABLE ${stagedTable(section.section)} AS SELECT ${select.join(', ')} FROM ${read}`;
}

/** Every distinct person id the sections mention (persons first), for numbering. */
export function distinctSourceIdsSql(sections: ResolvedSection[]): string {
  const ids = sections.map((s) => `SELECT ${quoteIdentifier(s.section === 'persons' ? 'id' : 'person')} AS source_id FROM ${stagedTable(s.section)}`);
  return `SELECT DISTINCT source_id FROM (${ids.join(' UNION ALL ')}) WHERE source_id IS NOT NULL`;
}

/**
 * person_id for each source id: the id itself when every id is a whole number that fits a BIGINT (and no
 * two spell the same number), else 1, 2, … in the sorted order of the id text. Deterministic either way.
 */
export function personIdsSql(numeric: boolean, sections: ResolvedSection[]): string {
  const personId = numeric ? 'CAST(source_id AS BIGINT)' : 'row_number() OVER (ORDER BY source_id)';
  return `CREATE TEMP TABLE ${PERSON_IDS} AS SELECT source_id, ${personId} AS person_id FROM (${distinctSourceIdsSql(sections)})`;
}

/** Whether the ids can be kept as numbers: all whole numbers, each a different BIGINT. */
export function numericIdsSql(sections: ResolvedSection[]): string {
  return `SELECT count(*) = count(DISTINCT TRY_CAST(source_id AS BIGINT)) AND coalesce(bool_and(regexp_full_match(source_id, '[+-]?[0-9]+')), true)
    FROM (${distinctSourceIdsSql(sections)})`;
}

function conceptOfSex(value: SexValue): number {
  return typeof value === 'number' ? value : GENDER[value];
}

/** `CASE lower(trim(sex)) WHEN 'm' THEN 8507 … ELSE 0 END`. */
export function genderConceptSql(column: string, values: Map<string, SexValue>): string {
  const cases = [...values].map(([source, sex]) => `WHEN ${quoteLiteral(source)} THEN ${conceptOfSex(sex)}`);
  return `CASE lower(trim(${column})) ${cases.join(' ')} ELSE 0 END`;
}

const has = (section: ResolvedSection, field: string) => section.fields.some((f) => f.field === field);
const field = (section: ResolvedSection, name: string, otherwise = 'NULL') => (has(section, name) ? `x.${quoteIdentifier(name)}` : otherwise);

/** Row ids that do not depend on the order DuckDB reads rows in: numbered over every staged column. */
function rowIdSql(section: ResolvedSection): string {
  const order = ['i.person_id', ...section.fields.filter((f) => f.kind !== 'id').map((f) => `x.${quoteIdentifier(f.field)}`)];
  return `row_number() OVER (ORDER BY ${order.join(', ')})`;
}

/** FROM clause joining a staged event section to the person ids; rows whose person is unknown keep a NULL person_id. */
function fromStaged(section: ResolvedSection): string {
  return `FROM ${stagedTable(section.section)} x LEFT JOIN ${PERSON_IDS} i ON i.source_id = x.person`;
}

/** INSERT statements filling the CDM tables of `schema` from the staged sections, one per section. */
export function insertSectionSql(schema: string, section: ResolvedSection, sexValues: Map<string, SexValue>): string {
  const into = (table: string, columns: string) => `INSERT INTO ${quoteIdentifier(schema)}.${quoteIdentifier(table)} (${columns})`;
  switch (section.section) {
    case 'persons': {
      const birthDate = field(section, 'birthDate', 'CAST(NULL AS DATE)');
      const year = has(section, 'birthDate') ? `year(${birthDate})` : field(section, 'birthYear');
      const sex = field(section, 'sex');
      return `${into('person', 'person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth, birth_datetime, race_concept_id, ethnicity_concept_id, person_source_value, gender_source_value, gender_source_concept_id, race_source_concept_id, ethnicity_source_concept_id')}
        SELECT i.person_id, ${has(section, 'sex') ? genderConceptSql(sex, sexValues) : '0'}, ${year}, month(${birthDate}), day(${birthDate}),
          CAST(${birthDate} AS TIMESTAMP), 0, 0, x.id, ${sex}, 0, 0, 0
        FROM ${stagedTable('persons')} x JOIN ${PERSON_IDS} i ON i.source_id = x.id`;
    }
    case 'observationPeriods':
      return `${into('observation_period', 'observation_period_id, person_id, observation_period_start_date, observation_period_end_date, period_type_concept_id')}
        SELECT ${rowIdSql(section)}, i.person_id, x.start, x."end", 0 ${fromStaged(section)}`;
    case 'visits':
      return `${into('visit_occurrence', 'visit_occurrence_id, person_id, visit_concept_id, visit_start_date, visit_end_date, visit_type_concept_id, visit_source_value, visit_source_concept_id')}
        SELECT ${rowIdSql(section)}, i.person_id, 0, x.start, coalesce(${field(section, 'end')}, x.start), 0, ${field(section, 'code')}, 0 ${fromStaged(section)}`;
    case 'conditions':
      return `${into('condition_occurrence', 'condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_end_date, condition_type_concept_id, condition_source_value, condition_source_concept_id')}
        SELECT ${rowIdSql(section)}, i.person_id, 0, x.date, ${field(section, 'endDate')}, 0, x.code, 0 ${fromStaged(section)}`;
    case 'drugs': {
      // THEMIS convention: without an end date, the end is start + days supply − 1; without either, the start.
      const days = field(section, 'daysSupply');
      const end = `coalesce(${field(section, 'end')}, CASE WHEN ${days} > 0 THEN x.start + (${days} - 1) END, x.start)`;
      return `${into('drug_exposure', 'drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_end_date, drug_type_concept_id, days_supply, quantity, drug_source_value, drug_source_concept_id')}
        SELECT ${rowIdSql(section)}, i.person_id, 0, x.start, ${end}, 0, ${days}, ${field(section, 'quantity')}, x.code, 0 ${fromStaged(section)}`;
    }
    case 'measurements': {
      const value = field(section, 'value');
      return `${into('measurement', 'measurement_id, person_id, measurement_concept_id, measurement_date, measurement_type_concept_id, value_as_number, measurement_source_value, measurement_source_concept_id, unit_source_value, value_source_value')}
        SELECT ${rowIdSql(section)}, i.person_id, 0, x.date, 0, TRY_CAST(${value} AS DOUBLE), x.code, 0, ${field(section, 'unit')}, ${value} ${fromStaged(section)}`;
    }
    case 'deaths':
      return `${into('death', 'person_id, death_date, death_type_concept_id, cause_concept_id, cause_source_value, cause_source_concept_id')}
        SELECT i.person_id, x.date, 0, 0, ${field(section, 'cause')}, 0 ${fromStaged(section)}`;
  }
}

/** Each person's first to last recorded date (events, their ends, death), for folders without observation periods. */
export function deriveObservationPeriodsSql(schema: string): string {
  const s = (table: string) => `${quoteIdentifier(schema)}.${table}`;
  const dates = [
    ['visit_occurrence', 'visit_start_date'], ['visit_occurrence', 'visit_end_date'],
    ['condition_occurrence', 'condition_start_date'], ['condition_occurrence', 'condition_end_date'],
    ['drug_exposure', 'drug_exposure_start_date'], ['drug_exposure', 'drug_exposure_end_date'],
    ['measurement', 'measurement_date'], ['death', 'death_date'],
  ].map(([table, column]) => `SELECT person_id, ${column} AS day FROM ${s(table!)}`);
  return `INSERT INTO ${s('observation_period')} (observation_period_id, person_id, observation_period_start_date, observation_period_end_date, period_type_concept_id)
    SELECT row_number() OVER (ORDER BY person_id), person_id, min(day), max(day), 0
    FROM (${dates.join(' UNION ALL ')}) WHERE day IS NOT NULL AND person_id IN (SELECT person_id FROM ${s('person')})
    GROUP BY person_id`;
}
