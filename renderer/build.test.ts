import { mkdtemp, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRenderer, ensureRendererBuilt, RENDERER_SOURCE } from './build.js';

describe('renderer bundle', () => {
  let out = '';
  afterEach(async () => { if (out) await rm(out, { recursive: true, force: true }); });

  it('bundles main.js with a source map and puts index.html and styles.css beside it', async () => {
    out = await mkdtemp(join(tmpdir(), 'pmw-bundle-'));
    const { dir, ms } = await buildRenderer({ outDir: out });
    expect(dir).toBe(out);
    expect(ms).toBeGreaterThan(0);
    const script = await readFile(join(out, 'main.js'), 'utf8');
    expect(script).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
    const map = JSON.parse(await readFile(join(out, 'main.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.length).toBeGreaterThan(0);
    const page = await readFile(join(out, 'index.html'), 'utf8');
    const source = await readFile(join(RENDERER_SOURCE, 'index.html'), 'utf8').catch(() => null);
    if (source !== null) expect(page).toBe(source);
    expect(page).toMatch(/main\.js/);
    expect(await stat(join(out, 'styles.css'))).toBeTruthy();
    // No module syntax esbuild should have resolved is left for the browser.
    expect(script).not.toMatch(/^import .* from ["'](?!\.)/m);
  });

  it('rebuilds only when a renderer source is newer than the bundle', async () => {
    out = await mkdtemp(join(tmpdir(), 'pmw-bundle-'));
    expect((await ensureRendererBuilt({ outDir: out })).built).toBe(true);
    expect((await ensureRendererBuilt({ outDir: out })).built).toBe(false);
    const old = new Date('2000-01-01T00:00:00Z');
    await utimes(join(out, 'main.js'), old, old);
    expect((await ensureRendererBuilt({ outDir: out })).built).toBe(true);
  });
});
