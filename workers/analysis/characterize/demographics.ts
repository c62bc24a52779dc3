import type { DuckDBConnection } from '@duckdb/node-api';
import type { Table1Row } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { MEMBERS_TABLE, readRows } from './cohort-members.js';
import { demographicKinds } from './demographic-suppression.js';
import { countRow, meanRow, personsRow, type RowContext } from './table1-rows.js';

export const DEFAULT_AGE_BANDS = [0, 18, 35, 50, 65, 80];

const MALE = 8507;
const FEMALE = 8532;

/** One row of the age bands: its label and the SQL test of `age` that puts a person in it. */
interface AgeBand {
  label: string;
  condition: string;
}

/**
 * Edges `0, 18, 35` → `0–17`, `18–34`, `35+`. Two more bands come first and last: ages below the first edge
 * (`<0`, `<18`…), and `unknown` for a missing age (no year of birth, or not in `person`); the table shows
 * them only when someone is in them.
 */
export function ageBands(edges: number[]): AgeBand[] {
  if (edges.length === 0 || edges.some((e) => !Number.isSafeInteger(e) || e < 0) || edges.some((e, i) => i > 0 && e <= edges[i - 1]!)) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `age bands ${JSON.stringify(edges)} are not rising whole numbers of years`,
      hint: 'give the lower edge of each band in years, rising, e.g. [0, 18, 35, 50, 65, 80]',
    });
  }
  const bands = edges.map((from, i) => {
    const to = edges[i + 1];
    return to === undefined
      ? { label: `${from}+`, condition: `age >= ${from}` }
      : { label: to - from === 1 ? String(from) : `${from}–${to - 1}`, condition: `age >= ${from} AND age < ${to}` };
  });
  return [{ label: `<${edges[0]}`, condition: `age < ${edges[0]}` }, ...bands, { label: 'unknown', condition: 'age IS NULL' }];
}

/** Per cohort: persons, age mean and SD (Circe's age: year of index − year of birth), each band, each sex. */
function demographicsSql(cdmSchema: string, bands: AgeBand[]): string {
  const bandCounts = bands.map((band, i) => `count(*) FILTER (WHERE ${band.condition})::DOUBLE AS band_${i}`);
  return `SELECT cohort::DOUBLE AS cohort, count(age)::DOUBLE AS aged, avg(age) AS age_mean, stddev_samp(age) AS age_sd,
      count(*) FILTER (WHERE gender_concept_id = ${MALE})::DOUBLE AS male,
      count(*) FILTER (WHERE gender_concept_id = ${FEMALE})::DOUBLE AS female,
      count(*) FILTER (WHERE gender_concept_id IS DISTINCT FROM ${MALE} AND gender_concept_id IS DISTINCT FROM ${FEMALE})::DOUBLE AS other_sex,
      ${bandCounts.join(',\n      ')}
    FROM (
      SELECT m.cohort, p.gender_concept_id, year(m.index_date) - p.year_of_birth AS age
      FROM ${MEMBERS_TABLE} m LEFT JOIN ${cdmSchema}.person p ON p.person_id = m.person_id
    )
    GROUP BY cohort`;
}

const COHORT_NAMES = ['target', 'comparator'];

/**
 * The persons, age, age band and sex rows, with small counts hidden and the counts that would reveal
 * them through the persons (demographic-suppression.ts); warnings when that protection falls short.
 */
export async function demographicRows(
  connection: DuckDBConnection, cdmSchema: string, edges: number[], context: RowContext,
): Promise<{ rows: Table1Row[]; warnings: string[] }> {
  const bands = ageBands(edges);
  const read = await readRows(connection, demographicsSql(cdmSchema, bands));
  const cohorts = context.persons.map((_, i) => read.find((r) => r.cohort === i) ?? {});
  const column = (name: string) => cohorts.map((r) => Number(r[name] ?? 0));
  const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const ages = cohorts.map((r) => ({ count: Number(r.aged ?? 0), mean: orNull(r.age_mean), sd: orNull(r.age_sd) }));
  const bandCounts = bands.map((_, i) => column(`band_${i}`));
  const sexCounts = [column('male'), column('female'), column('other_sex')];
  const kinds = context.persons.map((persons, c) => demographicKinds({
    persons, aged: ages[c]!.count, bands: bandCounts.map((counts) => counts[c]!), sexes: sexCounts.map((counts) => counts[c]!),
  }, context.minCellCount));
  const rows = [personsRow(context), meanRow('age', 'age at index, years', ages, context, 1, kinds.map((k) => k.aged === 'complementary'))];
  bands.forEach((band, i) => {
    const counts = bandCounts[i]!;
    const alwaysShown = i > 0 && i < bands.length - 1;
    if (alwaysShown || counts.some((c) => c > 0)) rows.push(countRow('age band', band.label, counts, context, undefined, kinds.map((k) => k.bands[i]!)));
  });
  ['male', 'female', 'other/unknown'].forEach((label, i) => rows.push(countRow('sex', label, sexCounts[i]!, context, undefined, kinds.map((k) => k.sexes[i]!))));
  const warnings = kinds.flatMap((k, c) => [
    ...k.notPartitions.map((section) => `the ${section} counts of the ${COHORT_NAMES[c]} cohort do not add up to its persons (a person_id repeated in person?): only their small counts are hidden`),
    ...(k.unprotected ? [`the ${COHORT_NAMES[c]} cohort is too small to hide its small age and sex counts completely: the shown counts still give some away`] : []),
  ]);
  return { rows, warnings };
}
