import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopState } from './desktop-state.js';
import { addRecentFile, emptyRecentFiles } from './recent-files.js';

describe('the desktop state files', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'pmw-desktop-state-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('start empty, then keep recent files (dropping ones deleted since), the last workspace and the window', async () => {
    const state = new DesktopState(join(dir, 'userData'));
    expect(await state.recent()).toEqual(emptyRecentFiles());
    expect(await state.lastWorkspace()).toBeNull();
    expect(await state.windowState()).toBeNull();

    const kept = join(dir, 'kept.md');
    await writeFile(kept, '# kept');
    let recent = addRecentFile(emptyRecentFiles(), 'notebook', join(dir, 'deleted.md'));
    recent = addRecentFile(recent, 'notebook', kept);
    await state.saveRecent(recent);
    await state.saveLastWorkspace('/data/trial.duckdb');
    await state.saveWindowState({ bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });

    const again = new DesktopState(join(dir, 'userData'));
    expect(await again.recent()).toEqual({ workspace: [], notebook: [kept] });
    expect(await again.lastWorkspace()).toBe('/data/trial.duckdb');
    expect(await again.windowState()).toEqual({ bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
    expect(JSON.parse(await readFile(join(dir, 'userData', 'last-workspace.json'), 'utf8'))).toEqual({ path: '/data/trial.duckdb' });
  });

  it('read a damaged file as no state', async () => {
    const state = new DesktopState(dir);
    await writeFile(join(dir, 'window-state.json'), '{"bounds": {"x": 1,');
    await writeFile(join(dir, 'last-workspace.json'), '{"path": 42}');
    expect(await state.windowState()).toBeNull();
    expect(await state.lastWorkspace()).toBeNull();
  });
});
