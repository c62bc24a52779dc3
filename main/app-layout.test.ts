import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout, startWorkspace, unpackedPath } from './app-layout.js';

describe('the app layout', () => {
  it('finds the parts below the repository while developing', () => {
    const root = join(sep, 'work', 'pmw');
    expect(appLayout(root)).toEqual({
      rendererDir: join(root, 'dist', 'renderer'),
      preload: join(root, 'dist', 'electron', 'preload.cjs'),
      engineEntry: join(root, 'dist', 'electron', 'engine.js'),
      bundledNotebooks: join(root, 'notebooks'),
      samples: [join(root, 'samples', 'small'), join(root, 'samples', 'gibleed')],
    });
  });

  it('points what DuckDB and the engine process read at the unpacked copy of an installed app', () => {
    const root = join(sep, 'opt', 'pmw', 'resources', 'app.asar');
    const layout = appLayout(root);
    const unpacked = join(sep, 'opt', 'pmw', 'resources', 'app.asar.unpacked');
    expect(layout.samples).toEqual([join(unpacked, 'samples', 'small'), join(unpacked, 'samples', 'gibleed')]);
    expect(layout.bundledNotebooks).toBe(join(unpacked, 'notebooks'));
    expect(layout.engineEntry).toBe(join(unpacked, 'dist', 'electron', 'engine.js'));
    // Electron reads the page and the preload from inside the archive itself.
    expect(layout.rendererDir).toBe(join(root, 'dist', 'renderer'));
    expect(unpackedPath(join(sep, 'home', 'app.asarx', 'a'))).toBe(join(sep, 'home', 'app.asarx', 'a'));
  });

  it('opens the last workspace while it exists, else the samples', () => {
    expect(startWorkspace('/d/trial.duckdb', true, '/d/samples.duckdb')).toBe('/d/trial.duckdb');
    expect(startWorkspace('/d/trial.duckdb', false, '/d/samples.duckdb')).toBe('/d/samples.duckdb');
    expect(startWorkspace(null, false, '/d/samples.duckdb')).toBe('/d/samples.duckdb');
  });
});
