import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../../../db/quote.js';
import type { Task } from '../../../db/tasks.js';
import { PmwError } from '../../../engine/errors.js';
import { runInSlice } from '../../reports/scaled-progress.js';
import { readOrExplain } from '../read-or-explain.js';
import type { OmopMapping } from './mapping-spec.js';
import type { ResolvedSection } from './mapped-files.js';
import {
  DEFAULT_SEX_VALUES, deriveObservationPeriodsSql, insertSectionSql, numericIdsSql, personIdsSql, stageSectionSql, stagedTable, stagingTypes,
} from './mapped-tables-sql.js';

export interface MappedResult {
  counts: Record<string, number>;
  warnings: string[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Fills the (already created, empty) CDM tables of `schema` from plain files as the mapping says: each
 * file is staged with the types its fields need (DuckDB names the line of a value that does not fit),
 * person ids are numbered, then one INSERT per section. Observation periods are derived when not mapped.
 */
export async function writeMappedTables(
  task: Task, schema: string, mapping: OmopMapping, sections: ResolvedSection[],
): Promise<MappedResult> {
  const connection = task.connection;
  const origin = `the mapping, which reads dates as ${mapping.dateFormat ?? 'YYYY-MM-DD'}`;
  for (const [index, section] of sections.entries()) {
    const message = `reading ${section.scanned.source.fileName} as ${section.section} (${index + 1} of ${sections.length})`;
    await readOrExplain(task, section.scanned, stagingTypes(section), origin, () =>
      runInSlice(task, 'reading', message, index / sections.length, (index + 1) / sections.length, () =>
        connection.run(stageSectionSql(section, mapping.dateFormat))));
  }
  const persons = sections.find((s) => s.section === 'persons')!;
  await refuseRepeatedPersons(connection, persons);
  const numeric = Boolean((await connection.runAndReadAll(numericIdsSql(sections))).getRowsJS()[0]?.[0]);
  await connection.run(personIdsSql(numeric, sections));
  task.report('finishing', null, 'writing the OMOP tables');
  const sexValues = mapping.sexValues ?? DEFAULT_SEX_VALUES;
  for (const section of sections) await connection.run(insertSectionSql(schema, section, sexValues));

  const warnings: string[] = [];
  const counts: Record<string, number> = {
    personsWithoutId: await count(connection, `SELECT count(*) FROM ${stagedTable('persons')} WHERE id IS NULL`),
    unrecognisedSexValues: 0,
    nonNumericLabValues: 0,
    derivedObservationPeriods: 0,
  };
  if (counts.personsWithoutId) warnings.push(`${fmt(counts.personsWithoutId)} rows of ${persons.scanned.source.fileName} have no id; left out (personsWithoutId)`);
  if (!numeric) warnings.push(`person ids are not all whole numbers: person_id numbers them 1, 2, … in sorted order of the id; the id as given is person_source_value`);
  if (persons.fields.some((f) => f.field === 'sex')) await countUnrecognisedSex(connection, sexValues, counts, warnings);
  if (sections.some((s) => s.section === 'measurements' && s.fields.some((f) => f.field === 'value'))) await countTextLabValues(connection, counts, warnings);
  if (!sections.some((s) => s.section === 'observationPeriods')) {
    await connection.run(deriveObservationPeriodsSql(schema));
    counts.derivedObservationPeriods = await count(connection, `SELECT count(*) FROM ${quoteIdentifier(schema)}.observation_period`);
    warnings.push(`the mapping has no observationPeriods: each person's observation period was derived as their first to last recorded date (${fmt(counts.derivedObservationPeriods)} periods, derivedObservationPeriods); persons with no dated record have none`);
  }
  for (const section of sections) await connection.run(`DROP TABLE ${stagedTable(section.section)}`);
  return { counts, warnings };
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  return Number((await connection.runAndReadAll(sql)).getRowsJS()[0]?.[0] ?? 0);
}

/** Two rows for one person would double every count a cohort makes; the file must say which is right. */
async function refuseRepeatedPersons(connection: DuckDBConnection, persons: ResolvedSection): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT id, count(*) FROM ${stagedTable('persons')} WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1 ORDER BY id LIMIT 1`);
  const row = reader.getRowsJS()[0];
  if (!row) return;
  const column = persons.fields.find((f) => f.field === 'id')!.column;
  throw new PmwError({
    code: 'FILE_FORMAT',
    message: `${persons.scanned.source.fileName} lists ${column} ${String(row[0])} on ${String(row[1])} rows; each person must have one row`,
    hint: 'remove the repeated rows (keep one per person) and import again',
    file: persons.scanned.source.path,
  });
}

async function countUnrecognisedSex(connection: DuckDBConnection, values: Map<string, unknown>, counts: Record<string, number>, warnings: string[]): Promise<void> {
  const known = [...values.keys()].map(quoteLiteral).join(', ');
  const reader = await connection.runAndReadAll(
    `SELECT count(*), list(DISTINCT sex ORDER BY sex)[1:5] FROM ${stagedTable('persons')}
      WHERE sex IS NOT NULL AND trim(sex) <> '' AND lower(trim(sex)) NOT IN (${known || "''"})`);
  const [n, examples] = reader.getRowsJS()[0] ?? [0, []];
  counts.unrecognisedSexValues = Number(n);
  if (counts.unrecognisedSexValues > 0) {
    warnings.push(`${fmt(counts.unrecognisedSexValues)} persons have a sex value the mapping does not know (${(examples as string[]).join(', ')}): gender_concept_id 0, the value kept in gender_source_value; add sexValues to the mapping to read them (unrecognisedSexValues)`);
  }
}

async function countTextLabValues(connection: DuckDBConnection, counts: Record<string, number>, warnings: string[]): Promise<void> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*), list(DISTINCT value ORDER BY value)[1:5] FROM ${stagedTable('measurements')}
      WHERE value IS NOT NULL AND trim(value) <> '' AND TRY_CAST(value AS DOUBLE) IS NULL`);
  const [n, examples] = reader.getRowsJS()[0] ?? [0, []];
  counts.nonNumericLabValues = Number(n);
  if (counts.nonNumericLabValues > 0) {
    warnings.push(`${fmt(counts.nonNumericLabValues)} lab values are not numbers (${(examples as string[]).join(', ')}): value_as_number is NULL, the text kept in value_source_value (nonNumericLabValues)`);
  }
}
