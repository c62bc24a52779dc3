import type { DuckDBConnection } from '@duckdb/node-api';
import type { Table1Row } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { MEMBERS_TABLE, readRows } from './cohort-members.js';
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

/** The persons, age, age band and sex rows. */
export async function demographicRows(connection: DuckDBConnection, cdmSchema: string, edges: number[], context: RowContext): Promise<Table1Row[]> {
  const bands = ageBands(edges);
  const rows = await readRows(connection, demographicsSql(cdmSchema, bands));
  const cohorts = context.persons.map((_, i) => rows.find((r) => r.cohort === i) ?? {});
  const column = (name: string) => cohorts.map((r) => Number(r[name] ?? 0));
  const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const ages = cohorts.map((r) => ({ count: Number(r.aged ?? 0), mean: orNull(r.age_mean), sd: orNull(r.age_sd) }));
  const result = [personsRow(context), meanRow('age', 'age at index, years', ages, context, 1)];
  bands.forEach((band, i) => {
    const counts = column(`band_${i}`);
    const alwaysShown = i > 0 && i < bands.length - 1;
    if (alwaysShown || counts.some((c) => c > 0)) result.push(countRow('age band', band.label, counts, context));
  });
  result.push(
    countRow('sex', 'male', column('male'), context),
    countRow('sex', 'female', column('female'), context),
    countRow('sex', 'other/unknown', column('other_sex'), context),
  );
  return result;
}
