import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.js';

describe('finding the Electron binary', () => {
  it('reports this install as it is, without downloading anything', () => {
    const found = findElectronBinary({});
    const installed = existsSync(new URL('../node_modules/electron/dist', import.meta.url));
    if (installed) expect(found.path).toMatch(/electron/i);
    else expect(found.missing).toMatch(/Electron binary is not installed/);
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH when it holds the executable, and names the missing file otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pmw-electron-'));
    try {
      await mkdir(join(dir, 'dist'));
      expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') }).missing).toMatch(/dist.*(electron|Electron).* is missing/);
      const executable = existsSync(new URL('../node_modules/electron/path.txt', import.meta.url)) ? null : 'electron';
      if (executable) {
        await writeFile(join(dir, 'dist', executable), '');
        expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') })).toEqual({ path: join(dir, 'dist', 'electron'), missing: null });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
