/**
 * What the desktop app remembers between runs, as JSON files in Electron's user-data folder: the recent files,
 * the last workspace and the window's place. Reads never fail (a damaged file means defaults).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-store.js';
import { parseRecentFiles, withoutMissing, type RecentFiles } from './recent-files.js';
import { parseWindowState, type WindowState } from './window-state.js';

export async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() === true;
}

export class DesktopState {
  constructor(private readonly folder: string) {}

  private file(name: string): string {
    return join(this.folder, name);
  }

  async recent(): Promise<RecentFiles> {
    return withoutMissing(parseRecentFiles(await readJsonFile(this.file('recent-files.json'))), fileExists);
  }

  saveRecent(recent: RecentFiles): Promise<void> {
    return writeJsonFile(this.file('recent-files.json'), recent);
  }

  async lastWorkspace(): Promise<string | null> {
    const value = await readJsonFile(this.file('last-workspace.json'));
    const path = typeof value === 'object' && value !== null ? (value as { path?: unknown }).path : undefined;
    return typeof path === 'string' && path.length > 0 ? path : null;
  }

  saveLastWorkspace(path: string): Promise<void> {
    return writeJsonFile(this.file('last-workspace.json'), { path });
  }

  async windowState(): Promise<WindowState | null> {
    return parseWindowState(await readJsonFile(this.file('window-state.json')));
  }

  saveWindowState(state: WindowState): Promise<void> {
    return writeJsonFile(this.file('window-state.json'), state);
  }
}
