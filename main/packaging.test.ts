/**
 * The installer configuration (electron-builder.yml) and package.json agree with how the app runs: the entry
 * Electron loads is the one main/build.ts writes, and DuckDB's native binding — whatever platform package
 * npm installed — is unpacked from the asar, as are the files DuckDB reads.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** electron-builder's globs, reduced to what this config uses: `**` any depth, `*` within a name. */
function globMatches(glob: string, path: string): boolean {
  const pattern = glob.split('/').map((part) => part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('/');
  return new RegExp(`^${pattern.replace(/\/\.\*$/, '(/.*)?')}$`).test(path);
}

describe('packaging', async () => {
  const config = parse(await readFile(`${ROOT}electron-builder.yml`, 'utf8')) as { asarUnpack: string[]; files: string[] };
  const pkg = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { main: string; scripts: Record<string, string>; devDependencies: Record<string, string>; dependencies: Record<string, string> };
  const unpacked = (path: string): boolean => config.asarUnpack.some((glob) => globMatches(glob, path));

  it('unpacks the DuckDB native binding installed here (and any other platform\'s) from the asar', async () => {
    const bindings = (await readdir(`${ROOT}node_modules/@duckdb`)).filter((name) => name.startsWith('node-bindings'));
    expect(bindings.length).toBeGreaterThan(0);
    for (const name of bindings) {
      const files = await readdir(`${ROOT}node_modules/@duckdb/${name}`);
      const native = files.find((file) => file.endsWith('.node')) ?? 'package.json';
      expect(unpacked(`node_modules/@duckdb/${name}/${native}`), name).toBe(true);
    }
    expect(unpacked('node_modules/@duckdb/node-bindings-win32-x64/duckdb.node')).toBe(true);
    expect(unpacked('node_modules/@duckdb/node-bindings-darwin-arm64/libduckdb.dylib')).toBe(true);
  });

  it('unpacks what DuckDB and the engine process read: the samples, the notebooks, the engine bundle', () => {
    for (const path of ['samples/gibleed/person.parquet', 'samples/small/omop/person.csv', 'notebooks/cohort-basics.md', 'dist/electron/engine.js', 'dist/electron/parse-worker.js']) {
      expect(unpacked(path), path).toBe(true);
    }
    expect(unpacked('dist/renderer/main.js')).toBe(false);
    expect(unpacked('dist/electron/main.cjs')).toBe(false);
  });

  it('starts Electron on the main bundle, which npm start builds; Electron stays a devDependency', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**');
    expect(pkg.scripts.start).toBe('tsx main/start.ts');
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
  });
});
