/**
 * Builds the desktop app into dist/: the renderer bundle (renderer/build.ts), main → dist/electron/main.cjs,
 * the preload → dist/electron/preload.cjs (one CommonJS file, as a sandboxed preload must be), and the engine
 * process → dist/electron/engine.js with the worker entries it starts beside it (ESM; the VCF parser pool finds
 * `./parse-worker.js` next to its own file). DuckDB stays outside the bundles: it is a native module, loaded
 * from node_modules (unpacked from the asar in an installed app, electron-builder.yml).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { buildRenderer } from '../renderer/build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ELECTRON_OUT = resolve(ROOT, 'dist', 'electron');

/** Node-side modules the bundles load at run time rather than carry. */
const EXTERNAL = ['electron', '@duckdb/*'];

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'linked',
  external: EXTERNAL,
};

export async function buildDesktop(options: { minify?: boolean } = {}): Promise<{ ms: number }> {
  const started = performance.now();
  const minify = options.minify ?? false;
  await Promise.all([
    buildRenderer({ minify }),
    build({ ...COMMON, minify, format: 'cjs', entryPoints: { main: resolve(ROOT, 'main/main.ts') }, outdir: ELECTRON_OUT, outExtension: { '.js': '.cjs' } }),
    // The sandboxed preload may require only 'electron'; everything else is inlined.
    build({ ...COMMON, minify, format: 'cjs', external: ['electron'], entryPoints: { preload: resolve(ROOT, 'main/preload.ts') }, outdir: ELECTRON_OUT, outExtension: { '.js': '.cjs' } }),
    build({
      ...COMMON, minify, format: 'esm', outdir: ELECTRON_OUT,
      entryPoints: {
        engine: resolve(ROOT, 'workers/engine/utility-process.ts'),
        'parse-worker': resolve(ROOT, 'workers/import/vcf/parse-worker.ts'),
      },
      // Bundled CommonJS dependencies (papaparse, yauzl) may call require(): give the ESM bundle one.
      banner: { js: "import { createRequire as __pmwCreateRequire } from 'node:module'; const require = __pmwCreateRequire(import.meta.url);" },
    }),
  ]);
  return { ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ms } = await buildDesktop({ minify: process.argv.includes('--minify') });
  process.stdout.write(`desktop app built into ${ELECTRON_OUT} (and dist/renderer) in ${ms} ms\n`);
}
