/**
 * Whether Electron can run here, found the way the `electron` package finds it (path.txt naming the
 * executable under dist/, or ELECTRON_OVERRIDE_DIST_PATH) but without requiring the package: its index tries
 * to download a missing binary, which our build machines cannot. Where it is missing, `npm start` and the
 * end-to-end test say so in one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { path: string; missing: null } | { path: null; missing: string };

export function findElectronBinary(env: Record<string, string | undefined> = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, missing: 'the electron package is not installed (npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const path = join(dist, executable ?? 'electron');
  if (executable === null && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { path: null, missing: 'the Electron binary is not installed (node_modules/electron has no path.txt and no dist/: the install skipped the download, ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  }
  return existsSync(path) ? { path, missing: null } : { path: null, missing: `the Electron binary is not installed (${path} is missing)` };
}
