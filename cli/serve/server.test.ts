import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/temp-dir.js';
import { request } from './testing/http-request.js';
import { refusedStatus, openSocket, startServeFixture, type ServeFixture } from './testing/serve-fixture.js';

describe('pmw serve over HTTP: token, cookie, headers, uploads and notebooks', () => {
  let fixture: ServeFixture;
  let renderer: string;
  let auth: Record<string, string>;
  beforeAll(async () => {
    renderer = await mkdtemp(join(tmpdir(), 'pmw-renderer-'));
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>pmw test page</title>');
    await writeFile(join(renderer, 'main.js'), 'console.log(1);');
    fixture = await startServeFixture(renderer);
    auth = { Authorization: `Bearer ${fixture.server.token}` };
  });
  afterAll(async () => {
    await fixture?.stop();
    await rm(renderer, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 on a free port and prints a URL with a 64-hex-digit token', () => {
    expect(fixture.server.origin).toBe(`http://127.0.0.1:${fixture.server.port}`);
    expect(fixture.server.port).toBeGreaterThan(0);
    expect(fixture.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  });

  it('refuses requests without the token (401) and with a wrong one (403), pages and API alike', async () => {
    const { origin, token } = fixture.server;
    expect((await request(`${origin}/`)).status).toBe(401);
    expect((await request(`${origin}/api/info`)).body).toMatch(/needs its token/);
    expect((await request(`${origin}/api/info`, { headers: { Authorization: `Bearer ${'0'.repeat(64)}` } })).status).toBe(403);
    expect((await request(`${origin}/api/info`, { headers: { Cookie: `pmw-token-${fixture.server.port}=${token.slice(1)}` } })).status).toBe(403);
    expect((await request(`${origin}/?token=${'f'.repeat(64)}`)).status).toBe(403);
  });

  it('turns ?token= into an HttpOnly SameSite=Strict cookie and a redirect to the clean URL, then serves the page with it', async () => {
    const { origin, token, port } = fixture.server;
    const first = await request(`${origin}/?token=${token}&lang=zh-CN`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/?lang=zh-CN');
    expect(first.headers['cache-control']).toBe('no-store');
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toBe(`pmw-token-${port}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await request(`${origin}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('pmw test page');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const script = await request(`${origin}/main.js`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('sends a strict CSP and the other security headers on every response, refusals included', async () => {
    const { origin, port } = fixture.server;
    for (const answer of [await request(`${origin}/`), await request(`${origin}/`, { headers: auth })]) {
      const csp = answer.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
      expect(csp).not.toMatch(/https?:\/\/(?!127)/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('refuses a Host header that is not this server (DNS rebinding) and writes from another origin', async () => {
    const { origin } = fixture.server;
    expect((await request(`${origin}/api/info`, { headers: { ...auth, Host: 'evil.example:80' } })).status).toBe(403);
    const foreign = await request(`${origin}/api/notebook?name=x`, { method: 'PUT', headers: { ...auth, Origin: 'http://evil.example' }, body: '# x' });
    expect(foreign.status).toBe(403);
  });

  it('refuses WebSocket upgrades from another origin (403) or without the token (401)', async () => {
    expect(await refusedStatus(openSocket(fixture.server, { origin: 'http://evil.example' }))).toBe(403);
    expect(await refusedStatus(openSocket(fixture.server, { origin: `http://localhost.evil.example:${fixture.server.port}` }))).toBe(403);
    expect(await refusedStatus(openSocket(fixture.server, { token: null }))).toBe(401);
    expect(await refusedStatus(openSocket(fixture.server, { token: 'nope' }))).toBe(403);
  });

  it('answers /api/info with the workspace and the app version', async () => {
    const info = JSON.parse((await request(`${fixture.server.origin}/api/info`, { headers: auth })).body) as { workspace: string; appVersion: string };
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(info).toEqual({ workspace: join(fixture.dir, 'ws.duckdb'), appVersion: pkg.version });
  });

  it('stores an upload under <workspace>.uploads/<batch>/<name>, byte for byte, never overwriting; DELETE removes the batch', async () => {
    const { origin } = fixture.server;
    const bytes = await readFile(join(FIXTURES, 'caers.csv'));
    const answer = await request(`${origin}/api/upload?name=caers.csv&batch=b1`, { method: 'POST', headers: auth, body: bytes });
    expect(answer.status).toBe(201);
    const { path, folder } = JSON.parse(answer.body) as { path: string; folder: string };
    expect(path).toBe(join(fixture.dir, 'ws.uploads', 'b1', 'caers.csv'));
    expect(folder).toBe(join(fixture.dir, 'ws.uploads', 'b1'));
    expect((await readFile(path)).equals(bytes)).toBe(true);
    const again = await request(`${origin}/api/upload?name=caers.csv&batch=b1`, { method: 'POST', headers: auth, body: 'other' });
    expect(again.status).toBe(409);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    expect((await request(`${origin}/api/upload?batch=b1`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect(await stat(folder).catch(() => null)).toBeNull();
  });

  it('keeps hostile upload names inside the batch folder or refuses them', async () => {
    const { origin } = fixture.server;
    const upload = (name: string, batch = 'hostile') => request(`${origin}/api/upload?${new URLSearchParams({ name, batch })}`, { method: 'POST', headers: auth, body: 'x' });
    const traversal = JSON.parse((await upload('../../etc/passwd')).body) as { path: string };
    expect(traversal.path).toBe(join(fixture.dir, 'ws.uploads', 'hostile', 'passwd'));
    expect((await upload('.bashrc')).status).toBe(400);
    expect((await upload('..')).status).toBe(400);
    expect((await upload('a\0b.csv')).status).toBe(201);
    expect(await stat(join(fixture.dir, 'ws.uploads', 'hostile', 'ab.csv'))).toBeTruthy();
    expect((await upload('x.csv', '../escape')).status).toBe(400);
  });

  it('lists, reads and saves notebooks only in the bundled and workspace folders', async () => {
    const { origin } = fixture.server;
    const saved = await request(`${origin}/api/notebook?name=${encodeURIComponent('../my analysis')}`, { method: 'PUT', headers: auth, body: '# 分析\n' });
    expect(JSON.parse(saved.body)).toEqual({ path: join(fixture.dir, 'notebooks', 'my analysis.md'), name: 'my analysis.md', where: 'workspace' });
    const list = JSON.parse((await request(`${origin}/api/notebooks`, { headers: auth })).body) as { path: string; name: string; where: string }[];
    expect(list.filter((n) => n.where === 'workspace').map((n) => n.name)).toEqual(['my analysis.md']);
    expect(list.filter((n) => n.where === 'bundled').every((n) => n.path.startsWith(fixture.folders.bundledNotebooks))).toBe(true);
    const read = await request(`${origin}/api/notebook?${new URLSearchParams({ path: join(fixture.dir, 'notebooks', 'my analysis.md') })}`, { headers: auth });
    expect(read.body).toBe('# 分析\n');
    const outside = await request(`${origin}/api/notebook?${new URLSearchParams({ path: join(FIXTURES, '..', '..', 'README.md') })}`, { headers: auth });
    expect(outside.status).toBe(404);
  });
});
