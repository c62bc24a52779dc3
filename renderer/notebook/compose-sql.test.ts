import { describe, expect, it } from 'vitest';
import { composeSql, errorInCell } from './compose-sql.js';
import { valuesRelationSql } from './values-relation.js';
import { memoryPage, numberColumn, stringColumn } from './page-values.js';

describe('composeSql', () => {
  const tables = [{ name: 'users', sql: 'select 1 as n;' }, { name: 'by_year', sql: 'select n from users' }];

  it('puts the cells read in front as a WITH list, in order', () => {
    const composed = composeSql('select * from by_year', tables);
    expect(composed.sql).toBe('WITH "users" AS (\nselect 1 as n\n),\n"by_year" AS (\nselect n from users\n)\nselect * from by_year');
    expect(composed.bodyLine).toBe(7);
  });

  it('merges a body that starts with WITH (after comments), keeping every body character in place', () => {
    const body = '-- top\n/* c */ with recursive t(x) as (select 1)\nselect * from t, users';
    const composed = composeSql(body, tables.slice(0, 1));
    expect(composed.sql).toBe('WITH RECURSIVE "users" AS (\nselect 1 as n\n),\n-- top\n/* c */                t(x) as (select 1)\nselect * from t, users');
    const bodyLines = composed.sql.split('\n').slice(composed.bodyLine - 1);
    expect(bodyLines.map((l) => l.length)).toEqual(body.split('\n').map((l) => l.length));
  });

  it('leaves a body without tables alone and maps error positions back into the cell', () => {
    expect(composeSql('select 1', [])).toEqual({ sql: 'select 1', bodyLine: 1 });
    const composed = composeSql('select\n  nope', tables);
    expect(errorInCell({ code: 'QUERY_ERROR', message: 'Binder Error: x (SQL line 8, column 3)', line: 8, column: 3 }, composed))
      .toEqual({ code: 'QUERY_ERROR', message: 'Binder Error: x (SQL line 2, column 3)', line: 2, column: 3 });
    expect(errorInCell({ code: 'QUERY_ERROR', message: 'bad (SQL line 2, column 1)', line: 2, column: 1 }, composed))
      .toEqual({ code: 'QUERY_ERROR', message: 'bad (in a cell this one reads)' });
  });
});

describe('valuesRelationSql', () => {
  it('writes typed literals, NULLs, NaN and quotes', () => {
    const page = memoryPage([stringColumn('label', ["it's", null]), numberColumn('surv', [0.5, Number.NaN]), numberColumn('n', [3, null], 'BIGINT')]);
    expect(valuesRelationSql(page)).toBe(`SELECT CAST(c0 AS VARCHAR) AS "label", CAST(c1 AS DOUBLE) AS "surv", CAST(c2 AS BIGINT) AS "n" FROM (VALUES ('it''s', 0.5, 3),\n(NULL, 'NaN', NULL)) AS v(c0, c1, c2)`);
    expect(valuesRelationSql(memoryPage([numberColumn('x', [])]))).toBe('SELECT CAST(c0 AS DOUBLE) AS "x" FROM (VALUES (NULL)) AS v(c0) WHERE false');
  });
});
