import { describe, expect, it } from 'vitest';
import type { Transform } from '../../../engine/api.js';
import { changedRowSql, replacementExpressions, transformedSelect } from './transform-sql.js';
import { TEST_SECRET_HEX, createClinicTables, useMemoryConnection, queryRows, referenceDateShift } from './testing.js';

const db = useMemoryConnection(createClinicTables);

const VISIT_TYPES = new Map([['person_id', 'INTEGER'], ['visit_start', 'DATE'], ['visit_end', 'TIMESTAMP'], ['ward', 'VARCHAR']]);
const KEYS = { secretHex: TEST_SECRET_HEX, dateShiftDays: 30 };

describe('transformedSelect', () => {
  it('reads the rows as a transform leaves them, without changing the table', async () => {
    const shift: Transform = { kind: 'shiftDates', columns: ['visit_start', 'visit_end'], person: 'person_id' };
    const rows = await queryRows(db.connection, `${transformedSelect('clinic.visit', shift, VISIT_TYPES, KEYS, `${changedRowSql(shift, VISIT_TYPES, KEYS)} AS changed`)} ORDER BY ward, person_id`);
    // maxDays from the keys (30); person 1's two visits move by the same offset, person 5 has no dates.
    const one = referenceDateShift('1', 30);
    const day = 86_400_000;
    expect(rows.map((r) => Object.keys(r))).toEqual(Array(4).fill(['person_id', 'visit_start', 'visit_end', 'ward', 'changed']));
    expect(rows[0]).toEqual({ person_id: 1, visit_start: new Date(Date.parse('2020-01-01Z') + one * day), visit_end: new Date(Date.parse('2020-01-03T10:00Z') + one * day), ward: 'A', changed: one !== 0 });
    expect(rows[2]).toMatchObject({ visit_start: new Date(Date.parse('2020-06-01Z') + one * day), visit_end: null });
    expect(rows[3]).toEqual({ person_id: 5, visit_start: null, visit_end: null, ward: 'C', changed: false });
    expect(await queryRows(db.connection, 'SELECT visit_start FROM clinic.visit WHERE ward = \'A\' ORDER BY person_id LIMIT 1')).toEqual([{ visit_start: new Date('2020-01-01Z') }]);
  });

  it('leaves a dropped column out', async () => {
    const rows = await queryRows(db.connection, `${transformedSelect('clinic.visit', { kind: 'drop', column: 'ward' }, VISIT_TYPES)} LIMIT 1`);
    expect(Object.keys(rows[0] ?? {})).toEqual(['person_id', 'visit_start', 'visit_end']);
  });

  it('will not build a keyed transform without the workspace secret or the shift range', () => {
    expect(() => replacementExpressions({ kind: 'hash', column: 'ward' }, VISIT_TYPES)).toThrow(/without the workspace secret/);
    expect(() => replacementExpressions({ kind: 'shiftDates', columns: ['visit_start'], person: 'person_id' }, VISIT_TYPES, { secretHex: TEST_SECRET_HEX }))
      .toThrow(/without maxDays/);
  });
});
