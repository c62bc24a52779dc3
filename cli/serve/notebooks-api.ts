import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NotebookFile } from '../../renderer/platform/platform.js';
import { PmwError } from '../../workers/engine/errors.js';
import type { ServeFolders } from './folders.js';
import { resolveInside } from '../../workers/engine/guard/path-guard.js';
import { sendJson } from './security-headers.js';
import { notebookFileName } from './upload-name.js';

/** Notebooks are text; a body beyond this is a mistake, not a notebook. */
const MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;

async function notebooksIn(folder: string, where: NotebookFile['where']): Promise<NotebookFile[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.md$/i.test(e.name) && e.name.toLowerCase() !== 'readme.md')
    .map((e) => ({ path: join(folder, e.name), name: e.name, where }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `GET /api/notebooks`: the bundled ones, then the workspace's own. */
export async function listNotebooks(response: ServerResponse, folders: ServeFolders): Promise<void> {
  const files = [...await notebooksIn(folders.bundledNotebooks, 'bundled'), ...await notebooksIn(folders.workspaceNotebooks, 'workspace')];
  sendJson(response, 200, files);
}

/** `GET /api/notebook?path=`: one notebook, only from the two notebook folders. */
export async function readNotebook(response: ServerResponse, url: URL, folders: ServeFolders): Promise<void> {
  const path = url.searchParams.get('path') ?? '';
  const real = /\.md$/i.test(path) ? await resolveInside(path, [folders.bundledNotebooks, folders.workspaceNotebooks]) : null;
  if (real === null) {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `there is no notebook ${path}`, hint: 'pick one from the list of notebooks' });
  }
  response.statusCode = 200;
  response.setHeader('Content-Type', 'text/markdown; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(await readFile(real));
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PmwError({ code: 'BAD_REQUEST', message: `a notebook of more than ${limit / 1024 / 1024} MB is not accepted` });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `PUT /api/notebook?name=`: writes `<workspace dir>/notebooks/NAME.md`, never into the bundled folder. */
export async function writeNotebook(request: IncomingMessage, response: ServerResponse, url: URL, folders: ServeFolders): Promise<void> {
  const name = notebookFileName(url.searchParams.get('name'));
  const text = await readBody(request, MAX_NOTEBOOK_BYTES);
  await mkdir(folders.workspaceNotebooks, { recursive: true });
  const path = join(folders.workspaceNotebooks, name);
  await writeFile(path, text);
  const saved: NotebookFile = { path, name, where: 'workspace' };
  sendJson(response, 200, saved);
}
