import { describe, expect, it } from 'vitest';
import { ageBandSql, generalizeDateSql, suppressRareSql, truncateSql } from './generalize-sql.js';
import { useMemoryConnection, queryRows } from './testing.js';

const db = useMemoryConnection();

async function column(sql: string, values: string, type: string): Promise<unknown[]> {
  const rows = await queryRows(db.connection, `SELECT ${sql} AS out FROM (SELECT CAST(v AS ${type}) AS v, i FROM (VALUES ${values}) t(v, i)) ORDER BY i`);
  return rows.map((row) => row['out']);
}

describe('ageBandSql', () => {
  it('labels 5-year bands and top-codes at 90 (labels written out by hand)', async () => {
    const values = "(0, 1), (4, 2), (4.9, 3), (5, 4), (17, 5), (89, 6), (89.99, 7), (90, 8), (104, 9), (NULL, 10)";
    expect(await column(ageBandSql('v', 5, 90), values, 'DOUBLE'))
      .toEqual(['0-4', '0-4', '0-4', '5-9', '15-19', '85-89', '85-89', '90+', '90+', null]);
  });

  it('ends the last band at topCode − 1 when topCode is not a multiple of the width', async () => {
    expect(await column(ageBandSql('v', 10, 85), '(79, 1), (80, 2), (84, 3), (85, 4)', 'INTEGER')).toEqual(['70-79', '80-84', '80-84', '85+']);
  });

  it('labels one-year bands by the value alone', async () => {
    expect(await column(ageBandSql('v', 1, 3), '(0, 1), (2, 2), (3, 3)', 'TINYINT')).toEqual(['0', '2', '3+']);
  });
});

describe('truncateSql', () => {
  it('keeps the first characters, counting Chinese characters as one each', async () => {
    expect(await column(truncateSql('v', 3), "('100083', 1), ('北京市海淀区', 2), ('AB', 3), ('', 4), (NULL, 5)", 'VARCHAR'))
      .toEqual(['100', '北京市', 'AB', '', null]);
  });
});

describe('generalizeDateSql', () => {
  it('moves dates to the first day of their year or month, keeping DATE and TIMESTAMP', async () => {
    const values = "('2021-07-19 13:45:00', 1), ('2020-02-29 00:00:00', 2), (NULL, 3)";
    expect(await column(generalizeDateSql('v', 'DATE', 'year'), values, 'DATE'))
      .toEqual([new Date('2021-01-01Z'), new Date('2020-01-01Z'), null]);
    expect(await column(generalizeDateSql('v', 'TIMESTAMP', 'month'), values, 'TIMESTAMP'))
      .toEqual([new Date('2021-07-01Z'), new Date('2020-02-01Z'), null]);
    expect(await column(`typeof(${generalizeDateSql('v', 'DATE', 'month')})`, "('2021-07-19', 1)", 'DATE')).toEqual(['DATE']);
  });
});

describe('suppressRareSql', () => {
  // a ×3, b ×2, c ×1, null ×2: with minCount 3, b and c are rare; nulls are not a value and stay null.
  const values = "('a', 1), ('a', 2), ('a', 3), ('b', 4), ('b', 5), ('c', 6), (NULL, 7), (NULL, 8)";

  it('replaces values held by fewer than minCount rows with null', async () => {
    expect(await column(suppressRareSql('v', 'VARCHAR', 3, null), values, 'VARCHAR')).toEqual(['a', 'a', 'a', null, null, null, null, null]);
  });

  it('replaces them with the replacement, cast to the column type', async () => {
    expect(await column(suppressRareSql('v', 'VARCHAR', 2, 'other'), values, 'VARCHAR')).toEqual(['a', 'a', 'a', 'b', 'b', 'other', null, null]);
    expect(await column(suppressRareSql('v', 'INTEGER', 2, '-1'), '(7, 1), (7, 2), (8, 3)', 'INTEGER')).toEqual([7, 7, -1]);
  });
});
