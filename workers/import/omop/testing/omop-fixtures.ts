import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach } from 'vitest';
import { FIXTURES } from '../../../../test/helpers/temp-dir.js';
import { workspaceSnapshot } from '../../../../test/helpers/workspace-snapshot.js';
import { quoteLiteral } from '../../../db/quote.js';
import { WorkspaceEngine } from '../../../engine/engine.js';

/** Eunomia GiBleed (CDM 5.3) as Parquet, bundled with the app (samples/gibleed/SOURCES.md). */
export const GIBLEED = new URL('../../../../samples/gibleed/', import.meta.url).pathname;
/** Eunomia Synthea27Nj (CDM 5.4) as CSV, reduced (test/fixtures/omop/SOURCES.md). */
export const SYNTHEA = join(FIXTURES, 'omop', 'synthea27nj_5.4');
/** A hand-made CDM whose bad rows are known by construction (test/fixtures/omop/SOURCES.md). */
export const TINY_CDM = join(FIXTURES, 'omop', 'tiny_cdm');
/** Plain patients, ICD-10 diagnoses, ATC prescriptions and LOINC labs, with mapping.json. */
export const PLAIN = join(FIXTURES, 'omop', 'plain');

/** A copy of a fixture folder to change in a test. */
export function copyFixture(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

/**
 * Runs SQL on a private in-memory DuckDB, for counting fixture files independently of the importer.
 * Returns the first row of each statement's result.
 */
export async function withDuckDB<T>(work: (first: (sql: string) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS()[0] ?? []);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows of every Parquet file of a folder, by lower-case table name, counted by DuckDB alone. */
export async function parquetRowCounts(folder: string): Promise<Map<string, number>> {
  return withDuckDB(async (first) => {
    const counts = new Map<string, number>();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.parquet'))) {
      const [n] = await first(`SELECT count(*) FROM read_parquet(${quoteLiteral(join(folder, file))})`);
      counts.set(file.replace(/\.parquet$/, '').toLowerCase(), Number(n));
    }
    return counts;
  });
}

/** A tab-separated copy of a CSV folder with lower-case file names (`person.tsv`), written by DuckDB. */
export async function writeTsvCopy(from: string, to: string): Promise<string> {
  mkdirSync(to, { recursive: true });
  await withDuckDB(async (first) => {
    for (const file of readdirSync(from).filter((f) => /\.csv(\.gz)?$/i.test(f))) {
      const target = join(to, file.replace(/\.csv(\.gz)?$/i, '.tsv').toLowerCase());
      await first(`COPY (SELECT * FROM read_csv(${quoteLiteral(join(from, file))}, header = true, all_varchar = true, quote = '"', escape = '"'))
        TO ${quoteLiteral(target)} (DELIMITER '\t', HEADER)`);
    }
  });
  return to;
}

/**
 * A fresh workspace for each test, on a file in the test's temp folder, closed after it. With `seeded`,
 * CAERS is imported first and `before` holds the snapshot a refused import must leave unchanged.
 */
export function useWorkspace(temp: () => string, options: { seeded?: boolean } = {}): { engine: WorkspaceEngine; before: string } {
  const state = { engine: undefined as unknown as WorkspaceEngine, before: '' };
  beforeEach(async () => {
    state.engine = new WorkspaceEngine();
    await state.engine.openWorkspace(join(temp(), 'ws.duckdb'));
    if (!options.seeded) return;
    await state.engine.importFile({ path: join(FIXTURES, 'caers.csv') });
    state.before = await workspaceSnapshot(state.engine);
  });
  afterEach(async () => state.engine.close());
  return state;
}
