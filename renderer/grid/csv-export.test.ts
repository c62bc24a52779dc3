import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ResultPage } from '../../workers/engine/api.js';
import type { GridRequest } from '../notebook/notebook.js';
import { ExportCancelled, exportCsv } from './csv-export.js';
import type { GridPage } from './result-grid.js';

/** Seven rows covering what CSV gets wrong: separators, quotes, line breaks, empty vs missing, 64-bit, dates. */
const ROWS = {
  id: [1n, 2n, 9_223_372_036_854_775_807n, -9_007_199_254_740_993n, 5n, 6n, 7n],
  dose: [0.5, null, 1e-7, 123456789.125, -0, 2, 3],
  name: ['plain', 'comma, inside', 'say "hi"', 'two\nlines', '', null, ' padded '],
  onset: ['2024-01-31', '1999-12-31', null, '2024-02-29', '2024-03-01', '2024-03-02', '2024-03-03'],
  flag: [true, false, null, true, true, false, true],
};

function slice(from: number, to: number): ResultPage['columns'] {
  const valid = (values: readonly unknown[]) => Uint8Array.from(values.slice(from, to), (value) => (value === null ? 0 : 1));
  return [
    { name: 'id', type: 'BIGINT', data: { kind: 'bigint', values: BigInt64Array.from(ROWS.id.slice(from, to)), valid: valid(ROWS.id) } },
    { name: 'dose', type: 'DOUBLE', data: { kind: 'number', values: Float64Array.from(ROWS.dose.slice(from, to), (value) => value ?? 0), valid: valid(ROWS.dose) } },
    { name: 'name', type: 'VARCHAR', data: { kind: 'string', values: ROWS.name.slice(from, to) } },
    { name: 'onset', type: 'DATE', data: { kind: 'string', values: ROWS.onset.slice(from, to) } },
    { name: 'flag', type: 'BOOLEAN', data: { kind: 'boolean', values: Uint8Array.from(ROWS.flag.slice(from, to), (value) => (value ? 1 : 0)), valid: valid(ROWS.flag) } },
  ];
}

function fakeFetch() {
  const requests: GridRequest[] = [];
  const total = ROWS.id.length;
  return {
    requests,
    async fetch(request: GridRequest): Promise<GridPage> {
      requests.push(request);
      const to = Math.min(total, request.offset + request.limit);
      return { taskId: 't', columns: slice(request.offset, to), rowCount: to - request.offset, offset: request.offset, hasMore: to < total, elapsedMs: 0, totalRows: total };
    },
  };
}

describe('exportCsv', () => {
  it('writes every row in chunks, with the grid’s sort and filters, and parses back to the same values', async () => {
    const source = fakeFetch();
    const progress: number[] = [];
    const blob = await exportCsv({
      fetch: source.fetch,
      orderBy: [{ column: 'id', descending: false }],
      filters: [{ column: 'name', text: 'a' }],
      chunkRows: 3,
      onProgress: (done) => progress.push(done),
    });
    expect(source.requests.map((request) => request.offset)).toEqual([0, 3, 6]);
    expect(source.requests.every((request) => request.limit === 3 && request.orderBy?.[0]?.column === 'id' && request.filters?.[0]?.text === 'a')).toBe(true);
    expect(progress).toEqual([3, 6, 7]);
    const text = await blob.text();
    const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['id', 'dose', 'name', 'onset', 'flag'],
      ['1', '0.5', 'plain', '2024-01-31', 'true'],
      ['2', '', 'comma, inside', '1999-12-31', 'false'],
      // 2^63 − 1 to the last digit; 1e-7 in JavaScript's shortest round-trip form.
      ['9223372036854775807', '1e-7', 'say "hi"', '', ''],
      ['-9007199254740993', '123456789.125', 'two\nlines', '2024-02-29', 'true'],
      ['5', '0', '', '2024-03-01', 'true'],
      ['6', '2', '', '2024-03-02', 'false'],
      ['7', '3', ' padded ', '2024-03-03', 'true'],
    ]);
    // Empty string and missing differ in the text: "" is an empty string, nothing is NULL (as DuckDB reads it).
    expect(text.split('\r\n')[5]).toBe('5,0,"",2024-03-01,true');
    expect(text.split('\r\n')[6]).toBe('6,2,,2024-03-02,false');
    expect(text).toContain('"say ""hi"""');
  });

  it('writes just the header for an empty result', async () => {
    const fetch = async (request: GridRequest): Promise<GridPage> => ({ taskId: 't', columns: slice(0, 0), rowCount: 0, offset: request.offset, hasMore: false, elapsedMs: 0, totalRows: 0 });
    expect(await (await exportCsv({ fetch })).text()).toBe('id,dose,name,onset,flag\r\n');
  });

  it('stops between chunks when cancelled', async () => {
    const source = fakeFetch();
    const controller = new AbortController();
    const run = exportCsv({ fetch: source.fetch, chunkRows: 3, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(source.requests).toHaveLength(1);
  });
});
