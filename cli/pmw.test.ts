import { copyFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runPmwProcess } from './testing/run-pmw-process.js';
import { demoRow, drugRow, faersText, HEADERS, reacRow, writeFiles } from '../workers/import/faers/testing/faers-fixture.js';

/** FDA CAERS 2012 via openEBGM (public domain): 20,156 rows, 3,356 distinct report ids. */
const CAERS = join(REPO_ROOT, 'test/fixtures/caers.csv');

describe('pmw end to end, on CAERS', () => {
  let dataDir: string;
  let workspace: string;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-cli-'));
    workspace = join(dataDir, 'caers.duckdb');
    const imported = await pmw('import', CAERS);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/rows\s+20,156/);
    expect(imported.stdout).toMatch(/columns\s+4 \(id BIGINT, var1 VARCHAR, var2 VARCHAR, strat1 VARCHAR\)/);
    expect(imported.stdout).toMatch(/sha256\s+[0-9a-f]{64}/);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports a re-import of the same bytes as a duplicate and imports nothing', async () => {
    const again = await pmw('import', CAERS);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\(SHA-256 [0-9a-f]{16}…\) is already dataset caers.*nothing was imported/);
    const catalog = await pmw('catalog', '--format', 'json');
    expect(JSON.parse(catalog.stdout)).toHaveLength(1);
  });

  it('answers a query as CSV', async () => {
    const result = await pmw('query', 'select count(distinct id) from caers', '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['count(DISTINCT id)', '3356']);
  });

  it('answers a query as JSON that parses, numbers as numbers', async () => {
    const result = await pmw('query', 'select strat1, count(*) as n from caers group by all order by n desc', '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { strat1: 'Female', n: 12574 }, { strat1: 'Male', n: 7053 }, { strat1: 'Not Available', n: 529 },
    ]);
  });

  it('prints a table page with a footer that says how to get the next one', async () => {
    const result = await pmw('query', 'select id, var1 from caers order by id, var1', '--limit', '5');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+id\s+var1$/);
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toBe('5 rows (more available: use --offset 5)');
  });

  it('binds --param values', async () => {
    const result = await pmw('query', 'select count(*) as n from caers where var1 = ? and strat1 = ?', '--param', 'PREVAGEN', '--param', 'Female', '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^n\n\d+\n$/);
  });

  it('fails a SQL error with one line naming the SQL line and column, exit 1', async () => {
    const result = await pmw('query', 'select id,\n  nope from caers');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^pmw: .*"nope".*\(SQL line 2, column 3\) — /);
  });

  it('refuses a write without --write', async () => {
    const result = await pmw('query', 'drop table caers');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pmw: .*read-only — .*--write/);
  });

  it('exits 2 with one line on an unknown option', async () => {
    const result = await pmw('query', 'select 1', '--bogus');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pmw: unknown option --bogus — see pmw query --help\n');
  });

  it('exits 2 on an unknown command and on a missing argument', async () => {
    expect((await pmw('frobnicate')).code).toBe(2);
    const missing = await pmw('profile');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('pmw: missing NAME — see pmw profile --help\n');
  });

  it('fails on a missing file with one line, exit 1', async () => {
    const result = await pmw('import', join(dataDir, 'absent.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pmw: .*absent\.csv does not exist — check the path/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('lists the dataset in the catalog as JSON', async () => {
    const result = await pmw('catalog', '--format', 'json');
    expect(result.code).toBe(0);
    const [dataset] = JSON.parse(result.stdout) as { name: string; rows: number; tables: { columns: unknown[] }[] }[];
    expect(dataset).toMatchObject({ name: 'caers', rows: 20156 });
    expect(dataset!.tables[0]!.columns).toHaveLength(4);
  });

  it('profiles every column', async () => {
    const result = await pmw('profile', 'caers');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^caers: 20,156 rows, 4 columns/);
    for (const column of ['id', 'var1', 'var2', 'strat1']) expect(result.stdout).toMatch(new RegExp(`^${column}\\s`, 'm'));
    expect(result.stdout).toMatch(/Female \(12,574\)/);
  });

  it('lists the audit trail and verifies it intact', async () => {
    const listed = await pmw('audit', '--format', 'json', '--limit', '1000');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { action: string }[]).some((e) => e.action === 'import')).toBe(true);
    const verified = await pmw('audit', '--verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^audit trail intact: \d+ entries, head [0-9a-f]{64}\n$/);
  });

  it('prints help for every command', async () => {
    const general = await pmw('--help');
    expect(general.code).toBe(0);
    for (const command of ['start', 'import', 'catalog', 'query', 'profile', 'audit']) {
      expect(general.stdout).toContain(`  ${command} `);
      const help = await runPmwProcess([command, '--help'], { dataDir });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: pmw ${command}`));
    }
  });
});

describe('pmw audit --verify on a tampered workspace', () => {
  it('names the edited entry and exits 1', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pmw-cli-'));
    const workspace = join(dataDir, 'tampered.duckdb');
    try {
      expect((await runPmwProcess(['import', CAERS, '--workspace', workspace], { dataDir })).code).toBe(0);
      expect((await runPmwProcess(['query', 'select 1', '--workspace', workspace], { dataDir })).code).toBe(0);
      const instance = await DuckDBInstance.create(workspace);
      const connection = await instance.connect();
      await connection.run("UPDATE _audit SET detail = 'select 2' WHERE seq = 2");
      connection.closeSync();
      instance.closeSync();
      const result = await runPmwProcess(['audit', '--verify', '--workspace', workspace], { dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^pmw: the audit trail is broken at entry 2: its contents do not match its hash/);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('pmw start', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-start-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports small samples once (the OMOP folder as one dataset), decodes FAERS Latin-1, imports the cohort VCF, and exits 0 without a terminal', async () => {
    const samples = join(dataDir, 'samples');
    await mkdir(join(samples, 'omop'), { recursive: true });
    await mkdir(join(samples, 'faers'));
    await mkdir(join(samples, 'vcf'));
    await writeFile(join(samples, 'omop', 'person.csv'), 'person_id,gender_concept_id,year_of_birth\n1,8532,1960\n2,8507,1971\n');
    await writeFile(join(samples, 'omop', 'observation_period.csv'), 'person_id,observation_period_start_date,observation_period_end_date\n1,2020-01-01,2020-12-31\n');
    writeFiles(join(samples, 'faers'), {
      'DEMO24Q1.txt': faersText(HEADERS.DEMO, [demoRow({ primaryid: 11, caseid: 1, version: 1, fdaDate: '20240115' })]),
      'DRUG24Q1.txt': faersText(HEADERS.DRUG, [drugRow(11, 1, 'PS', 'Caf\xe9ine citrate')]),
      'REAC24Q1.txt': faersText(HEADERS.REAC, [reacRow(11, 'Tremor')]),
    });
    await writeFile(join(samples, 'vcf', 'cohort.vcf'), '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\nchr1\t5\t.\tA\tG\t.\t.\t.\tGT\t0/1\n');
    await copyFile(CAERS, join(samples, 'unused.csv'));
    const env = { PMW_SAMPLES_DIR: samples, PMW_GIBLEED_DIR: join(dataDir, 'no-gibleed') };

    const first = await runPmwProcess(['start'], { dataDir, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`workspace ${join(dataDir, 'samples.duckdb')}`);
    expect(first.stdout).toMatch(/faers: imported, 1 rows/);
    expect(first.stdout).toMatch(/omop: imported, 2 rows/);
    expect(first.stdout).toMatch(/vcf: imported, 1 rows/);
    expect(first.stdout).toContain(`skipped gibleed: ${join(dataDir, 'no-gibleed')} does not exist`);
    expect(first.stdout).toMatch(/^omop\s+omop\s+2\s/m);
    expect(first.stdout).toContain('select gender_concept_id, count(*) as persons');

    const second = await runPmwProcess(['start'], { dataDir, env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/faers: already there/);
    expect(second.stdout).toMatch(/omop: already there/);

    const decoded = await runPmwProcess(['query', 'select drug from faers.pv_drug', '--format', 'csv', '--workspace', join(dataDir, 'samples.duckdb')], { dataDir });
    expect(decoded.stdout).toBe('drug\nCaféine citrate\n');
  });

  it('says how to generate the samples when there are none', async () => {
    const absent = { PMW_SAMPLES_DIR: join(dataDir, 'absent'), PMW_GIBLEED_DIR: join(dataDir, 'absent-gibleed') };
    const result = await runPmwProcess(['start', '--workspace', join(dataDir, 'empty.duckdb')], { dataDir, env: absent });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('npm run samples -- --size small');
    expect(result.stdout).toContain('the workspace is empty');
  });

  it.skipIf(!existsSync(join(REPO_ROOT, 'samples/small')))('loads the bundled samples/small and GiBleed into a temp workspace', async () => {
    // A copy, so that the generator rewriting samples/small meanwhile cannot change files under the import.
    const copy = join(dataDir, 'small');
    await cp(join(REPO_ROOT, 'samples/small'), copy, { recursive: true });
    const result = await runPmwProcess(['start', '--workspace', join(dataDir, 'bundled.duckdb')], { dataDir, env: { PMW_SAMPLES_DIR: copy } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/omop: imported, 1,000 rows/);
    expect(result.stdout).toMatch(/gibleed: imported, 2,694 rows/);
    expect(result.stdout).toMatch(/vcf: imported, 521 rows/);
    expect(result.stdout).not.toMatch(/not imported/);
  });
});
