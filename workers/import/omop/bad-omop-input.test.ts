import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectImportRefused } from '../../../test/helpers/import-refusal.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { pageRows } from '../../../test/helpers/page-rows.js';
import { workspaceSnapshot } from '../../../test/helpers/workspace-snapshot.js';
import { quoteLiteral } from '../../db/quote.js';
import type { ImportRequest, Progress } from '../../engine/api.js';
import type { PmwError } from '../../engine/errors.js';
import { copyFixture, GIBLEED, TINY_CDM, useWorkspace, withDuckDB } from './testing/omop-fixtures.js';

/** Issue 4: bad OMOP folders are refused with a typed error naming the file and line, and change nothing. */
describe('OMOP import: bad input', () => {
  const temp = useTempDir();
  // CAERS is there first: a refused import must leave it exactly as it was.
  const ws = useWorkspace(temp, { seeded: true });

  const tiny = (name = 'cdm') => copyFixture(TINY_CDM, join(temp(), name));
  const lines = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8').split('\n').filter((l) => l !== '');
  const rewrite = (folder: string, file: string, edit: (lines: string[]) => string[]) => writeFileSync(join(folder, file), edit(lines(folder, file)).join('\n') + '\n');

  async function expectRefused(req: ImportRequest, expected: Partial<PmwError>): Promise<PmwError> {
    const error = await expectImportRefused(ws.engine, ws.before, { kind: 'omop', ...req }, expected);
    const schemas = pageRows(await ws.engine.query("SELECT count(*) FROM duckdb_schemas() WHERE NOT internal AND schema_name <> 'main'"));
    expect(Number(schemas[0]![0])).toBe(0);
    return error;
  }

  it('a folder without a person table, or without observation periods, or empty, is refused saying what is missing', async () => {
    const noPerson = tiny('no_person');
    rmSync(join(noPerson, 'person.csv'));
    const error = await expectRefused({ path: noPerson }, { code: 'FILE_NOT_FOUND', file: noPerson });
    expect(error.message).toBe('no_person has no person table (PERSON.csv, person.parquet, PERSON.tsv, …)');
    const noPeriods = tiny('no_periods');
    rmSync(join(noPeriods, 'observation_period.csv'));
    await expectRefused({ path: noPeriods }, { code: 'FILE_NOT_FOUND', message: expect.stringMatching(/^no_periods has no observation_period table/) as unknown as string });
    const empty = join(temp(), 'empty');
    mkdirSync(empty);
    await expectRefused({ path: empty }, { code: 'FILE_NOT_FOUND', message: 'empty is empty' });
    await expectRefused({ path: join(empty, 'nothing') }, { code: 'FILE_NOT_FOUND' });
    await expectRefused({ path: join(TINY_CDM, 'person.csv') }, { code: 'BAD_REQUEST', message: expect.stringMatching(/^person\.csv is a file; an OMOP import reads a folder/) as unknown as string });
  });

  it('a text value in a BIGINT column names the file, line, column and the CDM type', async () => {
    const folder = tiny();
    rewrite(folder, 'person.csv', (l) => l.map((line, i) => (i === 3 ? line.replace(/^3,/, 'x3,') : line)));
    const error = await expectRefused({ path: folder }, { code: 'FILE_FORMAT', file: join(folder, 'person.csv'), line: 4, column: 1 });
    expect(error.message).toBe('line 4 of person.csv, column 1: person_id holds "x3", which is not a BIGINT (person_id is BIGINT in the OMOP CDM)');
  });

  it('an impossible date names its line and the character where the field starts', async () => {
    const folder = tiny();
    rewrite(folder, 'condition_occurrence.csv', (l) => l.map((line, i) => (i === 2 ? line.replace('2018-03-03', '2018-02-30') : line)));
    const error = await expectRefused({ path: folder }, { code: 'FILE_FORMAT', line: 3, column: 12 });
    expect(error.message).toMatch(/^line 3 of condition_occurrence\.csv, column 12: condition_start_date holds "2018-02-30", which is not a DATE/);
  });

  it('a ragged row, a headerless file and a column named twice are refused with their line', async () => {
    const ragged = tiny('ragged');
    appendFileSync(join(ragged, 'drug_exposure.csv'), '3,1,1118084,2012-01-01,2012-01-30,32817,30,M01AH01,extra\n');
    await expectRefused({ path: ragged }, { code: 'FILE_FORMAT', line: 4, message: 'line 4 of drug_exposure.csv has 9 fields, the header has 8' });
    const headerless = tiny('headerless');
    rewrite(headerless, 'person.csv', (l) => l.slice(1));
    const error = await expectRefused({ path: headerless }, { code: 'FILE_FORMAT', line: 1 });
    expect(error.message).toMatch(/^person\.csv has no person_id column; its columns are 1, 8507, 1950/);
    const twice = tiny('twice');
    rewrite(twice, 'death.csv', (l) => [`${l[0]},Person Id`, ...l.slice(1).map((line) => `${line},3`)]);
    await expectRefused({ path: twice }, { code: 'FILE_FORMAT', line: 1, message: 'death.csv names the column person_id twice (person_id and Person Id)' });
  });

  it('a binary file, a zip, an empty file or a Latin-1 byte under a table name is refused as such', async () => {
    const binary = tiny('binary');
    writeFileSync(join(binary, 'person.csv'), Buffer.concat([Buffer.from('person_id,year_of_birth\n1,'), Buffer.from([0, 0xff, 0x13, 0]), Buffer.from('\n')]));
    await expectRefused({ path: binary }, { code: 'FILE_BINARY', file: join(binary, 'person.csv'), line: 2, column: 3 });
    const zip = tiny('zip');
    writeFileSync(join(zip, 'person.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]));
    await expectRefused({ path: zip }, { code: 'FILE_BINARY', message: expect.stringMatching(/^person\.csv is a zip archive/) as unknown as string });
    const empty = tiny('empty_file');
    writeFileSync(join(empty, 'observation_period.csv'), '');
    await expectRefused({ path: empty }, { code: 'FILE_EMPTY', message: 'observation_period.csv is empty (0 bytes)' });
    const latin1 = tiny('latin1');
    rewrite(latin1, 'concept.csv', (l) => l);
    appendFileSync(join(latin1, 'concept.csv'), Buffer.from('4,Caf\xe9,Metadata,None,Undefined,,x,1970-01-01,2099-12-31,\n', 'latin1'));
    await expectRefused({ path: latin1 }, { code: 'FILE_ENCODING', line: 10, column: 6 });
  });

  it('two files for one table are refused, naming both', async () => {
    const folder = tiny();
    writeFileSync(join(folder, 'PERSON.tsv'), 'person_id\n1\n');
    await expectRefused({ path: folder }, { code: 'FILE_FORMAT', message: 'cdm holds two files for the person table: PERSON.tsv and person.csv' });
  });

  it('a Parquet file with text in a BIGINT column names the row', async () => {
    const folder = tiny();
    rmSync(join(folder, 'person.csv'));
    await withDuckDB((first) => first(`COPY (SELECT * FROM (VALUES ('1', 1950), ('2', 1960), ('abc', 1970)) t(person_id, year_of_birth))
      TO ${quoteLiteral(join(folder, 'person.parquet'))} (FORMAT parquet)`));
    const error = await expectRefused({ path: folder }, { code: 'FILE_FORMAT', file: join(folder, 'person.parquet') });
    expect(error.message).toBe('row 3 of person.parquet: person_id holds "abc", which is not a BIGINT (person_id is BIGINT in the OMOP CDM)');
  });

  it('a name that is taken is refused unless replacing; a cancel changes nothing', async () => {
    await expectRefused({ path: TINY_CDM, name: 'caers' }, { code: 'DATASET_EXISTS' });
    const phases: Progress[] = [];
    const running = ws.engine.importFile({ path: GIBLEED, kind: 'omop', taskId: 'omop-import' }, (p) => {
      phases.push(p);
      if (p.phase === 'reading' && phases.filter((x) => x.phase === 'reading').length === 1) void ws.engine.cancel('omop-import');
    });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await workspaceSnapshot(ws.engine)).toBe(ws.before);
  });
});
