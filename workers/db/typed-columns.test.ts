import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { appendFloat64Columns, readFloat64Columns } from './typed-columns.js';

describe('typed column transfer', () => {
  it('reads numeric columns across many chunks, NULL as NaN, and appends them back exactly', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = 10_000; // several 2,048-row chunks, the last one partial
    const [a, b] = await readFloat64Columns(
      connection, `SELECT range::BIGINT * 3 AS a, CASE WHEN range % 1000 = 7 THEN NULL ELSE range / 4 END::DOUBLE AS b FROM range(${rows})`, rows,
    ) as [Float64Array, Float64Array];
    expect(a[9_999]).toBe(29_997);
    expect(b[2]).toBe(0.5);
    expect(Number.isNaN(b[1_007]!)).toBe(true);
    await connection.run('CREATE TEMP TABLE back (a DOUBLE, b DOUBLE)');
    await appendFloat64Columns(connection, 'back', [a, b], { catalog: 'temp', schema: 'main' });
    const check = (await connection.runAndReadAll('SELECT count(*), sum(a), count(b), sum(b) FROM back')).getRowsJS()[0]!;
    // sum(a) = 3·Σ0..9999; b has 10 NULLs (7, 1007, …, 9007); Σb = (Σ0..9999 − Σ of those ten) / 4
    const nulls = Array.from({ length: 10 }, (_, i) => 1000 * i + 7).reduce((s, v) => s + v, 0);
    expect(check.map(Number)).toEqual([rows, 3 * 49_995_000, rows - 10, (49_995_000 - nulls) / 4]);
  });

  it('refuses a result with a different row count than announced', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await expect(readFloat64Columns(connection, 'SELECT range::DOUBLE FROM range(5)', 4)).rejects.toThrow(/expected 4 rows/);
  });
});
