import { quoteLiteral } from '../../db/quote.js';
import type { DatasetTable } from '../../engine/api.js';
import { CDM_TABLES } from '../../import/omop/cdm-tables.js';
import type { RowCheck, TablePlan } from './check-plan.js';
import { shortName } from './check-plan.js';
import { codeChecks, completenessCheck, endBeforeStartCheck, futureDateCheck, negativeCheck, referenceCheck, rowColumn } from './column-checks.js';
import { isTemporalType, startEndPairs } from './column-names.js';
import { omopPersonPlans } from './omop-person-checks.js';
import { requiredColumns } from './omop-required.js';
import { THRESHOLDS } from './thresholds.js';
import { duplicateKeyCheck, duplicateRowsCheck } from './uniqueness-checks.js';

/**
 * Columns that cannot be negative (DQD plausibleValueLow: quantity > 0, days_supply ≥ 1, refills ≥ 0; we
 * flag only values below zero). measurement and observation `value_as_number`, `range_low` and
 * `range_high` are left alone: base excess, temperatures in °C and z-scores are negative by nature.
 */
const NON_NEGATIVE: Record<string, string[]> = {
  drug_exposure: ['quantity', 'days_supply', 'refills'],
  procedure_occurrence: ['quantity'],
  device_exposure: ['quantity'],
  specimen: ['quantity'],
  dose_era: ['dose_value'],
};

/** Intervals whose columns are not named `…start…`/`…end…`. */
const OTHER_INTERVALS: Record<string, { start: string; end: string }[]> = {
  procedure_occurrence: [{ start: 'procedure_date', end: 'procedure_end_date' }, { start: 'procedure_datetime', end: 'procedure_end_datetime' }],
};

/** Code formats checked in `concept`, by the vocabularies that hold them. */
const VOCABULARY_CODES = [
  { system: 'icd10', vocabularies: ['ICD10', 'ICD10CM'] },
  { system: 'atc', vocabularies: ['ATC'] },
  { system: 'loinc', vocabularies: ['LOINC'] },
] as const;

const CONCEPT_ID_COLUMN = /_concept_id(_\d)?$/;

/**
 * An `omop` dataset: each CDM table with rows gets its own checks (below), and the event tables the checks
 * that read `person` and `observation_period` (omop-person-checks.ts).
 */
export function omopPlans(tables: DatasetTable[]): TablePlan[] {
  const find = (name: string) => tables.find((t) => shortName(t.table) === name);
  const person = find('person');
  const concept = find('concept');
  const refs = { person: person?.table, concept: concept && concept.rows > 0 ? concept.table : undefined };
  const cdmTables = tables.filter((t) => t.rows > 0 && CDM_TABLES.has(shortName(t.table)));
  return [...cdmTables.map((t) => omopTablePlan(t, refs)), ...omopPersonPlans(tables)];
}

/**
 * Required columns (NOT NULL in the 5.4 DDL) and every other column's null share; dates after today
 * (not in the vocabulary tables, whose valid_end_date is 2099-12-31 by convention); ends before starts;
 * negative quantities; the `${table}_id` key, or whole-row duplicates in tables without one; person_id in
 * person; and, when `concept` has rows, every non-zero *_concept_id of the clinical and derived tables in
 * concept (0 is "no matching concept", a mapping gap rather than a broken reference).
 */
function omopTablePlan(table: DatasetTable, refs: { person?: string; concept?: string }): TablePlan {
  const name = table.table;
  const short = shortName(name);
  const cdm = CDM_TABLES.get(short)!;
  const has = (column: string) => table.columns.some((c) => c.name === column);
  const required = new Set(requiredColumns(short));
  const rowChecks: RowCheck[] = table.columns.map((c) =>
    completenessCheck(name, c.name, required.has(c.name) ? THRESHOLDS.required : THRESHOLDS.informational));
  if (cdm.group !== 'vocabulary') {
    for (const c of table.columns.filter((c) => isTemporalType(c.type))) rowChecks.push(futureDateCheck(name, c.name));
  }
  const intervals = [...startEndPairs(table.columns), ...(OTHER_INTERVALS[short] ?? []).filter((i) => has(i.start) && has(i.end))];
  for (const { start, end } of intervals) rowChecks.push(endBeforeStartCheck(name, start, end));
  for (const column of (NON_NEGATIVE[short] ?? []).filter(has)) rowChecks.push(negativeCheck(name, column));
  if (short === 'concept') rowChecks.push(...vocabularyCodeChecks(name));
  if (refs.concept && (cdm.group === 'clinical' || cdm.group === 'derived')) {
    for (const c of table.columns.filter((c) => CONCEPT_ID_COLUMN.test(c.name))) rowChecks.push(conceptKnownCheck(name, c.name, refs.concept));
  }
  if (refs.person && short !== 'person' && has('person_id')) {
    rowChecks.push(referenceCheck({
      id: `integrity.person.${short}`, category: 'integrity', table: name, column: 'person_id',
      target: refs.person, targetColumn: 'person_id', description: 'person_id not found in person',
    }));
  }
  const key = `${short}_id`;
  const queryChecks = [has(key) ? duplicateKeyCheck(name, [key]) : duplicateRowsCheck(name, table.columns.map((c) => c.name))];
  return { table: name, rowChecks, queryChecks };
}

function vocabularyCodeChecks(concept: string): RowCheck[] {
  return VOCABULARY_CODES.flatMap(({ system, vocabularies }) => codeChecks(concept, 'concept_code', system, {
    sql: `${rowColumn('vocabulary_id')} IN (${vocabularies.map(quoteLiteral).join(', ')})`,
    label: `${vocabularies.join(', ')} concepts`,
  }));
}

/** A non-zero concept id that `concept` does not list (DQD isForeignKey on CONCEPT.CONCEPT_ID). */
function conceptKnownCheck(table: string, column: string, concept: string): RowCheck {
  const check = referenceCheck({
    id: `conformance.concept_id.${shortName(table)}.${column}`, category: 'conformance', table, column,
    target: concept, targetColumn: 'concept_id', description: `${column} not found in concept`,
  });
  return { ...check, applies: `${check.applies} AND ${rowColumn(column)} <> 0` };
}
