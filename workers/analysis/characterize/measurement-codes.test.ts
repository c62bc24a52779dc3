import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeSet } from '../../engine/api.js';
import { measurementsInCodeSetsSql, normalizeMeasurementCodeSets } from './measurement-codes.js';
import { createTableFromRows, openTestDatabase, type TestDatabase } from './test-cdm.js';

// Concept 100 has descendants 101 and 102 (102 through 101); 103 is unrelated.
// measurement rows: [id, concept, source value, value (text, as GiBleed stores it)]
const rows: [number, number, string, string][] = [
  [1, 100, '1-1', '5.5'],
  [2, 101, '1-2', '6'],
  [3, 102, '1-3', '7'],
  [4, 103, '1-4', 'not a number'],
  [5, 0, 'ab.1', '8'], // unmapped, but its source code folds to AB1
  [6, 102, 'AB.1', '9'], // source AB1, concept 102
  [7, 101, 'AB1', '10'], // source AB1, concept 101
];

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.connection.run('CREATE SCHEMA codes');
  await createTableFromRows(db.connection, 'codes.concept_ancestor', 'ancestor_concept_id BIGINT, descendant_concept_id BIGINT',
    [['100', '100'], ['100', '101'], ['100', '102'], ['101', '101'], ['101', '102'], ['102', '102'], ['103', '103']]);
  await createTableFromRows(db.connection, 'codes.measurement',
    'measurement_id BIGINT, person_id BIGINT, measurement_concept_id BIGINT, measurement_date DATE, measurement_source_value VARCHAR, value_as_number VARCHAR',
    rows.map(([id, concept, source, value]) => [String(id), '1', String(concept), `DATE '2020-01-01'`, `'${source}'`, `'${value}'`]));
});
afterAll(() => db.close());

async function matches(sets: CodeSet[], hasConceptAncestor = true): Promise<[number, number, number | null][]> {
  const codeSets = normalizeMeasurementCodeSets(sets.map((codes, i) => ({ label: `set ${i}`, codes })));
  const sql = measurementsInCodeSetsSql('codes', codeSets, hasConceptAncestor);
  const reader = await db.connection.runAndReadAll(`SELECT entry::DOUBLE, measurement_id::DOUBLE, value FROM (${sql}) ORDER BY ALL`);
  return reader.getRowsJS() as [number, number, number | null][];
}

describe('measurement code sets', () => {
  it('takes descendants, removes excluded concepts (with theirs) and adds source codes of unlisted concepts', async () => {
    const set: CodeSet = { concepts: [{ id: 100, descendants: true }, { id: 102, exclude: true }], sourceCodes: ['ab1%'] };
    // 100 → {100, 101, 102} minus {102}: rows 1, 2, 7; by source AB1%: rows 5 (concept 0) and 6 (concept 102,
    // excluded, so out); row 7 matches both ways and is listed once.
    expect(await matches([set])).toEqual([[0, 1, 5.5], [0, 2, 6], [0, 5, 8], [0, 7, 10]]);
    // without concept_ancestor, 100 is only itself: row 1; by source, rows 5 and 7 (6 is still excluded)
    expect(await matches([set], false)).toEqual([[0, 1, 5.5], [0, 5, 8], [0, 7, 10]]);
  });

  it('reads bare ids as the concept alone, lists a row once per code set, and folds case and dots of source codes', async () => {
    const result = await matches([{ concepts: [103, 100] }, { sourceCodes: ['AB.1'] }]);
    // set 0: rows 1 and 4 (its value is not a number: NULL); set 1: every source folding to AB1
    expect(result).toEqual([[0, 1, 5.5], [0, 4, null], [1, 5, 8], [1, 6, 9], [1, 7, 10]]);
  });

  it('refuses a code set with nothing to look for', () => {
    expect(() => normalizeMeasurementCodeSets([{ label: 'hba1c', codes: {} }])).toThrow('measurement "hba1c" has no concept or source code to look for');
    expect(() => normalizeMeasurementCodeSets([{ label: 'hba1c', codes: { concepts: [1.5] } }])).toThrow('concept id 1.5 is not a whole number');
  });
});
