import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import { exportResult } from './export-result.js';

describe('exportResult with a note', () => {
  const temp = useTempDir();
  let instance: DuckDBInstance;
  beforeAll(async () => { instance = await DuckDBInstance.create(':memory:'); });
  afterAll(() => instance.closeSync());

  it('writes the note as # lines above the CSV, which DuckDB skips as comments, and the rows as without it', async () => {
    const connection = await instance.connect();
    const sql = "SELECT * FROM (VALUES (1, 'a,b'), (2, NULL)) t(n, label)";
    const plain = await exportResult(connection, { sql }, join(temp(), 'plain.csv'));
    const noted = await exportResult(connection, { sql }, join(temp(), 'noted.csv'), 'small-cell policy: counts from 1 to 4 hidden\nsecond line');
    expect(noted.rows).toBe(2);
    const text = readFileSync(noted.path, 'utf8');
    expect(text).toBe(`# small-cell policy: counts from 1 to 4 hidden\n# second line\n${readFileSync(plain.path, 'utf8')}`);
    const back = await connection.runAndReadAll(`SELECT n, label FROM read_csv('${noted.path}', comment = '#', header = true) ORDER BY n`);
    expect(back.getRowsJS()).toEqual([[1n, 'a,b'], [2n, null]]);
    expect(readFileSync(noted.path, 'utf8')).not.toContain('pmw-partial');
    connection.closeSync();
  });

  it('keeps the note in a Parquet file\'s metadata', async () => {
    const connection = await instance.connect();
    const written = await exportResult(connection, { sql: 'SELECT 42 AS answer' }, join(temp(), 'noted.parquet'), 'minimum cell count 5');
    const meta = await connection.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata('${written.path}') WHERE decode(key) = 'pmw_note'`);
    expect(meta.getRowsJS()).toEqual([['pmw_note', 'minimum cell count 5']]);
    connection.closeSync();
  });
});
