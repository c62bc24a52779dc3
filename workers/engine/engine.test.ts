import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../test/helpers/temp-dir.js';
import { cellValue } from '../db/columnar.js';
import type { ResultPage } from './api.js';
import { WorkspaceEngine } from './engine.js';
import { PmwError } from './errors.js';

// Reference figures computed by Python's csv module, not by DuckDB: test/fixtures/caers_reference.py.
const expected = JSON.parse(readFileSync(join(FIXTURES, 'caers.expected.json'), 'utf8'));
const caers = join(FIXTURES, 'caers.csv');

function column(page: ResultPage, name: string): unknown[] {
  const col = page.columns.find((c) => c.name === name)!;
  return Array.from({ length: page.rowCount }, (_, i) => cellValue(col, i));
}

describe('WorkspaceEngine', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  afterEach(async () => engine?.close());

  async function openWith(file = 'ws.duckdb'): Promise<WorkspaceEngine> {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), file));
    return engine;
  }

  it('imports the real CAERS file with the counts an independent CSV reader finds', async () => {
    await openWith();
    const { dataset } = await engine.importFile({ path: caers, licence: 'public domain' });
    expect(dataset.name).toBe('caers');
    expect(dataset.rows).toBe(expected.rows);
    expect(dataset.sha256).toBe(expected.sha256);
    expect(dataset.tables[0]!.columns.map((c) => c.name)).toEqual(expected.columns);
    const page = await engine.query(
      'SELECT count(DISTINCT id) AS ids, count(DISTINCT (var1, var2)) AS pairs, min(id) AS lo, max(id) AS hi FROM caers',
    );
    expect(Number(column(page, 'ids')[0])).toBe(expected.distinct_ids);
    expect(Number(column(page, 'pairs')[0])).toBe(expected.distinct_product_event_pairs);
    expect(Number(column(page, 'lo')[0])).toBe(expected.min_id);
    expect(Number(column(page, 'hi')[0])).toBe(expected.max_id);
    const commas = await engine.query("SELECT count(*) AS n FROM caers WHERE var1 LIKE '%,%' OR var2 LIKE '%,%' OR strat1 LIKE '%,%'");
    expect(Number(column(commas, 'n')[0])).toBe(expected.rows_with_comma_in_a_field);
  });

  it('keeps datasets, catalog and audit trail across close and reopen', async () => {
    await openWith();
    await engine.importFile({ path: caers, description: 'CAERS 2012' });
    await engine.close();
    await openWith();
    const [dataset] = await engine.datasets();
    expect(dataset?.description).toBe('CAERS 2012');
    expect(dataset?.sourceFile).toBe(caers);
    // The import and the data quality report that follows it.
    expect((await engine.verifyAudit()).entries).toBe(2);
  });

  it('reports a re-import of identical bytes instead of importing twice, and imports again when told to', async () => {
    await openWith();
    const first = await engine.importFile({ path: caers });
    const again = await engine.importFile({ path: caers, name: 'other' });
    expect(again.duplicateOf).toBe(first.dataset.id);
    expect(await engine.datasets()).toHaveLength(1);
    const forced = await engine.importFile({ path: caers, name: 'caers_copy', onDuplicate: 'import' });
    expect(forced.duplicateOf).toBeUndefined();
    expect(forced.sameContentAs).toEqual([first.dataset.id]);
    expect((await engine.datasets()).map((d) => d.name).sort()).toEqual(['caers', 'caers_copy']);
  });

  it('refuses a taken name and replaces a dataset only when asked', async () => {
    await openWith();
    const first = await engine.importFile({ path: caers });
    const other = join(temp(), 'caers.tsv');
    const tsv = readFileSync(caers, 'utf8').split('\n').slice(0, 11).join('\n').replaceAll(',', '\t');
    await import('node:fs').then((fs) => fs.writeFileSync(other, tsv));
    await expect(engine.importFile({ path: other, name: 'caers' })).rejects.toMatchObject({ code: 'DATASET_EXISTS' });
    const replaced = await engine.importFile({ path: other, name: 'caers', replace: true });
    expect(replaced.dataset.rows).toBeGreaterThan(0);
    expect(replaced.dataset.id).not.toBe(first.dataset.id);
    const datasets = await engine.datasets();
    expect(datasets).toHaveLength(1);
    const count = await engine.query('SELECT count(*) AS n FROM caers');
    expect(Number(column(count, 'n')[0])).toBe(replaced.dataset.rows);
  });

  it('pages a sorted result in DuckDB and counts the whole result on request', async () => {
    await openWith();
    await engine.importFile({ path: caers });
    const sql = 'SELECT var1, count(*) AS n FROM caers GROUP BY var1 ORDER BY n DESC, var1';
    const first = await engine.query(sql, { limit: 3, count: true });
    expect(column(first, 'var1')).toEqual(expected.top_products.slice(0, 3).map((p: { value: string }) => p.value));
    expect(column(first, 'n').map(Number)).toEqual(expected.top_products.slice(0, 3).map((p: { count: number }) => p.count));
    expect(first.hasMore).toBe(true);
    const second = await engine.query(sql, { limit: 2, offset: 3 });
    expect(column(second, 'var1')).toEqual(expected.top_products.slice(3, 5).map((p: { value: string }) => p.value));
    const distinctProducts = await engine.query('SELECT count(DISTINCT var1) AS n FROM caers');
    expect(first.totalRows).toBe(Number(column(distinctProducts, 'n')[0]));
    const last = await engine.query(sql, { limit: 10, offset: first.totalRows! - 4 });
    expect(last.rowCount).toBe(4);
    expect(last.hasMore).toBe(false);
  });

  it('returns typed columns: doubles, exact 64-bit integers, booleans, dates as text, lists as JSON', async () => {
    await openWith();
    const page = await engine.query(
      "SELECT 1.5::DOUBLE AS d, 9007199254740993::BIGINT AS big, true AS b, DATE '2024-02-29' AS day, [1, 2] AS l, NULL::INTEGER AS missing",
    );
    const kinds = Object.fromEntries(page.columns.map((c) => [c.name, c.data.kind]));
    expect(kinds).toEqual({ d: 'number', big: 'bigint', b: 'boolean', day: 'string', l: 'json', missing: 'number' });
    expect(column(page, 'big')[0]).toBe(9007199254740993n);
    expect(column(page, 'day')[0]).toBe('2024-02-29');
    expect(column(page, 'l')[0]).toEqual([1, 2]);
    expect(column(page, 'missing')[0]).toBeNull();
  });

  it('binds parameters', async () => {
    await openWith();
    await engine.importFile({ path: caers });
    const page = await engine.query('SELECT count(*) AS n FROM caers WHERE strat1 = $1', { params: ['Male'] });
    expect(Number(column(page, 'n')[0])).toBe(expected.strat1_counts.Male);
  });

  it('is read-only unless writing is allowed, and never lets a query change the catalog or audit trail', async () => {
    await openWith();
    await expect(engine.query('CREATE TABLE x AS SELECT 1 AS a')).rejects.toMatchObject({ code: 'READ_ONLY' });
    await engine.query('CREATE TABLE x AS SELECT 1 AS a', { write: true });
    expect(column(await engine.query('SELECT a FROM x'), 'a')).toEqual([1]);
    await expect(engine.query('DELETE FROM _audit', { write: true })).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(engine.query("COPY (SELECT 1) TO '/tmp/x.csv'")).rejects.toMatchObject({ code: 'READ_ONLY' });
  });

  it('names the line and column of a SQL error', async () => {
    await openWith();
    const error = await engine.query('SELECT 1,\n  no_such_column\nFROM range(3)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PmwError);
    expect(error).toMatchObject({ code: 'QUERY_ERROR', line: 2, column: 3 });
    expect((error as PmwError).message).toMatch(/no_such_column.*line 2, column 3/);
    // the engine is still usable
    expect(column(await engine.query('SELECT 42 AS a'), 'a')).toEqual([42]);
  });

  it('cancels a running query by task id and stays usable', async () => {
    await openWith();
    const running = engine.query('SELECT count(*) FROM range(10000000000) t(x) WHERE x % 7 = 3', { taskId: 'slow' });
    await new Promise((r) => setTimeout(r, 300));
    await engine.cancel('slow');
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(column(await engine.query('SELECT 1 AS a'), 'a')).toEqual([1]);
  });

  it('profiles columns: nulls, distinct, extremes, top values and a histogram that adds up', async () => {
    await openWith();
    await engine.importFile({ path: caers });
    const profiles = await engine.profile('caers', { bins: 10, top: 5 });
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    expect(byName.id!.min).toBe(String(expected.min_id));
    expect(byName.id!.max).toBe(String(expected.max_id));
    expect(byName.id!.distinct).toBe(expected.distinct_ids);
    expect(byName.id!.distinctIsExact).toBe(true);
    expect(byName.var1!.topValues).toEqual(expected.top_products);
    expect(byName.strat1!.nulls).toBe(0);
    const histogram = byName.id!.histogram!;
    expect(histogram).toHaveLength(10);
    expect(histogram.reduce((s, b) => s + b.count, 0)).toBe(expected.rows);
    expect(histogram[0]!.lo).toBe(expected.min_id);
    expect(histogram.at(-1)!.hi).toBe(expected.max_id);
    expect(byName.var1!.histogram).toBeNull();
  });

  it('keeps a hash-chained audit trail and finds the first tampered entry', async () => {
    const path = join(temp(), 'audit.duckdb');
    engine = new WorkspaceEngine();
    await engine.openWorkspace(path);
    await engine.importFile({ path: caers });
    await engine.query('SELECT count(*) FROM caers');
    await engine.profile('caers');
    const entries = await engine.audit();
    expect(entries.map((e) => e.action)).toEqual(['profile', 'query', 'quality', 'import']);
    expect(entries[1]!.detail).toBe('SELECT count(*) FROM caers');
    expect(entries[1]!.rows).toBe(1);
    expect(entries[0]!.prevHash).toBe(entries[1]!.hash);
    expect(await engine.verifyAudit()).toEqual({ ok: true, entries: 4 });
    await engine.close();

    // Edit one entry behind pmw's back, as someone with the file could.
    const db = await DuckDBInstance.create(path);
    const connection = await db.connect();
    await connection.run("UPDATE _audit SET detail = 'SELECT 1' WHERE seq = 2");
    connection.closeSync();
    db.closeSync();

    await engine.openWorkspace(path);
    const result = await engine.verifyAudit();
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(2);
    expect(result.firstBad?.problem).toMatch(/edited/);
  });

  it('detects a deleted audit entry', async () => {
    const path = join(temp(), 'audit.duckdb');
    engine = new WorkspaceEngine();
    await engine.openWorkspace(path);
    for (let i = 0; i < 3; i++) await engine.query(`SELECT ${i}`);
    await engine.close();
    const db = await DuckDBInstance.create(path);
    const connection = await db.connect();
    await connection.run('DELETE FROM _audit WHERE seq = 2');
    connection.closeSync();
    db.closeSync();
    await engine.openWorkspace(path);
    const result = await engine.verifyAudit();
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 3 } });
  });
});
