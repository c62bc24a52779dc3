import { describe, expect, it } from 'vitest';
import { duckDBErrorText, lineAndColumn, queryError } from './duckdb-errors.js';

describe('DuckDB errors', () => {
  it('turns a character offset into line and column', () => {
    const sql = 'SELECT 1,\n  x\nFROM t';
    expect(lineAndColumn(sql, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(sql, 12)).toEqual({ line: 2, column: 3 });
  });

  it('reads the JSON form, with or without a prefix', () => {
    const json = 'Parser Error: {"exception_type":"Parser","exception_message":"syntax error at end of input","position":"9"}';
    expect(duckDBErrorText(new Error(json))).toBe('Parser Error: syntax error at end of input');
    const error = queryError(new Error(json), 'SELECT *\nFROM');
    expect(error).toMatchObject({ code: 'QUERY_ERROR', line: 2, column: 1 });
  });

  it('keeps plain messages as they are', () => {
    expect(queryError(new Error('something odd'), 'SELECT 1').message).toBe('something odd');
  });
});
