import { describe, expect, it } from 'vitest';
import { parseMapping } from './mapping-spec.js';

const persons = { file: 'p.csv', id: 'id' };
const parse = (mapping: unknown) => parseMapping(JSON.stringify(mapping), 'map.json');
const refusal = (mapping: unknown) => {
  try { parse(mapping); } catch (error) { return (error as Error).message.replace('mapping file map.json: ', ''); }
  return 'accepted';
};

describe('parseMapping', () => {
  it('reads sections persons first, sex values folded to lower case, and the date format', () => {
    const mapping = parse({ drugs: { file: 'd.csv', person: 'pid', start: 's', code: 'atc' }, persons, sexValues: { M: 'male', ' 2 ': 8532 }, dateFormat: '%d/%m/%Y' });
    expect(mapping.sections.map((s) => s.section)).toEqual(['persons', 'drugs']);
    expect([...mapping.sections[1]!.columns]).toEqual([['person', 'pid'], ['start', 's'], ['code', 'atc']]);
    expect([...mapping.sexValues!]).toEqual([['m', 'male'], ['2', 8532]]);
    expect(mapping.dateFormat).toBe('%d/%m/%Y');
  });

  it('refuses what it cannot read, naming the JSON path', () => {
    expect(refusal([persons])).toBe('must be a JSON object with a persons section');
    expect(refusal({ persons: 'p.csv' })).toBe('persons must be an object naming a file and its columns');
    expect(refusal({ persons: { ...persons, id: '' } })).toBe('persons.id must be a non-empty string');
    expect(refusal({ persons: { ...persons, birthDate: 'b', birthYear: 'y' } })).toBe('persons has both birthDate and birthYear');
    expect(refusal({ persons, sexValues: { F: 'woman' } })).toBe('sexValues.F must be male, female, unknown or a concept id, not "woman"');
    expect(refusal({ persons, dateFormat: 'dd/mm/yyyy' })).toBe('dateFormat must be a strptime format such as "%d/%m/%Y", not "dd/mm/yyyy"');
  });
});
