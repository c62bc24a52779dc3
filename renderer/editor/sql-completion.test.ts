import { CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { schemaCompletionSource } from '@codemirror/lang-sql';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../workers/engine/api.js';
import { buildSqlNamespace } from './sql-completion.js';
import { DUCKDB } from './sql-dialect.js';
import { sqlLanguage } from './sql-editor.js';

function dataset(name: string, kind: Dataset['kind'], tables: [string, string[]][]): Dataset {
  return {
    id: name, name, kind, sourceFile: `/samples/${name}`, sha256: '0'.repeat(64), rows: 0, importedAt: '2024-01-01T00:00:00Z',
    description: '', licence: '', privacy: null,
    tables: tables.map(([table, columns]) => ({ table, rows: 0, columns: columns.map((column) => ({ name: column, type: column.endsWith('_id') ? 'BIGINT' : 'VARCHAR' })) })),
  };
}

/** The catalog as `pmw start` leaves it: gibleed's OMOP schema, and a plain table in `main`. */
const datasets = [
  dataset('gibleed', 'omop', [['gibleed.person', ['person_id', 'gender_concept_id', 'year_of_birth']], ['gibleed.drug_exposure', ['drug_exposure_id', 'person_id', 'drug_concept_id']]]),
  dataset('caers', 'table', [['caers', ['report_id', 'product', 'outcome']]]),
];

/** The labels CodeMirror offers with the cursor at `|` of `doc`, through the real SQL language. */
function labelsAt(docWithCursor: string, source: CompletionSource): string[] {
  const pos = docWithCursor.indexOf('|');
  const doc = docWithCursor.replace('|', '');
  const state = EditorState.create({ doc, selection: { anchor: pos }, extensions: [sqlLanguage({})] });
  const result = source(new CompletionContext(state, pos, true)) as CompletionResult | null;
  return (result?.options ?? []).map((option) => option.label).sort();
}

describe('SQL completion from the catalog and the notebook', () => {
  const namespace = buildSqlNamespace(datasets, [{ name: 'users', columns: [{ name: 'year', type: 'BIGINT' }, { name: 'n', type: 'BIGINT' }] }, { name: 'pending' }]);
  const source = schemaCompletionSource({ dialect: DUCKDB, schema: namespace });

  it('tables in main, schemas and cell names at the top level', () => {
    expect(labelsAt('select * from |', source)).toEqual(expect.arrayContaining(['caers', 'gibleed', 'users', 'pending']));
  });

  it('a schema completes to its tables and a table to its columns', () => {
    expect(labelsAt('select * from gibleed.|', source)).toEqual(['drug_exposure', 'person']);
    expect(labelsAt('select gibleed.person.| from gibleed.person', source)).toEqual(['gender_concept_id', 'person_id', 'year_of_birth']);
    expect(labelsAt('select caers.| from caers', source)).toEqual(['outcome', 'product', 'report_id']);
  });

  it('a cell that has run completes to its result columns; one that has not, to none', () => {
    expect(labelsAt('select users.| from users', source)).toEqual(['n', 'year']);
    expect(labelsAt('select pending.| from pending', source)).toEqual([]);
  });

  it('a cell named like a table shadows it, as the runtime’s WITH does', () => {
    const shadowed = buildSqlNamespace(datasets, [{ name: 'caers', columns: [{ name: 'total', type: 'BIGINT' }] }]);
    expect(labelsAt('select caers.| from caers', schemaCompletionSource({ dialect: DUCKDB, schema: shadowed }))).toEqual(['total']);
  });

  it('the dialect knows DuckDB words on top of PostgreSQL’s', () => {
    const keywords = DUCKDB.spec.keywords!.split(' ');
    expect(keywords).toEqual(expect.arrayContaining(['qualify', 'pivot', 'asof', 'select', 'returning']));
    expect(DUCKDB.spec.builtin!.split(' ')).toEqual(expect.arrayContaining(['read_parquet', 'read_csv']));
  });
});
