import { describe, expect, it } from 'vitest';
import { useMemoryConnection } from '../transforms/testing.js';
import { candidateGeneralisations, isAgeName, isPostcodeName } from './generalisation-candidates.js';

const db = useMemoryConnection(async (connection) => {
  await connection.run(`CREATE TABLE t (age INTEGER, 年龄 DOUBLE, stage INTEGER, bad_age INTEGER, zip VARCHAR, code VARCHAR, name VARCHAR,
      seen TIMESTAMP, seen_tz TIMESTAMPTZ, weight DOUBLE, flag BOOLEAN);
    INSERT INTO t VALUES (40, 40.5, 2, -1, 'SW1A 1AA', '100083', 'a', '2020-01-01', '2020-01-01', 70.5, true),
      (NULL, NULL, 3, 5, NULL, NULL, 'b', NULL, NULL, NULL, NULL)`);
});

async function kinds(column: string, type: string): Promise<string[]> {
  const candidates = await candidateGeneralisations(db.connection, 't', 't', { name: column, type }, 5);
  return candidates.map((c) => JSON.stringify({ ...c.transform, column: undefined, table: undefined }));
}

describe('isAgeName / isPostcodeName', () => {
  it('reads age from whole words only', () => {
    expect(['age', 'AGE', 'age_years', 'patient_age', 'ageAtIndex', '年龄', 'ages'].map(isAgeName)).toEqual([true, true, true, true, true, true, true]);
    expect(['stage', 'dosage', 'page', 'agent', 'average'].map(isAgeName)).toEqual([false, false, false, false, false]);
  });

  it('knows postcode names in English and Chinese', () => {
    expect(['zip', 'ZIP_CODE', 'postcode', 'postal_code', 'post_code', '邮编', 'city'].map(isPostcodeName)).toEqual([true, true, true, true, true, true, false]);
  });
});

describe('candidateGeneralisations', () => {
  it('offers bands for ages, month and year for dates, truncation for postcodes, suppression for categories', async () => {
    expect(await kinds('age', 'INTEGER')).toEqual(['{"kind":"ageBands","width":5,"topCode":90}', '{"kind":"ageBands","width":10,"topCode":90}']);
    expect(await kinds('年龄', 'DOUBLE')).toHaveLength(2);
    expect(await kinds('seen', 'TIMESTAMP')).toEqual(['{"kind":"generalizeDate","to":"month"}', '{"kind":"generalizeDate","to":"year"}']);
    // by name, whatever the values look like; by content when every value is 5 or 6 digits
    expect(await kinds('zip', 'VARCHAR')).toEqual(['{"kind":"truncate","keep":3}', '{"kind":"truncate","keep":2}', '{"kind":"suppressRare","minCount":5,"replacement":null}']);
    expect(await kinds('code', 'VARCHAR')).toHaveLength(3);
    expect(await kinds('name', 'VARCHAR')).toEqual(['{"kind":"suppressRare","minCount":5,"replacement":null}']);
  });

  it('treats whole numbers that are not ages, booleans and time-zone timestamps as categories, and measurements as nothing', async () => {
    const suppress = ['{"kind":"suppressRare","minCount":5,"replacement":null}'];
    expect(await kinds('stage', 'INTEGER')).toEqual(suppress);
    // named like an age but holding −1: ageBands would be refused, so it is treated as a category
    expect(await kinds('bad_age', 'INTEGER')).toEqual(suppress);
    expect(await kinds('flag', 'BOOLEAN')).toEqual(suppress);
    expect(await kinds('seen_tz', 'TIMESTAMP WITH TIME ZONE')).toEqual(suppress);
    expect(await kinds('weight', 'DOUBLE')).toEqual([]);
  });
});
