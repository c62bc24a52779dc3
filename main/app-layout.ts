/**
 * Where the desktop app finds its parts, from the app's root folder (the repository when developing, the
 * `app.asar` archive when installed). DuckDB reads files with its own C++ I/O, which cannot see inside an
 * asar archive: the sample data and notebooks are unpacked beside it (electron-builder.yml `asarUnpack`), and
 * their paths point there.
 */
import { join, sep } from 'node:path';

export interface AppLayout {
  /** The renderer bundle served on app://pmw/ (renderer/build.ts). */
  rendererDir: string;
  preload: string;
  /** The engine process entry (workers/engine/utility-process.ts, bundled by main/build.ts). */
  engineEntry: string;
  bundledNotebooks: string;
  /** The bundled sample folders the window may import from. */
  samples: string[];
}

/** `…/app.asar/x` → `…/app.asar.unpacked/x`; other paths unchanged. */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

export function appLayout(appRoot: string): AppLayout {
  const built = join(appRoot, 'dist', 'electron');
  return {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    preload: join(built, 'preload.cjs'),
    engineEntry: unpackedPath(join(built, 'engine.js')),
    bundledNotebooks: unpackedPath(join(appRoot, 'notebooks')),
    samples: [unpackedPath(join(appRoot, 'samples', 'small')), unpackedPath(join(appRoot, 'samples', 'gibleed'))],
  };
}

/** The workspace to open at start: the last one while its file still exists, else the samples workspace. */
export function startWorkspace(last: string | null, lastExists: boolean, samplesWorkspace: string): string {
  return last !== null && lastExists ? last : samplesWorkspace;
}
