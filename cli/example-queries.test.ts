import { describe, expect, it } from 'vitest';
import type { Dataset } from '../workers/engine/api.js';
import { exampleQueries } from './example-queries.js';

function dataset(table: string, columns: string[]): Dataset {
  return {
    id: table, name: table, kind: 'table', sourceFile: '', sha256: '', rows: 1, importedAt: '', description: '', licence: '', privacy: null,
    tables: [{ table, rows: 1, columns: columns.map((name) => ({ name, type: 'VARCHAR' })) }],
  };
}

describe('exampleQueries', () => {
  it('suggests nothing for an empty workspace', () => {
    expect(exampleQueries([])).toEqual([]);
  });

  it('starts with a first look and ends with a summary of the first table', () => {
    const examples = exampleQueries([dataset('caers', ['id', 'var1', 'var2'])]);
    expect(examples[0]).toBe('select * from caers limit 5;');
    expect(examples.at(-1)).toBe('summarize caers;');
    expect(examples).toContain('select var1 as product, var2 as event, count(*) as reports from caers group by all order by reports desc limit 10;');
  });

  it('joins conditions to concept names only when both tables are there', () => {
    const conditions = dataset('omop_condition_occurrence', ['person_id', 'condition_concept_id']);
    const concepts = dataset('omop_concept', ['concept_id', 'concept_name']);
    expect(exampleQueries([conditions]).some((sql) => sql.includes('join'))).toBe(false);
    expect(exampleQueries([conditions, concepts]).find((sql) => sql.includes('join'))).toContain('join omop_concept c on c.concept_id = o.condition_concept_id');
  });
});
