/**
 * Bundles the renderer for the browser (`npm run build:renderer`, and `pmw serve` when a source changed):
 * renderer/main.ts → main.js (ESM, Chrome 120, source map) with index.html and styles.css beside it.
 * Runs under Node (esbuild, fs), so renderer/tsconfig.json leaves this file out.
 */
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const RENDERER_SOURCE = fileURLToPath(new URL('.', import.meta.url));
export const RENDERER_OUT = fileURLToPath(new URL('../dist/renderer', import.meta.url));

const ENTRY = 'main.ts';
const PAGE_FILES = ['index.html', 'styles.css'];

/** Shown until the notebook view (renderer/main.ts) exists, so `pmw serve` can be tried and tested. */
const PLACEHOLDER_SCRIPT = `document.body.textContent = 'pmw serve is running; the notebook view (renderer/main.ts) is not built yet.';`;
const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>pmw</title><link rel="stylesheet" href="styles.css"></head>
<body><script type="module" src="main.js"></script></body>
</html>
`;

export interface BuildOptions {
  outDir?: string;
  minify?: boolean;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** Bundles the renderer into `outDir` (default dist/renderer); resolves to the folder and the time it took. */
export async function buildRenderer(options: BuildOptions = {}): Promise<{ dir: string; ms: number }> {
  const started = performance.now();
  const dir = resolve(options.outDir ?? RENDERER_OUT);
  await mkdir(dir, { recursive: true });
  const entry = join(RENDERER_SOURCE, ENTRY);
  const hasEntry = await exists(entry);
  await build({
    ...(hasEntry ? { entryPoints: { main: entry } } : { stdin: { contents: PLACEHOLDER_SCRIPT, loader: 'ts', resolveDir: RENDERER_SOURCE, sourcefile: 'placeholder.ts' } }),
    outfile: hasEntry ? undefined : join(dir, 'main.js'),
    outdir: hasEntry ? dir : undefined,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: true,
    minify: options.minify ?? false,
    logLevel: 'silent',
    legalComments: 'linked',
  });
  for (const name of PAGE_FILES) {
    const source = join(RENDERER_SOURCE, name);
    if (await exists(source)) await copyFile(source, join(dir, name));
    else if (name === 'index.html') await writeFile(join(dir, name), PLACEHOLDER_PAGE);
    else await writeFile(join(dir, name), '');
  }
  return { dir, ms: Math.round(performance.now() - started) };
}

/** Newest modification time of the renderer's sources (not its tests), in ms. */
async function newestSource(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestSource(path));
    else if (/\.(ts|html|css)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

/** Builds only when a renderer source is newer than the bundle; `built` says whether it did. */
export async function ensureRendererBuilt(options: BuildOptions = {}): Promise<{ dir: string; ms: number; built: boolean }> {
  const dir = resolve(options.outDir ?? RENDERER_OUT);
  const bundle = await stat(join(dir, 'main.js')).catch(() => null);
  const pages = await Promise.all(['index.html', 'styles.css'].map((name) => exists(join(dir, name))));
  if (bundle && pages.every(Boolean) && bundle.mtimeMs >= await newestSource(RENDERER_SOURCE)) return { dir, ms: 0, built: false };
  return { ...await buildRenderer(options), built: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { dir, ms } = await buildRenderer({ minify: process.argv.includes('--minify') });
  process.stdout.write(`renderer bundled into ${dir} in ${ms} ms\n`);
}
