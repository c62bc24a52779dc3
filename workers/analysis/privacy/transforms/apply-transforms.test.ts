import { beforeEach, describe, expect, it } from 'vitest';
import type { DatasetTable, Transform } from '../../../engine/api.js';
import { Random } from '../../../../samples/generate/random.js';
import { applyTransforms, type TransformContext } from './apply-transforms.js';
import { TEST_SECRET_HEX, createClinicTables, useMemoryConnection, queryRows, referenceDateShift, referenceHmacHex } from './testing.js';

const db = useMemoryConnection();
beforeEach(() => createClinicTables(db.connection));

/** Only the table names matter to applyTransforms: it reads the columns from DuckDB. */
function context(tables: string[], extra: Partial<TransformContext> = {}): TransformContext {
  const datasetTables: DatasetTable[] = tables.map((table) => ({ table, rows: 0, columns: [] }));
  return { secretHex: TEST_SECRET_HEX, tables: datasetTables, dateShiftDays: 180, ...extra };
}

async function snapshot(table: string): Promise<unknown[]> {
  return [await queryRows(db.connection, `DESCRIBE ${table}`), await queryRows(db.connection, `SELECT * FROM ${table} ORDER BY ALL`)];
}

describe('applyTransforms on clinic.person (values worked out by hand from the five rows in testing.ts)', () => {
  const transforms: Transform[] = [
    { kind: 'drop', column: 'name' },
    { kind: 'ageBands', column: 'age' },
    { kind: 'truncate', column: 'postcode', keep: 3 },
    { kind: 'generalizeDate', column: 'birth_date', to: 'year' },
    { kind: 'suppressRare', column: 'gender', minCount: 2 },
    { kind: 'hash', column: 'person_id' },
  ];

  it('rewrites each column, keeps the column order, and counts the rows each transform changed', async () => {
    const applied = await applyTransforms(db.connection, transforms, context(['clinic.person', 'clinic.visit']));
    // drop: all 5 rows; ages 74, 35, 93, 23 change (null stays); postcodes: 4 non-null; birth dates: 1931-01-01
    // is already a first of January, so 3 of 4; gender: X is the only value held by fewer than 2 rows; hash: 5.
    expect(applied.map((a) => [a.transform.kind, a.table, a.rows])).toEqual([
      ['drop', 'clinic.person', 5], ['ageBands', 'clinic.person', 4], ['truncate', 'clinic.person', 4],
      ['generalizeDate', 'clinic.person', 3], ['suppressRare', 'clinic.person', 1], ['hash', 'clinic.person', 5],
    ]);
    expect(applied[1]?.transform).toEqual({ kind: 'ageBands', column: 'age', table: 'clinic.person', width: 5, topCode: 90 });
    expect(Date.parse(applied[0]?.appliedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    const columns = await queryRows(db.connection, 'DESCRIBE clinic.person');
    expect(columns.map((c) => `${String(c['column_name'])} ${String(c['column_type'])}`))
      .toEqual(['person_id VARCHAR', 'birth_date DATE', 'age VARCHAR', 'postcode VARCHAR', 'gender VARCHAR']);
    const rows = await queryRows(db.connection, 'SELECT * FROM clinic.person');
    const byHash = new Map(rows.map((row) => [row['person_id'], row]));
    const expected: [number, string | null, string | null, string | null, string | null][] = [
      [1, '1950-01-01', '70-74', '100', 'M'],
      [2, '1988-01-01', '35-39', '100', 'F'],
      [3, '1931-01-01', '90+', '200', 'F'],
      [4, '2001-01-01', '20-24', null, 'M'],
      [5, null, null, '100', null],
    ];
    for (const [id, birth, age, postcode, gender] of expected) {
      expect(byHash.get(referenceHmacHex(String(id)))).toEqual({
        person_id: referenceHmacHex(String(id)), birth_date: birth === null ? null : new Date(`${birth}Z`), age, postcode, gender,
      });
    }
  });

  it('changes nothing and says which transform is wrong when any check fails', async () => {
    const before = await snapshot('clinic.person');
    const wrong: Transform[] = [...transforms.slice(0, 3), { kind: 'truncate', column: 'birth_date', keep: 2 }];
    await expect(applyTransforms(db.connection, wrong, context(['clinic.person'])))
      .rejects.toThrow('transform 4 (truncate) on clinic.person, column birth_date: the column is DATE');
    expect(await snapshot('clinic.person')).toEqual(before);
  });

  it('neither begins nor commits: the caller rolls it back', async () => {
    const before = await snapshot('clinic.person');
    await db.connection.run('BEGIN TRANSACTION');
    await applyTransforms(db.connection, transforms, context(['clinic.person']));
    await db.connection.run('ROLLBACK');
    expect(await snapshot('clinic.person')).toEqual(before);
  });

  it('asks whether it was cancelled before every statement, and stops when it was', async () => {
    let calls = 0;
    await applyTransforms(db.connection, transforms.slice(0, 2), context(['clinic.person'], { throwIfCancelled: () => { calls++; } }));
    // drop: before counting and before dropping; ageBands: before rebuilding, counting, dropping the flag.
    expect(calls).toBe(5);
    await createClinicTables(db.connection);
    const before = await snapshot('clinic.person');
    const cancelled = context(['clinic.person'], { throwIfCancelled: () => { throw new Error('cancelled'); } });
    await expect(applyTransforms(db.connection, transforms, cancelled)).rejects.toThrow('cancelled');
    expect(await snapshot('clinic.person')).toEqual(before);
  });
});

describe('applyTransforms on a table that already has a column named like its flag', () => {
  it('flags changed rows in a column of another name and leaves the table\'s own column alone', async () => {
    await db.connection.run(`CREATE OR REPLACE TABLE clinic.flagged AS SELECT gender, age AS _PMW_CHANGED FROM clinic.person`);
    const [applied] = await applyTransforms(db.connection, [{ kind: 'suppressRare', column: 'gender', minCount: 2, replacement: 'other' }], context(['clinic.flagged']));
    expect(applied?.rows).toBe(1);
    expect(await queryRows(db.connection, 'SELECT * FROM clinic.flagged ORDER BY ALL')).toEqual([
      { gender: 'F', _PMW_CHANGED: 35 }, { gender: 'F', _PMW_CHANGED: 93 }, { gender: 'M', _PMW_CHANGED: 23 },
      { gender: 'M', _PMW_CHANGED: 74 }, { gender: 'other', _PMW_CHANGED: null },
    ]);
  });
});

describe('shiftDates over two tables shifted one after the other', () => {
  const MAX_DAYS = 180;

  /** 400 persons with a birth date (some null) and 0–4 visits each (some without an end). */
  async function createPersonsAndVisits(): Promise<void> {
    const random = new Random(11, 'shift-dates');
    await db.connection.run(`CREATE SCHEMA IF NOT EXISTS omop;
      CREATE OR REPLACE TABLE omop.person (person_id BIGINT, birth_date DATE);
      CREATE OR REPLACE TABLE omop.visit (visit_id INTEGER, person_id INTEGER, visit_start DATE, visit_end TIMESTAMP)`);
    const persons = await db.connection.createAppender('person', 'omop');
    const visits = await db.connection.createAppender('visit', 'omop');
    let visitId = 0;
    for (let person = 1; person <= 400; person++) {
      persons.appendBigInt(BigInt(person));
      if (random.bernoulli(0.05)) persons.appendNull(); else persons.appendVarchar(`19${random.integer(20, 99)}-0${random.integer(1, 9)}-1${random.integer(0, 9)}`);
      persons.endRow();
      for (let v = random.integer(0, 4); v > 0; v--) {
        visits.appendInteger(++visitId);
        visits.appendInteger(person);
        visits.appendVarchar(`20${random.integer(10, 23)}-0${random.integer(1, 9)}-2${random.integer(0, 8)}`);
        if (random.bernoulli(0.2)) visits.appendNull(); else visits.appendVarchar(`2024-01-01 0${random.integer(0, 9)}:30:00`);
        visits.endRow();
      }
    }
    persons.closeSync();
    visits.closeSync();
    await db.connection.run(`CREATE OR REPLACE TABLE omop.person_before AS FROM omop.person;
      CREATE OR REPLACE TABLE omop.visit_before AS FROM omop.visit`);
  }

  it('moves every date of a person by the same offset in both tables, within ±N, keeping nulls', async () => {
    await createPersonsAndVisits();
    const tables = context(['omop.person', 'omop.visit']);
    const [personShift] = await applyTransforms(db.connection, [{ kind: 'shiftDates', columns: ['birth_date'], person: 'person_id' }], tables);
    const [visitShift] = await applyTransforms(db.connection,
      [{ kind: 'shiftDates', table: 'omop.visit', columns: ['visit_start', 'visit_end'], person: 'person_id', maxDays: MAX_DAYS }], tables);

    const offsets = await queryRows(db.connection, `
      SELECT b.person_id, b.visit_start IS NULL AS start_null, a.visit_start - b.visit_start AS start_shift,
        a.visit_end IS NULL AS end_null, b.visit_end IS NULL AS end_was_null,
        date_diff('day', b.visit_end, a.visit_end) AS end_shift, a.visit_end - a.visit_start AS stay, b.visit_end - b.visit_start AS stay_before,
        pa.birth_date - pb.birth_date AS birth_shift, a.visit_start - pa.birth_date AS age_days, b.visit_start - pb.birth_date AS age_days_before
      FROM omop.visit_before b JOIN omop.visit a USING (visit_id)
      JOIN omop.person_before pb ON pb.person_id = b.person_id JOIN omop.person pa ON pa.person_id = b.person_id`);
    expect(offsets.length).toBeGreaterThan(600);
    for (const row of offsets) {
      const expected = referenceDateShift(String(row['person_id']), MAX_DAYS);
      expect(Math.abs(expected)).toBeLessThanOrEqual(MAX_DAYS);
      expect(Number(row['start_shift'])).toBe(expected);
      expect(row['end_null']).toBe(row['end_was_null']);
      if (!row['end_was_null']) expect(Number(row['end_shift'])).toBe(expected);
      expect(row['stay']).toEqual(row['stay_before']);
      if (row['birth_shift'] !== null) {
        expect(Number(row['birth_shift'])).toBe(expected);
        expect(row['age_days']).toEqual(row['age_days_before']);
      }
    }
    const [counts] = await queryRows(db.connection, `SELECT
      (SELECT count(*) FROM omop.person WHERE birth_date IS NULL) AS births_null, (SELECT count(*) FROM omop.person_before WHERE birth_date IS NULL) AS births_null_before,
      (SELECT count(*) FROM omop.person_before WHERE birth_date IS NOT NULL) AS births, (SELECT count(*) FROM omop.visit_before) AS visits`);
    expect(counts?.['births_null']).toBe(counts?.['births_null_before']);
    // Every row with a date changes unless its person's offset happens to be 0 (at most a few of 400 persons).
    const unshifted = (await queryRows(db.connection, 'SELECT person_id FROM omop.person_before WHERE birth_date IS NOT NULL'))
      .filter((row) => referenceDateShift(String(row['person_id']), MAX_DAYS) === 0).length;
    expect(personShift?.rows).toBe(Number(counts?.['births']) - unshifted);
    expect(visitShift?.rows).toBe(offsets.filter((row) => referenceDateShift(String(row['person_id']), MAX_DAYS) !== 0).length);
    expect(visitShift?.transform).toMatchObject({ maxDays: MAX_DAYS, table: 'omop.visit' });
  });
});
