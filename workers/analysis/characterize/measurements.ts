import type { DuckDBConnection } from '@duckdb/node-api';
import type { DayWindow, Table1Row } from '../../engine/api.js';
import { inWindowSql, MEMBERS_TABLE, readRows } from './cohort-members.js';
import { measurementsInCodeSetsSql, type MeasurementCodeSet } from './measurement-codes.js';
import { meanRow, type RowContext } from './table1-rows.js';

/**
 * Per cohort and measurement: the persons with a numeric value in the window, and the mean and sample SD
 * of each person's last such value (latest date; on one date, the highest measurement_id).
 */
function lastValuesSql(cdmSchema: string, codeSets: MeasurementCodeSet[], hasConceptAncestor: boolean, window: DayWindow): string {
  return `WITH last_value AS (
      SELECT m.cohort, e.entry, e.person_id, arg_max(e.value, {'date': e.measurement_date, 'id': e.measurement_id}) AS value
      FROM (${measurementsInCodeSetsSql(cdmSchema, codeSets, hasConceptAncestor)}) e
      JOIN ${MEMBERS_TABLE} m ON m.person_id = e.person_id
      WHERE e.value IS NOT NULL AND ${inWindowSql('e.measurement_date', window)}
      GROUP BY m.cohort, e.entry, e.person_id
    )
    SELECT cohort::DOUBLE AS cohort, entry::DOUBLE AS entry, count(*)::DOUBLE AS persons, avg(value) AS mean, stddev_samp(value) AS sd
    FROM last_value GROUP BY cohort, entry`;
}

/** One row per requested measurement, in the order asked. */
export async function measurementRows(
  connection: DuckDBConnection, cdmSchema: string, measurements: { label: string; codes: MeasurementCodeSet }[],
  hasConceptAncestor: boolean, window: DayWindow, context: RowContext,
): Promise<Table1Row[]> {
  if (measurements.length === 0) return [];
  const rows = await readRows(connection, lastValuesSql(cdmSchema, measurements.map((m) => m.codes), hasConceptAncestor, window));
  return measurements.map((measurement, entry) => {
    const values = context.persons.map((_, cohort) => {
      const row = rows.find((r) => r.cohort === cohort && r.entry === entry);
      return row
        ? { count: Number(row.persons), mean: row.mean as number | null, sd: row.sd as number | null }
        : { count: 0, mean: null, sd: null };
    });
    return meanRow('measurements', measurement.label, values, context);
  });
}
