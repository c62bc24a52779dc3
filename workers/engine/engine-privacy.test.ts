import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../test/helpers/temp-dir.js';
import { expectImportRefused } from '../../test/helpers/import-refusal.js';
import { workspaceSnapshot } from '../../test/helpers/workspace-snapshot.js';
import { cellValue } from '../db/columnar.js';
import type { ResultPage } from './api.js';
import { WorkspaceEngine } from './engine.js';
import { PmwError } from './errors.js';

const PATIENTS = join(FIXTURES, 'privacy-import/patients.csv');
const CAERS = join(FIXTURES, 'caers.csv');

function values(page: ResultPage, name: string): unknown[] {
  const column = page.columns.find((c) => c.name === name)!;
  return Array.from({ length: page.rowCount }, (_, i) => cellValue(column, i));
}

/** The fixture's rows as written, read with a plain split (the file has no quoted fields). */
function fixtureRows(): Record<string, string>[] {
  const [header, ...lines] = readFileSync(PATIENTS, 'utf8').trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

/** A fresh engine on a workspace file of its own for each test (closed after it), and its folder. */
function useWorkspaceEngine(): { open: () => Promise<WorkspaceEngine>; temp: () => string } {
  const temp = useTempDir();
  let current: WorkspaceEngine | undefined;
  afterEach(async () => current?.close());
  return {
    temp,
    async open() {
      current = new WorkspaceEngine();
      await current.openWorkspace(join(temp(), 'ws.duckdb'));
      return current;
    },
  };
}

describe('the workspace privacy policy', () => {
  const workspace = useWorkspaceEngine();
  let engine: WorkspaceEngine;
  const temp = workspace.temp;
  const open = async (): Promise<WorkspaceEngine> => (engine = await workspace.open());

  it('defaults to warn, a minimum cell count of 5 and ±180 days; a change is audited and kept across reopening', async () => {
    await open();
    expect(await engine.privacyPolicy()).toEqual({ onIdentifiers: 'warn', minCellCount: 5, dateShiftDays: 180 });
    expect(await engine.setPrivacyPolicy({ minCellCount: 0, onIdentifiers: 'refuse' })).toEqual({ onIdentifiers: 'refuse', minCellCount: 0, dateShiftDays: 180 });
    const [entry] = await engine.audit({ limit: 1 });
    expect(entry).toMatchObject({ action: 'policy' });
    expect(JSON.parse(entry!.detail)).toMatchObject({ change: { minCellCount: 0, onIdentifiers: 'refuse' } });
    await engine.close();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    expect((await engine.privacyPolicy()).minCellCount).toBe(0);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('refuses a malformed change and keeps the policy as it was', async () => {
    await open();
    for (const bad of [{ minCellCount: -1 }, { minCellCount: 2.5 }, { onIdentifiers: 'ignore' }, { dateShiftDays: 0 }, { minCellCount: 3, colour: 'red' }]) {
      const error = await engine.setPrivacyPolicy(bad as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PmwError);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect((error as PmwError).hint).toBeTruthy();
    }
    expect(await engine.privacyPolicy()).toEqual({ onIdentifiers: 'warn', minCellCount: 5, dateShiftDays: 180 });
  });

  it('applies the larger of the policy and the spec as the minimum cell count of an analysis', async () => {
    await open();
    await engine.importFile({ path: CAERS, kind: 'reports', reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2' } });
    const applied = async (minCellCount?: number): Promise<number> =>
      (await engine.signals({ dataset: 'caers', measures: ['prr'], ...(minCellCount === undefined ? {} : { minCellCount }) } as never)).suppression.minCellCount;
    expect(await applied()).toBe(5);
    expect(await applied(0)).toBe(5); // a notebook cannot lower the workspace's policy
    expect(await applied(11)).toBe(11);
    await engine.setPrivacyPolicy({ minCellCount: 0 });
    expect(await applied()).toBe(0);
    expect(await applied(3)).toBe(3);
  });
});

describe('identifiers at import', () => {
  const workspace = useWorkspaceEngine();
  let engine: WorkspaceEngine;
  const open = async (): Promise<WorkspaceEngine> => (engine = await workspace.open());

  it('warns by default: the data is imported and the identifier columns are named with masked examples', async () => {
    await open();
    const result = await engine.importFile({ path: PATIENTS });
    const flagged = result.dataset.privacy!.scan!.columns.filter((c) => c.verdict === 'identifier').map((c) => c.column).sort();
    expect(flagged).toEqual(['email', 'phone', '姓名', '身份证号'].sort());
    const idWarning = result.warnings!.find((w) => w.includes('身份证号'))!;
    expect(idWarning).toMatch(/national id/);
    for (const row of fixtureRows()) expect(idWarning).not.toContain(row['身份证号']);
    expect(result.dataset.rows).toBe(40);
  });

  it('refuses under the refuse policy, naming the columns, and leaves the workspace as it was', async () => {
    await open();
    await engine.setPrivacyPolicy({ onIdentifiers: 'refuse' });
    const before = await workspaceSnapshot(engine);
    const error = await expectImportRefused(engine, before, { path: PATIENTS }, { code: 'IDENTIFIERS_FOUND', file: PATIENTS });
    expect(error.message).toContain('身份证号');
    expect(error.message).toContain('phone');
    expect(error.column).toBe(2); // 姓名, the first flagged column, is the file's second column
  });

  it('imports under the refuse policy once the request drops or hashes every identifier', async () => {
    await open();
    await engine.setPrivacyPolicy({ onIdentifiers: 'refuse' });
    const result = await engine.importFile({
      path: PATIENTS,
      transforms: [{ kind: 'drop', column: '姓名' }, { kind: 'hash', column: '身份证号' }, { kind: 'drop', column: 'phone' }, { kind: 'drop', column: 'email' }],
    });
    expect(result.dataset.tables[0]!.columns.map((c) => c.name)).toEqual(['patient_key', '身份证号', 'age', 'sex', 'postcode', 'visit_date', 'icd10']);
    // The keyed hash is HMAC-SHA-256 with the workspace's secret (RFC 2104; node:crypto as the reference).
    const secret = values(await engine.query("SELECT value FROM _meta WHERE key = 'hmac_secret'"), 'value')[0] as string;
    const hashed = values(await engine.query('SELECT "身份证号" AS id FROM patients ORDER BY patient_key'), 'id');
    expect(hashed).toEqual(fixtureRows().map((r) => createHmac('sha256', Buffer.from(secret, 'hex')).update(r['身份证号']!, 'utf8').digest('hex')));
    expect(result.dataset.privacy!.transforms.map((t) => [t.transform.kind, t.rows])).toEqual([['drop', 40], ['hash', 40], ['drop', 40], ['drop', 40]]);
    const importEntry = (await engine.audit({ limit: 50 })).find((e) => e.action === 'import')!;
    expect(JSON.parse(importEntry.detail).privacy.transforms.map((t: { kind: string }) => t.kind)).toEqual(['drop', 'hash', 'drop', 'drop']);
    expect(result.dataset.privacy!.scan!.identifierColumns).toBe(0);
  });

  it('transforms under the transform policy: names, phones and e-mails dropped, ID numbers hashed, postcodes truncated', async () => {
    await open();
    await engine.setPrivacyPolicy({ onIdentifiers: 'transform' });
    const result = await engine.importFile({ path: PATIENTS });
    const kinds = Object.fromEntries(result.dataset.privacy!.transforms.map((t) => [t.transform.kind === 'shiftDates' ? '' : t.transform.column, t.transform.kind]));
    expect(kinds).toMatchObject({ 姓名: 'drop', 身份证号: 'hash', phone: 'drop', email: 'drop' });
    const stored = await engine.query('SELECT * FROM patients ORDER BY patient_key', { limit: 100 });
    expect(stored.columns.map((c) => c.name)).not.toContain('phone');
    if (kinds.postcode === 'truncate') {
      expect(values(stored, 'postcode')).toEqual(fixtureRows().map((r) => r.postcode!.slice(0, 3)));
    }
    expect(result.dataset.privacy!.scan!.identifierColumns).toBe(0);
  });
});

describe('transforms on demand', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  afterEach(async () => engine?.close());

  it('applies, records in the catalog and the audit trail, and a bad transform changes nothing', async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    await engine.importFile({ path: PATIENTS });
    const before = await workspaceSnapshot(engine);
    const bad = await engine.applyTransforms('patients', [{ kind: 'drop', column: 'email' }, { kind: 'drop', column: 'no_such_column' }]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(PmwError);
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await workspaceSnapshot(engine)).toBe(before);

    const { dataset, applied } = await engine.applyTransforms('patients', [{ kind: 'ageBands', column: 'age' }, { kind: 'drop', column: 'email' }]);
    expect(applied.map((a) => a.transform.kind)).toEqual(['ageBands', 'drop']);
    expect(dataset.privacy!.transforms).toHaveLength(2);
    expect(dataset.tables[0]!.columns.find((c) => c.name === 'age')!.type).toBe('VARCHAR');
    const bands = values(await engine.query('SELECT age FROM patients ORDER BY patient_key', { limit: 100 }), 'age');
    // 5-year bands with 90+ top-coding, computed here from the fixture's ages.
    expect(bands).toEqual(fixtureRows().map((r) => { const a = Number(r.age); return a >= 90 ? '90+' : `${a - (a % 5)}-${a - (a % 5) + 4}`; }));
    const entry = (await engine.audit({ limit: 5 })).find((e) => e.action !== 'query');
    expect(entry).toMatchObject({ action: 'transform', dataset: dataset.id });
    expect((await engine.datasets())[0]!.privacy!.transforms).toHaveLength(2);
  });
});

describe('workspace format 1', () => {
  const temp = useTempDir();

  it('opens an older workspace and adds the catalog privacy column', async () => {
    const path = join(temp(), 'old.duckdb');
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run(`CREATE TABLE _meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
      INSERT INTO _meta VALUES ('format', '1'), ('created_at', '2026-01-01T00:00:00Z');
      CREATE TABLE _catalog (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, kind VARCHAR NOT NULL, source_file VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL, rows BIGINT NOT NULL, columns JSON NOT NULL, imported_at VARCHAR NOT NULL,
        description VARCHAR NOT NULL DEFAULT '', licence VARCHAR NOT NULL DEFAULT '');
      CREATE TABLE t AS SELECT 1 AS x;
      INSERT INTO _catalog VALUES ('id-t', 't', 'table', '/x/t.csv', '${'0'.repeat(64)}', 1, '[{"table":"t","rows":1,"columns":[{"name":"x","type":"INTEGER"}]}]', '2026-01-01T00:00:00Z', '', '')`);
    c.closeSync();
    instance.closeSync();
    const engine = new WorkspaceEngine();
    await engine.openWorkspace(path);
    try {
      const [dataset] = await engine.datasets();
      expect(dataset).toMatchObject({ name: 't', privacy: null });
      expect(values(await engine.query("SELECT value FROM _meta WHERE key = 'format'"), 'value')).toEqual(['2']);
    } finally {
      await engine.close();
    }
  });
});
