/**
 * Notebooks as the desktop app keeps them: the bundled ones (read-only, shipped with the app) and the
 * workspace's own in `<workspace folder>/notebooks`. The page may read a notebook only from those two folders
 * or one the user picked in the open dialog (or the recent list), and saves go where the user's save dialog
 * said — never over a bundled notebook. Plain file reads and writes: notebooks are text, not data.
 */
import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import type { NotebookEntry } from './bridge-api.js';

export interface NotebookFolders {
  bundled: string;
  workspace: string;
}

export function notebookFoldersFor(workspaceFile: string, bundled: string): NotebookFolders {
  return { bundled, workspace: join(dirname(workspaceFile), 'notebooks') };
}

async function notebooksIn(folder: string, where: NotebookEntry['where']): Promise<NotebookEntry[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.md$/i.test(e.name) && e.name.toLowerCase() !== 'readme.md')
    .map((e) => ({ path: join(folder, e.name), name: e.name, where }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function listNotebooks(folders: NotebookFolders): Promise<NotebookEntry[]> {
  return [...await notebooksIn(folders.bundled, 'bundled'), ...await notebooksIn(folders.workspace, 'workspace')];
}

async function realOrNull(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}

/** Which notebook files the page may read and where a save of a given name goes. */
export class NotebookAccess {
  /** Files the user picked (open or save dialog, recent list), by real path. */
  private readonly picked = new Set<string>();
  /** Where a notebook of this file name was last opened from or saved to, so Save does not ask again. */
  private readonly savedAs = new Map<string, string>();

  constructor(private readonly folders: NotebookFolders) {}

  /** A file the user chose; it becomes readable, and a later save of its name goes back to it. */
  async allow(path: string): Promise<NotebookEntry> {
    const real = await realOrNull(path) ?? path;
    this.picked.add(real);
    if (!await this.isBundled(real)) this.savedAs.set(basename(path), path);
    return { path, name: basename(path), where: await this.isBundled(real) ? 'bundled' : 'workspace' };
  }

  private async isBundled(real: string): Promise<boolean> {
    const root = await realOrNull(this.folders.bundled);
    return root !== null && real.startsWith(root + sep);
  }

  async read(path: string): Promise<string> {
    if (!/\.md$/i.test(path)) throw new Error(`${path} is not a notebook (a .md file)`);
    const real = await realOrNull(path);
    if (real === null) throw new Error(`there is no notebook ${path}; pick one from the list or with File › Open Notebook`);
    const roots = (await Promise.all([this.folders.bundled, this.folders.workspace].map(realOrNull))).filter((r): r is string => r !== null);
    if (!this.picked.has(real) && !roots.some((root) => real.startsWith(root + sep))) {
      throw new Error(`${path} was not opened through File › Open Notebook; open it there first`);
    }
    return readFile(real, 'utf8');
  }

  /** The file a save of `name` writes without asking (one opened or saved earlier), or null to ask. */
  knownTarget(name: string): string | null {
    return this.savedAs.get(name) ?? null;
  }

  /** Where the save dialog starts: the workspace's notebook folder. */
  defaultTarget(name: string): string {
    return join(this.folders.workspace, name);
  }

  async write(path: string, text: string): Promise<NotebookEntry> {
    const real = await realOrNull(dirname(path)) ?? dirname(path);
    if (await this.isBundled(join(real, basename(path)))) throw new Error('the bundled notebooks cannot be overwritten; save under another folder');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return this.allow(path);
  }
}
