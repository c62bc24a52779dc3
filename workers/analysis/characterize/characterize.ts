import { isInterrupt } from '../../db/duckdb-errors.js';
import type { Task } from '../../db/tasks.js';
import type { CharacterizeResult, CharacterizeSpec, DayWindow, Table1Row } from '../../engine/api.js';
import { cancelledError, PmwError } from '../../engine/errors.js';
import { createMembersTable, dropMembersTable, tableExists, type CohortTable } from './cohort-members.js';
import { CONDITIONS, DRUGS, topConceptRows, type Vocabulary } from './concept-prevalence.js';
import { DEFAULT_AGE_BANDS, demographicRows } from './demographics.js';
import { normalizeMeasurementCodeSets, type MeasurementCodeSet } from './measurement-codes.js';
import { measurementRows } from './measurements.js';
import type { RowContext } from './table1-rows.js';

export const DEFAULT_WINDOW: DayWindow = { start: -365, end: 0 };
export const DEFAULT_TOP = 10;
export const DEFAULT_MIN_CELL_COUNT = 5;

export type Table1Spec = Omit<CharacterizeSpec, 'target' | 'comparator'>;

interface ResolvedSpec {
  window: DayWindow;
  top: number;
  ageBands: number[];
  measurements: { label: string; codes: MeasurementCodeSet }[];
  minCellCount: number;
}

function badRequest(message: string, hint: string): PmwError {
  return new PmwError({ code: 'BAD_REQUEST', message, hint });
}

function resolveSpec(spec: Table1Spec): ResolvedSpec {
  const window = spec.window ?? DEFAULT_WINDOW;
  const isDay = (day: number | undefined) => day === undefined || Number.isSafeInteger(day);
  if (!isDay(window.start) || !isDay(window.end) || (window.start ?? -Infinity) > (window.end ?? Infinity)) {
    throw badRequest(`window ${window.start ?? ''}..${window.end ?? ''} is not a range of whole days`, 'give days relative to index, start ≤ end, e.g. { start: -365, end: 0 }');
  }
  const top = spec.top ?? DEFAULT_TOP;
  if (!Number.isSafeInteger(top) || top < 0) throw badRequest(`top ${top} is not a count`, 'give how many conditions and drugs to list, e.g. 10');
  const minCellCount = spec.minCellCount ?? DEFAULT_MIN_CELL_COUNT;
  if (!Number.isSafeInteger(minCellCount) || minCellCount < 0) {
    throw badRequest(`minimum cell count ${minCellCount} is not a count`, 'give a whole number; 0 shows every count');
  }
  const asked = spec.measurements ?? [];
  const codeSets = normalizeMeasurementCodeSets(asked);
  const measurements = asked.map((m, i) => ({ label: m.label, codes: codeSets[i]! }));
  return { window, top, ageBands: spec.ageBands ?? DEFAULT_AGE_BANDS, measurements, minCellCount };
}

async function requireTables(task: Task, cdmSchema: string, tables: string[]): Promise<void> {
  for (const table of tables) {
    if (!(await tableExists(task.connection, cdmSchema, table))) {
      throw badRequest(`the OMOP data in ${cdmSchema} has no ${table} table`, 'import an OMOP CDM with this table, or leave out what needs it');
    }
  }
}

async function readVocabulary(task: Task, cdmSchema: string): Promise<{ vocabulary: Vocabulary; warnings: string[] }> {
  const vocabulary = {
    concept: await tableExists(task.connection, cdmSchema, 'concept'),
    conceptAncestor: await tableExists(task.connection, cdmSchema, 'concept_ancestor'),
  };
  const warnings: string[] = [];
  if (!vocabulary.concept) warnings.push(`${cdmSchema} has no concept table: concepts are shown by id`);
  if (!vocabulary.concept || !vocabulary.conceptAncestor) warnings.push(`${cdmSchema} lacks concept or concept_ancestor: drugs are not rolled up to ingredients`);
  return { vocabulary, warnings };
}

/**
 * Table 1 of a cohort, or of two side by side with standardized mean differences. Every figure is
 * aggregated in DuckDB; each event table is read once. `cdmSchema` is the quoted schema of the OMOP tables.
 *
 * - Index is `cohort_start_date`; age is year(index) − year_of_birth (OHDSI Circe), mean and sample SD.
 * - Conditions, drugs and measurements count when their start date (measurement_date) lies in the window,
 *   days relative to index with both ends inclusive (default −365..0; a missing end is open). The window is
 *   not cut at the observation period, as OHDSI FeatureExtraction does not.
 * - Conditions by condition_concept_id; drugs rolled up to every Ingredient ancestor (else the product);
 *   `top` of each by the larger of the two cohorts' prevalences, ties by lower concept id.
 * - Measurements: persons with a numeric value in the window; mean and SD of each one's last value.
 * - SMD: comparator minus target over the pooled SD (Austin 2009; see table1-cells.ts).
 * - A count above 0 and below `minCellCount` is shown as `<n`, without count, share or SMD; in the sex and
 *   age band sections, which split the persons, a count that would give a small one away is hidden as `—`
 *   (demographic-suppression.ts). Conditions, drugs and measurements do not split anything: small only.
 */
export async function characterize(
  task: Task, cdmSchema: string, target: CohortTable, comparator: CohortTable | undefined, spec: Table1Spec,
): Promise<Omit<CharacterizeResult, 'elapsedMs'>> {
  const resolved = resolveSpec(spec);
  const cohorts = comparator ? [target, comparator] : [target];
  const connection = task.connection;
  const what = `Table 1 of ${cohorts.map((c) => c.label).join(' and ')}`;
  try {
    task.report('checking', 0, `checking the OMOP tables in ${cdmSchema}`);
    await requireTables(task, cdmSchema, ['person', 'condition_occurrence', 'drug_exposure', ...(resolved.measurements.length > 0 ? ['measurement'] : [])]);
    const { vocabulary, warnings } = await readVocabulary(task, cdmSchema);
    const persons = await task.runWithProgress('reading', `reading the members of ${cohorts.map((c) => c.label).join(' and ')}`, () =>
      createMembersTable(connection, cohorts));
    cohorts.forEach((cohort, i) => { if (persons[i] === 0) warnings.push(`cohort ${cohort.label} has no persons`); });
    const context: RowContext = { persons, minCellCount: resolved.minCellCount };
    const rows: Table1Row[] = [];
    const demographics = await task.runWithProgress('reading', 'age and sex', () => demographicRows(connection, cdmSchema, resolved.ageBands, context));
    rows.push(...demographics.rows);
    warnings.push(...demographics.warnings);
    for (const domain of [CONDITIONS, DRUGS]) {
      rows.push(...await task.runWithProgress('reading', `the most frequent ${domain.section}`, () =>
        topConceptRows(connection, cdmSchema, domain, resolved.window, resolved.top, vocabulary, context)));
    }
    rows.push(...await task.runWithProgress('reading', 'measurements', () => measurementRows(connection, cdmSchema, resolved.measurements, vocabulary.conceptAncestor, resolved.window, context)));
    task.throwIfCancelled();
    task.report('finishing', 1, what);
    const result: Omit<CharacterizeResult, 'elapsedMs'> = { rows, targetPersons: persons[0]!, minCellCount: resolved.minCellCount, warnings };
    if (comparator) result.comparatorPersons = persons[1]!;
    return result;
  } catch (error) {
    if (task.cancelled || isInterrupt(error)) throw cancelledError(what);
    throw error;
  } finally {
    await dropMembersTable(connection).catch(() => undefined);
  }
}
