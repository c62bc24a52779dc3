import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivacyScan } from '../../../engine/api.js';
import { describeTable } from '../../../engine/catalog.js';
import { quoteLiteral } from '../../../db/quote.js';
import { scanTables, type ScanTarget } from './scan-tables.js';

/**
 * Real de-identified data must raise no identifier alarm: Eunomia's GiBleed (synthetic OMOP CDM), the CAERS
 * extract and the FAERS sample. Eunomia's person.birth_datetime holds exact (synthetic) birth dates, so it
 * is a quasi-identifier; its source values are UUIDs, pseudonymous keys.
 */
const GIBLEED = fileURLToPath(new URL('../../../../samples/gibleed/', import.meta.url));
const FAERS = fileURLToPath(new URL('../../../../samples/small/faers/', import.meta.url));
const CAERS = fileURLToPath(new URL('../../../../test/fixtures/caers.csv', import.meta.url));

let connection: DuckDBConnection;
let targets: ScanTarget[];
let scan: Omit<PrivacyScan, 'dataset'>;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run('CREATE SCHEMA gibleed; CREATE SCHEMA faers');
  const tables: string[] = [];
  for (const file of readdirSync(GIBLEED).filter((f) => f.endsWith('.parquet'))) {
    const table = `gibleed.${file.replace('.parquet', '').toLowerCase()}`;
    await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${quoteLiteral(GIBLEED + file)})`);
    tables.push(table);
  }
  // FAERS ASCII files are $-delimited Latin-1 text without quoting.
  for (const file of readdirSync(FAERS).filter((f) => f.endsWith('.txt'))) {
    const table = `faers.${file.replace('.txt', '').toLowerCase()}`;
    await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${quoteLiteral(FAERS + file)}, delim = '$', header = true, quote = '', encoding = 'latin-1')`);
    tables.push(table);
  }
  await connection.run(`CREATE TABLE caers AS SELECT * FROM read_csv(${quoteLiteral(CAERS)})`);
  tables.push('caers');
  targets = [];
  for (const table of tables) targets.push(await describeTable(connection, table));
  scan = await scanTables(connection, targets);
}, 120_000);

afterAll(() => connection.closeSync());

describe('scanTables on real de-identified data', () => {
  it('scans every column of every table', () => {
    expect(targets.length).toBe(37 + 8 + 1);
    expect(scan.columnsScanned).toBe(targets.reduce((sum, t) => sum + t.columns.length, 0));
    expect(scan.rows).toBe(targets.reduce((sum, t) => sum + t.rows, 0));
  });

  it('raises no identifier alarm', () => {
    expect(scan.columns.filter((c) => c.verdict === 'identifier').map((c) => `${c.table}.${c.column}`)).toEqual([]);
    expect(scan.identifierColumns).toBe(0);
  });

  it("reports Eunomia's exact birth dates as a quasi-identifier and its source values as pseudonymous keys, nothing else", () => {
    const reported = scan.columns.map((c) => [`${c.table}.${c.column}`, c.verdict, c.findings.map((f) => `${f.kind}/${f.evidence}`)]);
    expect(reported).toEqual([
      ['gibleed.person.birth_datetime', 'quasi_identifier', ['birth_date/name']],
      ['gibleed.person.person_source_value', 'pseudonymous', ['pseudonymous_key/content']],
      ['gibleed.visit_occurrence.visit_source_value', 'pseudonymous', ['pseudonymous_key/content']],
    ]);
    const person = scan.columns[1]!.findings[0]!;
    expect(person).toMatchObject({ rows: 2694, share: 1 });
  });
});
