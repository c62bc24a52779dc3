import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/temp-dir.js';
import type { Progress } from '../../workers/engine/api.js';
import { cellValue } from '../../workers/db/columnar.js';
import { decodeFrame } from '../../renderer/platform/wire-codec.js';
import { request } from './testing/http-request.js';
import { connectEngine, startServeFixture, type RemoteEngine, type ServeFixture } from './testing/serve-fixture.js';

/** The CSV read by hand, independently of DuckDB: rows, and the smallest and largest report id. */
async function caersByHand(): Promise<{ rows: number; minId: bigint; maxId: bigint }> {
  const lines = (await readFile(join(FIXTURES, 'caers.csv'), 'utf8')).trim().split('\n').slice(1);
  const ids = lines.map((line) => BigInt(line.split(',')[0]!));
  return { rows: lines.length, minId: ids.reduce((a, b) => (b < a ? b : a)), maxId: ids.reduce((a, b) => (b > a ? b : a)) };
}

describe('pmw serve WebSocket: the Engine over Comlink, relayed per connection', () => {
  let fixture: ServeFixture;
  let renderer: string;
  let client: RemoteEngine;
  let uploaded: string;
  beforeAll(async () => {
    renderer = await mkdtemp(join(tmpdir(), 'pmw-renderer-'));
    fixture = await startServeFixture(renderer);
    client = await connectEngine(fixture.server);
    const body = await readFile(join(FIXTURES, 'caers.csv'));
    const answer = await request(`${fixture.server.origin}/api/upload?name=caers.csv&batch=first`,
      { method: 'POST', headers: { Authorization: `Bearer ${fixture.server.token}` }, body });
    uploaded = (JSON.parse(answer.body) as { path: string }).path;
  });
  afterAll(async () => {
    client?.endpoint.close();
    await fixture?.stop();
    await rm(renderer, { recursive: true, force: true });
  });

  it('lists the datasets of a fresh workspace', async () => {
    expect(await client.engine.datasets()).toEqual([]);
  });

  it('imports an uploaded CSV with progress callbacks arriving over the socket', async () => {
    const seen: Progress[] = [];
    const { dataset } = await client.engine.importFile({ path: uploaded, name: 'caers' }, (p: Progress) => { seen.push(p); });
    const hand = await caersByHand();
    expect(dataset.rows).toBe(hand.rows);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((p) => p.phase)).toContain('finishing');
    expect(seen.every((p) => typeof p.taskId === 'string' && typeof p.message === 'string')).toBe(true);
  });

  it('pages query results back with their typed arrays intact (BigInt64Array, Float64Array)', async () => {
    const hand = await caersByHand();
    const page = await client.engine.query('SELECT min(id) AS lo, max(id) AS hi, count(*)::DOUBLE AS n, NULL::DOUBLE AS nothing FROM caers');
    const [lo, hi, n, nothing] = page.columns;
    expect(lo!.data.values).toBeInstanceOf(BigInt64Array);
    expect(n!.data.values).toBeInstanceOf(Float64Array);
    expect(n!.data.kind === 'number' && n!.data.valid).toBeInstanceOf(Uint8Array);
    expect(cellValue(lo!, 0)).toBe(hand.minId);
    expect(cellValue(hi!, 0)).toBe(hand.maxId);
    expect(cellValue(n!, 0)).toBe(hand.rows);
    expect(cellValue(nothing!, 0)).toBeNull();
  });

  it('cancels a long query from the page: the call fails with CANCELLED and the engine goes on', async () => {
    const running = client.engine.query('SELECT count(*) FROM range(10000000000) t(x) WHERE x % 7 = 3', { taskId: 'long-one' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.engine.cancel('long-one');
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(cellValue((await client.engine.query('SELECT 41 + 1 AS x')).columns[0]!, 0)).toBe(42);
  });

  it('refuses openWorkspace, close and exportResult with READ_ONLY, saying what the page may call', async () => {
    await expect(client.call('openWorkspace', '/tmp/other.duckdb')).rejects.toMatchObject({ code: 'READ_ONLY', message: 'openWorkspace cannot be called from the browser' });
    await expect(client.call('close')).rejects.toMatchObject({ code: 'READ_ONLY' });
    const exported = join(fixture.dir, 'out.csv');
    await expect(client.call('exportResult', { table: 'caers' }, exported)).rejects.toMatchObject({ code: 'READ_ONLY', hint: expect.stringMatching(/datasets, dataset, importFile/) });
    expect(await readFile(exported).catch(() => null)).toBeNull();
  });

  it('refuses importFile paths outside the upload folder and the samples: absolute, .., symlinks out, and nested spec paths', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'pmw-outside-'));
    try {
      await writeFile(join(outside, 'secret.csv'), 'a\n1\n');
      await expect(client.engine.importFile({ path: join(outside, 'secret.csv') })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not in the upload folder/) });
      await expect(client.engine.importFile({ path: join(fixture.folders.uploads, 'first', '..', '..', 'ws.duckdb') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(client.engine.importFile({ path: 'caers.csv' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await mkdir(join(fixture.folders.uploads, 'linked'), { recursive: true });
      await symlink(join(outside, 'secret.csv'), join(fixture.folders.uploads, 'linked', 'secret.csv'));
      await expect(client.engine.importFile({ path: join(fixture.folders.uploads, 'linked', 'secret.csv') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(client.engine.importFile({ path: uploaded, kind: 'reports', reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', drugFile: join(outside, 'secret.csv') } }))
        .rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^the drug file/) });
      await expect(client.engine.linkSamples('caers', '/etc/passwd')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect((await client.engine.datasets()).map((d) => d.name)).toEqual(['caers']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('keeps the page\'s SQL away from other files: read_csv, COPY TO and ATTACH outside the allowed folders fail', async () => {
    await expect(client.engine.query("SELECT * FROM read_csv('/etc/passwd')")).rejects.toMatchObject({ code: 'QUERY_ERROR', message: expect.stringMatching(/Permission/) });
    await expect(client.engine.query(`COPY caers TO '${join(fixture.dir, 'copy.csv')}'`, { write: true })).rejects.toMatchObject({ code: 'QUERY_ERROR' });
    await expect(client.engine.query('SET enable_external_access = true', { write: true })).rejects.toMatchObject({ code: 'QUERY_ERROR' });
    const inside = await client.engine.query(`SELECT count(*) AS n FROM read_csv('${uploaded}')`);
    expect(cellValue(inside.columns[0]!, 0)).toBe(BigInt((await caersByHand()).rows));
  });

  it('sends each socket only its own replies, and one socket closing leaves the engine up for the others', async () => {
    const other = await connectEngine(fixture.server);
    const framesToOther: number[] = [];
    other.socket.on('message', (data: Buffer) => framesToOther.push(decodeFrame(new Uint8Array(data)).channel));
    const busy = Array.from({ length: 5 }, (_, i) => client.engine.query(`SELECT ${i} AS i`));
    const own = await other.engine.query('SELECT 7 AS seven');
    const results = await Promise.all(busy);
    expect(results.map((page) => cellValue(page.columns[0]!, 0))).toEqual([0, 1, 2, 3, 4]);
    expect(cellValue(own.columns[0]!, 0)).toBe(7);
    expect(framesToOther).toEqual([0]);

    const pending = other.engine.query('SELECT count(*) FROM range(10000000000) t(x) WHERE x % 7 = 3', { taskId: 'orphan' });
    other.socket.close();
    await expect(pending).rejects.toMatchObject({ code: 'WORKSPACE_CLOSED' });
    await expect(other.engine.datasets()).rejects.toMatchObject({ code: 'WORKSPACE_CLOSED' });
    await client.engine.cancel('orphan');
    expect((await client.engine.datasets()).map((d) => d.name)).toEqual(['caers']);
  });

  it('closes the socket on a frame it cannot read', async () => {
    const rogue = await connectEngine(fixture.server);
    const closed = new Promise<number>((resolve) => rogue.socket.on('close', (code) => resolve(code)));
    rogue.socket.send(Uint8Array.of(255, 255, 255, 127, 1));
    expect(await closed).toBe(1007);
  });
});
