/**
 * Writes the columns of GiBleed that table1_reference.R needs, from the bundled Parquet files, as gzipped
 * CSV beside this script (`gibleed/*.csv.gz`). A copy, not a computation: rows are kept as they are,
 * only the columns are chosen, and rows are sorted so the files do not change between runs.
 *
 *   npx tsx workers/analysis/characterize/reference/export-gibleed-csv.ts
 */
import { mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteLiteral } from '../../../db/quote.js';
import { GIBLEED_DIR } from '../test-cdm.js';

const OUT = new URL('./gibleed/', import.meta.url).pathname;

const EXPORTS: Record<string, string[]> = {
  person: ['person_id', 'gender_concept_id', 'year_of_birth'],
  drug_era: ['person_id', 'drug_concept_id', 'drug_era_start_date', 'drug_era_end_date'],
  condition_occurrence: ['person_id', 'condition_concept_id', 'condition_start_date'],
  drug_exposure: ['person_id', 'drug_concept_id', 'drug_exposure_start_date'],
  concept: ['concept_id', 'concept_name', 'concept_class_id'],
  concept_ancestor: ['ancestor_concept_id', 'descendant_concept_id'],
};

mkdirSync(OUT, { recursive: true });
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const [table, columns] of Object.entries(EXPORTS)) {
  const source = quoteLiteral(`${GIBLEED_DIR}${table.toUpperCase()}.parquet`);
  const target = quoteLiteral(`${OUT}${table}.csv.gz`);
  const list = columns.join(', ');
  await connection.run(`COPY (SELECT ${list} FROM read_parquet(${source}) ORDER BY ALL) TO ${target} (FORMAT csv, HEADER, COMPRESSION gzip)`);
  console.log(`${table}.csv.gz: ${columns.join(', ')}`);
}
connection.closeSync();
instance.closeSync();
