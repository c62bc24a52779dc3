import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../test/helpers/temp-dir.js';
import { expectImportRefused } from '../../test/helpers/import-refusal.js';
import { workspaceSnapshot } from '../../test/helpers/workspace-snapshot.js';
import { cellValue } from '../db/columnar.js';
import type { ImportRequest } from '../engine/api.js';
import { WorkspaceEngine } from '../engine/engine.js';
import { PmwError } from '../engine/errors.js';

const caers = join(FIXTURES, 'caers.csv');
const caersText = readFileSync(caers, 'utf8');

describe('importFile: bad input is refused with a typed error and changes nothing', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  let before: string;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    await engine.importFile({ path: caers }); // the workspace is not empty: the failure must not touch it
    before = await workspaceSnapshot(engine);
  });
  afterEach(async () => engine.close());

  function file(name: string, content: string | Buffer): string {
    const path = join(temp(), name);
    writeFileSync(path, content);
    return path;
  }

  async function expectRefused(req: ImportRequest, expected: Partial<PmwError>): Promise<PmwError> {
    const error = await expectImportRefused(engine, before, req, expected);
    // and the engine keeps working
    const page = await engine.query('SELECT count(*) AS n FROM caers');
    expect(Number(cellValue(page.columns[0]!, 0))).toBe(20156);
    return error;
  }

  it('an empty file', async () => {
    const path = file('empty.csv', '');
    const error = await expectRefused({ path }, { code: 'FILE_EMPTY', file: path });
    expect(error.message).toMatch(/empty\.csv is empty/);
  });

  it('a missing file', async () => {
    await expectRefused({ path: join(temp(), 'nope.csv') }, { code: 'FILE_NOT_FOUND' });
  });

  it('a binary file, with the line of the first NUL byte', async () => {
    const path = file('image.csv', Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0, 0, 1, 2, 0xff]), Buffer.from('\n')]));
    const error = await expectRefused({ path }, { code: 'FILE_BINARY', line: 3, column: 3 });
    expect(error.message).toMatch(/image\.csv holds a NUL byte at line 3, column 3/);
  });

  it('a zip archive named .csv', async () => {
    const path = file('archive.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]));
    const error = await expectRefused({ path }, { code: 'FILE_BINARY' });
    expect(error.message).toMatch(/zip archive/);
  });

  it('ragged rows near the top, with the line number', async () => {
    const path = file('ragged.csv', 'a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n');
    const error = await expectRefused({ path }, { code: 'FILE_FORMAT', line: 3 });
    expect(error.message).toBe('line 3 of ragged.csv has 4 fields, the header has 3');
  });

  it('a ragged last row in an all-text file (DuckDB took it for the header and dropped the rows above)', async () => {
    const path = file('rag_text.csv', 'name,city\nalice,paris\nbob,rome\ncarol,oslo,extra\n');
    const error = await expectRefused({ path }, { code: 'FILE_FORMAT', line: 4 });
    expect(error.message).toBe('line 4 of rag_text.csv has 3 fields, the header has 2');
  });

  it('a short row far down a real file, with the line number', async () => {
    // Line 15,001 of the CAERS file loses its last field, as in a file cut off mid-copy.
    const lines = caersText.split('\n');
    lines[15_000] = lines[15_000]!.slice(0, lines[15_000]!.lastIndexOf(','));
    const path = file('caers_cut.csv', lines.join('\n'));
    const error = await expectRefused({ path }, { code: 'FILE_FORMAT', line: 15_001 });
    expect(error.message).toBe('line 15,001 of caers_cut.csv has 3 fields, the header has 4');
  });

  it('Latin-1 bytes in a file read as UTF-8, with line and column; then read as Latin-1', async () => {
    const latin1 = Buffer.concat([Buffer.from('drug,event\naspirin,nausea\ncaf'), Buffer.from([0xe9]), Buffer.from('ine,tremor\n')]);
    const path = file('latin.csv', latin1);
    const error = await expectRefused({ path }, { code: 'FILE_ENCODING', line: 3, column: 4 });
    expect(error.hint).toMatch(/latin-1/);
    const { dataset } = await engine.importFile({ path, csv: { encoding: 'latin-1' } });
    const page = await engine.query(`SELECT drug FROM ${dataset.name} ORDER BY drug`);
    expect(cellValue(page.columns[0]!, 1)).toBe('caféine');
  });

  it('a UTF-8 character split across read chunks is not taken for an error', async () => {
    // The scan reads 4 MiB chunks: make the 3-byte '€' start one byte before the first boundary.
    const line = `${'x'.repeat(99)}\n`;
    const before = 4 * 1024 * 1024 - 1 - 'name\n'.length;
    const lines = Math.floor(before / line.length);
    const pad = 'y'.repeat(before - lines * line.length);
    const path = file('boundary.csv', `name\n${line.repeat(lines)}${pad}€\n`);
    expect(readFileSync(path).subarray(4 * 1024 * 1024 - 1, 4 * 1024 * 1024 + 2).toString('utf8')).toBe('€');
    const { dataset } = await engine.importFile({ path });
    expect(dataset.rows).toBe(lines + 1);
  });

  it('a truncated gzip file', async () => {
    const gz = gzipSync(readFileSync(caers));
    const path = file('caers_trunc.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const error = await expectRefused({ path }, { code: 'FILE_COMPRESSION' });
    expect(error.message).toMatch(/truncated/);
  });

  it('a 0-byte gzip file', async () => {
    await expectRefused({ path: file('zero.csv.gz', '') }, { code: 'FILE_EMPTY' });
  });

  it('a gzip header with no data', async () => {
    const path = file('header_only.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]));
    await expectRefused({ path }, { code: 'FILE_COMPRESSION' });
  });

  it('a value that does not fit the inferred column type, with the line and the override to use', async () => {
    const lines = ['id,value', ...Array.from({ length: 30_000 }, (_, i) => `${i},${i * 2}`), '30000,n/a'];
    const path = file('late_text.csv', lines.join('\n'));
    const error = await expectRefused({ path }, { code: 'FILE_FORMAT', line: 30_002 });
    expect(error.hint).toMatch(/--type value=VARCHAR/);
    const { dataset } = await engine.importFile({ path, columnTypes: { value: 'VARCHAR' } });
    expect(dataset.tables[0]!.columns.find((c) => c.name === 'value')?.type).toBe('VARCHAR');
  });

  it('a file deleted while it is being imported', async () => {
    const path = join(temp(), 'vanishing.csv');
    copyFileSync(caers, path);
    const error = await engine
      .importFile({ path, name: 'vanishing' }, () => rmSync(path, { force: true }))
      .catch((e: unknown) => e);
    // Deleted before DuckDB opened it, or while it read: either way nothing may be imported.
    expect(error).toMatchObject({ code: 'FILE_CHANGED' });
    expect(await workspaceSnapshot(engine)).toBe(before);
  });

  it('a file changed while it is being imported', async () => {
    const path = join(temp(), 'growing.csv');
    copyFileSync(caers, path);
    let appended = false;
    const error = await engine
      .importFile({ path, name: 'growing' }, () => {
        if (!appended) { appended = true; writeFileSync(path, '999,X,Y,Female\n', { flag: 'a' }); }
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_CHANGED' });
    expect(await workspaceSnapshot(engine)).toBe(before);
  });

  it('an import cancelled while DuckDB reads', async () => {
    const path = file('big.csv', `${caersText}${caersText.split('\n').slice(1).join('\n').repeat(40)}`);
    const running = engine.importFile({ path, name: 'big', taskId: 'imp', onDuplicate: 'import' }, (p) => {
      if (p.phase === 'reading') void engine.cancel('imp');
    });
    // If DuckDB finishes before the first progress tick, cancel as soon as the task exists instead.
    setTimeout(() => void engine.cancel('imp'), 30);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await workspaceSnapshot(engine)).toBe(before);
  });

  it('a bad type override names the column', async () => {
    await expectRefused({ path: caers, name: 'x', onDuplicate: 'import', columnTypes: { id: 'INT; DROP TABLE caers' } }, { code: 'BAD_REQUEST' });
    await expectRefused({ path: caers, name: 'x', onDuplicate: 'import', columnTypes: { no_such: 'VARCHAR' } }, { code: 'BAD_REQUEST' });
  });
});

describe('openWorkspace: locked and corrupt workspaces', () => {
  const temp = useTempDir();

  it('refuses a workspace another process holds, naming it', async () => {
    const path = join(temp(), 'locked.duckdb');
    const holder = spawn(process.execPath, ['-e', `
      import('@duckdb/node-api').then(async ({ DuckDBInstance }) => {
        // Kept on globalThis: an instance nothing refers to may be collected, and its lock released.
        globalThis.holder = await DuckDBInstance.create(${JSON.stringify(path)});
        console.log('holding');
        setTimeout(() => {}, 60000);
      });`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const engine = new WorkspaceEngine();
      const error = await engine.openWorkspace(path).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'WORKSPACE_LOCKED', file: path });
      expect((error as PmwError).message).toMatch(new RegExp(`process ${holder.pid}`));
    } finally {
      holder.kill();
    }
  });

  it('refuses a second engine on a workspace this process has open', async () => {
    const path = join(temp(), 'twice.duckdb');
    const first = new WorkspaceEngine();
    await first.openWorkspace(path);
    try {
      await expect(new WorkspaceEngine().openWorkspace(path)).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED' });
    } finally {
      await first.close();
    }
  });

  it('refuses a corrupt workspace file and leaves it untouched', async () => {
    const path = join(temp(), 'corrupt.duckdb');
    const engine = new WorkspaceEngine();
    await engine.openWorkspace(path);
    await engine.importFile({ path: caers });
    await engine.close();
    // Damage the header blocks, as a disk error or a partial copy would.
    const bytes = readFileSync(path);
    bytes.fill(0x55, 0, 8192);
    writeFileSync(path, bytes);
    const damaged = readFileSync(path);
    const error = await new WorkspaceEngine().openWorkspace(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WORKSPACE_CORRUPT', file: path });
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('refuses a file that is not a workspace at all', async () => {
    const path = join(temp(), 'notes.duckdb');
    writeFileSync(path, 'these are my notes, not a database\n');
    await expect(new WorkspaceEngine().openWorkspace(path)).rejects.toMatchObject({ code: 'WORKSPACE_CORRUPT' });
    expect(readFileSync(path, 'utf8')).toBe('these are my notes, not a database\n');
  });

  it('refuses a truncated workspace file', async () => {
    const path = join(temp(), 'cut.duckdb');
    const engine = new WorkspaceEngine();
    await engine.openWorkspace(path);
    await engine.importFile({ path: caers });
    await engine.close();
    truncateSync(path, 5000);
    await expect(new WorkspaceEngine().openWorkspace(path)).rejects.toMatchObject({ code: 'WORKSPACE_CORRUPT' });
  });
});

describe('importFile: formats and options', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
  });
  afterEach(async () => engine.close());

  async function rows(sql: string): Promise<unknown[][]> {
    const page = await engine.query(sql, { limit: 100 });
    return Array.from({ length: page.rowCount }, (_, r) => page.columns.map((c) => cellValue(c, r)));
  }

  it('reads gzip, TSV, semicolons and Parquet to the same table as the plain CSV', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'caers.csv.gz'), gzipSync(readFileSync(caers)));
    const gz = await engine.importFile({ path: join(dir, 'caers.csv.gz'), name: 'gz' });
    expect(gz.dataset.rows).toBe(20156);
    await engine.importFile({ path: caers, name: 'plain', onDuplicate: 'import' });
    await engine.query(`COPY plain TO '${join(dir, 'caers.parquet')}' (FORMAT parquet)`, { write: true });
    const parquet = await engine.importFile({ path: join(dir, 'caers.parquet'), name: 'pq' });
    expect(parquet.dataset.rows).toBe(20156);
    const tsvPath = join(dir, 'small.tsv');
    writeFileSync(tsvPath, 'drug\tevent\tn\naspirin\tnausea, mild\t3\nibuprofen\tulcer\t5\n');
    await engine.importFile({ path: tsvPath });
    expect(await rows('SELECT * FROM small ORDER BY drug')).toEqual([['aspirin', 'nausea, mild', 3n], ['ibuprofen', 'ulcer', 5n]]);
    const semi = join(dir, 'semi.csv');
    writeFileSync(semi, 'drug;dose\naspirin;1,5\nheparin;2\n');
    const semiImport = await engine.importFile({ path: semi, columnTypes: { dose: 'VARCHAR' } });
    expect(semiImport.dataset.name).toBe('semi_data'); // SEMI is a DuckDB keyword
    expect(await rows('SELECT * FROM semi_data ORDER BY drug')).toEqual([['aspirin', '1,5'], ['heparin', '2']]);
    for (const other of ['gz', 'pq']) {
      const diff = await rows(`SELECT count(*) FROM (SELECT * FROM plain EXCEPT ALL SELECT * FROM ${other})`);
      expect(diff).toEqual([[0n]]);
    }
  });

  it('honours explicit delimiter, quote and header options', async () => {
    const path = join(temp(), 'noheader.txt');
    writeFileSync(path, "1|'a|b'|x\n2|'c'|y\n");
    const { dataset } = await engine.importFile({ path, name: 'nh', csv: { delimiter: '|', quote: "'", header: false } });
    expect(dataset.tables[0]!.columns.map((c) => c.name)).toEqual(['column0', 'column1', 'column2']);
    expect(await rows('SELECT column1 FROM nh ORDER BY column0')).toEqual([['a|b'], ['c']]);
  });

  it('reports progress while checking and reading, ending with finishing', async () => {
    const phases = new Set<string>();
    await engine.importFile({ path: caers }, (p) => phases.add(p.phase));
    expect(phases.has('finishing')).toBe(true);
  });

  it('names a table after the file, as a plain SQL identifier', async () => {
    const path = join(temp(), 'DRUG 24Q1.txt');
    writeFileSync(path, 'primaryid$drugname\n1$ASPIRIN\n');
    const { dataset } = await engine.importFile({ path });
    expect(dataset.name).toBe('drug_24q1');
    expect(await rows('SELECT drugname FROM drug_24q1')).toEqual([['ASPIRIN']]);
  });
});

