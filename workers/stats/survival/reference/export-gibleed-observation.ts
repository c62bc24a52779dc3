/**
 * Writes GiBleed's observation periods, from the bundled Parquet file, as gzipped CSV beside this script
 * (`gibleed/observation_period.csv.gz`) for survival_reference.R. A copy, not a computation: every row,
 * the columns the cohorts need, sorted so the file does not change between runs. The drug eras, condition
 * occurrences and concept ancestors that R also reads are the characterization's copies
 * (workers/analysis/characterize/reference/gibleed/, written by its export-gibleed-csv.ts).
 *
 *   npx tsx workers/stats/survival/reference/export-gibleed-observation.ts
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { GIBLEED_DIR } from '../../../analysis/cohort/testing.js';
import { quoteLiteral } from '../../../db/quote.js';

const source = quoteLiteral(`${GIBLEED_DIR}OBSERVATION_PERIOD.parquet`);
const target = quoteLiteral(new URL('./gibleed/observation_period.csv.gz', import.meta.url).pathname);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`COPY (
    SELECT person_id, observation_period_start_date, observation_period_end_date FROM read_parquet(${source}) ORDER BY ALL
  ) TO ${target} (FORMAT csv, HEADER, COMPRESSION gzip)`);
connection.closeSync();
instance.closeSync();
console.log(`wrote ${target}`);
