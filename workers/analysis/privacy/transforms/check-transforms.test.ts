import { describe, expect, it } from 'vitest';
import type { Transform } from '../../../engine/api.js';
import { checkTransforms } from './check-transforms.js';
import { TEST_SECRET_HEX, createClinicTables, useMemoryConnection } from './testing.js';

const db = useMemoryConnection(createClinicTables);

const TABLES = ['clinic.person', 'clinic.visit'];
const KEYS = { secretHex: TEST_SECRET_HEX, dateShiftDays: 180 };

function check(transforms: unknown[]): Promise<unknown> {
  return checkTransforms(db.connection, transforms, TABLES, KEYS);
}

describe('checkTransforms', () => {
  it('plans each transform on its table, with the column types the earlier transforms leave', async () => {
    const planned = await checkTransforms(db.connection, [
      { kind: 'ageBands', column: 'age' },
      { kind: 'truncate', column: 'age', keep: 2 },
      { kind: 'shiftDates', table: 'clinic.visit', columns: ['visit_start', 'visit_end'], person: 'person_id' },
    ], TABLES, KEYS);
    expect(planned.map((p) => [p.position, p.table, p.types.get('age') ?? p.types.get('visit_end')])).toEqual([
      [1, 'clinic.person', 'INTEGER'],
      [2, 'clinic.person', 'VARCHAR'],
      [3, 'clinic.visit', 'TIMESTAMP'],
    ]);
    expect(planned[0]?.transform).toEqual({ kind: 'ageBands', column: 'age', table: 'clinic.person', width: 5, topCode: 90 });
  });

  it.each<[string, unknown[], RegExp, RegExp]>([
    ['an unknown table', [{ kind: 'hash', column: 'name', table: 'person' }],
      /^transform 1 \(hash\) on person: the dataset has no table "person"$/, /its tables are: clinic\.person, clinic\.visit/],
    ['an unknown column', [{ kind: 'drop', column: 'surname' }],
      /^transform 1 \(drop\) on clinic\.person, column surname: the table has no column "surname"/, /its columns are: person_id, name, birth_date, age, postcode, gender/],
    ['a column dropped by an earlier transform', [{ kind: 'drop', column: 'name' }, { kind: 'hash', column: 'name' }],
      /^transform 2 \(hash\) on clinic\.person, column name: the table has no column "name" \(an earlier transform/, /its columns are: person_id, birth_date/],
    ['truncating a number', [{ kind: 'truncate', column: 'age', keep: 1 }], /column age: the column is INTEGER, truncate needs text/, /cast the column to VARCHAR/],
    ['age bands of text', [{ kind: 'ageBands', column: 'postcode' }], /column postcode: the column is VARCHAR, ageBands needs numbers/, /number type/],
    ['age bands after hashing', [{ kind: 'hash', column: 'age' }, { kind: 'ageBands', column: 'age' }], /transform 2 .*the column is VARCHAR/, /./],
    ['generalising a text date', [{ kind: 'generalizeDate', column: 'name', to: 'year' }], /the column is VARCHAR, generalizeDate needs a DATE or TIMESTAMP/, /cast/],
    ['shifting a non-date', [{ kind: 'shiftDates', columns: ['birth_date', 'gender'], person: 'person_id' }], /column gender: the column is VARCHAR, shiftDates needs/, /leave it out/],
    ['a missing person key column', [{ kind: 'shiftDates', columns: ['birth_date'], person: 'pid' }], /column pid: the table has no column "pid"/, /person_id/],
    ['a replacement of the wrong type', [{ kind: 'suppressRare', column: 'age', replacement: 'rare' }], /column age: the replacement "rare" is not a value of type INTEGER/, /leave it out/],
    ['dropping the last column', [
      { kind: 'drop', column: 'person_id', table: 'clinic.visit' }, { kind: 'drop', column: 'visit_start', table: 'clinic.visit' },
      { kind: 'drop', column: 'visit_end', table: 'clinic.visit' }, { kind: 'drop', column: 'ward', table: 'clinic.visit' }],
    /^transform 4 \(drop\) on clinic\.visit, column ward: it is the table's last column/, /drop the table instead/],
  ])('refuses %s', async (_name, transforms, message, hint) => {
    const error = await check(transforms).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toMatch(message);
    expect((error as { hint: string }).hint).toMatch(hint);
  });

  it('refuses negative ages, seen through the transforms before (here a rare age set to −1)', async () => {
    // Every age in clinic.person occurs once, so minCount 2 turns the four non-null ages into −1.
    const transforms: Transform[] = [{ kind: 'suppressRare', column: 'age', minCount: 2, replacement: '-1' }, { kind: 'ageBands', column: 'age' }];
    await expect(check(transforms)).rejects.toThrow(/^transform 2 \(ageBands\) on clinic\.person, column age: 4 rows hold a negative age or NaN/);
    await expect(check([{ kind: 'ageBands', column: 'age' }])).resolves.toHaveLength(1);
  });

  it('refuses to shift dates of rows without a person key, but not rows without dates', async () => {
    await db.connection.run(`CREATE OR REPLACE TABLE clinic.keyless AS SELECT * FROM clinic.visit UNION ALL SELECT NULL, NULL, NULL, 'D'`);
    const tables = [...TABLES, 'clinic.keyless'];
    const shift = (table: string): Transform[] => [{ kind: 'shiftDates', table, columns: ['visit_start', 'visit_end'], person: 'person_id' }];
    await expect(checkTransforms(db.connection, shift('clinic.keyless'), tables, KEYS)).resolves.toHaveLength(1);
    await db.connection.run(`INSERT INTO clinic.keyless VALUES (NULL, '2020-01-01', NULL, 'E')`);
    await expect(checkTransforms(db.connection, shift('clinic.keyless'), tables, KEYS))
      .rejects.toThrow(/column person_id: 1 row has dates but no person key/);
  });
});
