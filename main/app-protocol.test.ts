import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

describe('the app:// protocol', () => {
  let temp: string;
  let bundle: string;

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'pmw-app-protocol-'));
    bundle = join(temp, 'renderer');
    await mkdir(bundle);
    await writeFile(join(bundle, 'index.html'), '<!doctype html><title>pmw</title>');
    await writeFile(join(bundle, 'main.js'), 'console.log(1)');
    await writeFile(join(temp, 'secret.txt'), 'not for the page');
  });
  afterAll(async () => { await rm(temp, { recursive: true, force: true }); });

  it('maps app://pmw/ paths into the bundle folder and nowhere else', () => {
    expect(resolveAppFile('app://pmw/', bundle)).toBe(join(bundle, 'index.html'));
    expect(resolveAppFile('app://pmw/main.js?x=1', bundle)).toBe(join(bundle, 'main.js'));
    // The URL parser removes dot segments (also percent-encoded ones) before we see the path; what is left
    // must still be inside the bundle, and an encoded backslash or a NUL is refused outright.
    for (const escape of ['app://pmw/../secret.txt', 'app://pmw/%2e%2e/secret.txt', 'app://pmw/a/..%2f..%2fsecret.txt']) {
      const file = resolveAppFile(escape, bundle);
      expect(file === null || file.startsWith(bundle + '/'), escape).toBe(true);
    }
    expect(resolveAppFile('app://pmw/..%5csecret.txt', bundle)).toBeNull();
    expect(resolveAppFile('app://pmw/a%00.js', bundle)).toBeNull();
    expect(resolveAppFile('app://other/index.html', bundle)).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', bundle)).toBeNull();
    expect(resolveAppFile('app://pmw/%E0%A4%A', bundle)).toBeNull();
  });

  it('answers with the file, its type and the Content-Security-Policy', async () => {
    const handle = createAppProtocolHandler(bundle);
    const page = await handle(new Request('app://pmw/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>pmw</title>');
    const script = await handle(new Request('app://pmw/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 outside the bundle, for unknown types and missing files; 405 for anything but GET', async () => {
    const handle = createAppProtocolHandler(bundle);
    expect((await handle(new Request('app://pmw/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://pmw/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://pmw/index.exe'))).status).toBe(404);
    const missing = await handle(new Request('app://pmw/missing.js'));
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handle(new Request('app://pmw/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
