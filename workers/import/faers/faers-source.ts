import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Task } from '../../db/tasks.js';
import { PmwError } from '../../engine/errors.js';
import { classifyFaersPath } from './faers-file-names.js';
import { filesToRead, groupFaersFiles, listFilesUnder, type FaersFile, type FaersFileSet } from './faers-file-set.js';
import { readFaersHeader, refuseLegacyFiles, requireStagedColumns, type FaersHeader } from './faers-header.js';
import { folderDigest, sha256OfFile } from './source-digest.js';
import { extractZip } from './zip-archive.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** A FAERS folder or zip as found on disk, before anything is read. */
export interface FaersSource {
  kind: 'folder' | 'zip';
  path: string;
  /** Its name, used in messages: `faers_ascii_2024Q1.zip`. */
  shownAs: string;
  size: number;
  mtimeMs: number;
}

/** The extract's files sorted into quarters, with each file's header already checked. */
export interface FaersExtract {
  fileSet: FaersFileSet;
  headers: Map<string, FaersHeader>;
}

export async function locateFaersSource(path: string): Promise<FaersSource> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `${absolute} does not exist`, hint: 'check the path and try again', file: absolute });
  });
  const base = { path: absolute, shownAs: basename(absolute), size: info.size, mtimeMs: info.mtimeMs };
  if (info.isDirectory()) return { kind: 'folder', ...base };
  if (await isZipFile(absolute)) return { kind: 'zip', ...base };
  throw new PmwError({
    code: 'BAD_REQUEST',
    message: `${base.shownAs} is neither a folder nor a zip archive`,
    hint: 'a FAERS import takes the folder or the zip of one or more quarterly ASCII extracts (DEMOyyQq.txt, DRUGyyQq.txt, REACyyQq.txt, …)',
    file: absolute,
  });
}

export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && (head.equals(ZIP_MAGIC) || head.equals(EMPTY_ZIP_MAGIC));
  } finally {
    await handle.close();
  }
}

/** Finds the FAERS files under a folder and checks their headers: LAERS files and missing columns are refused here. */
export async function readFaersFolder(root: string, source: FaersSource): Promise<FaersExtract> {
  const fileSet = groupFaersFiles(await listFilesUnder(root), source.shownAs, source.path);
  if (fileSet.quarters.length === 0) {
    throw new PmwError({
      code: 'FILE_NOT_FOUND',
      message: `${source.shownAs} holds no FAERS quarterly files (DEMOyyQq.txt, DRUGyyQq.txt, REACyyQq.txt, …)`,
      hint: 'choose the folder or zip of a FAERS ASCII extract (faers_ascii_yyyyQq.zip from FDA), or import a single file with --kind table',
      file: source.path,
    });
  }
  const headers = new Map<string, FaersHeader>();
  const checked: { file: FaersFile; quarter: string | null; header: FaersHeader }[] = [];
  for (const { file, table, quarter } of filesToRead(fileSet)) {
    if (table === 'DELETED') continue;
    const header = await readFaersHeader(file);
    headers.set(file.path, header);
    checked.push({ file, quarter, header });
  }
  refuseLegacyFiles(checked, source.shownAs, source.path);
  for (const { file, table } of filesToRead(fileSet)) {
    const header = headers.get(file.path);
    if (header && table !== 'DELETED') requireStagedColumns(file, table, header);
  }
  return { fileSet, headers };
}

/** SHA-256 of the source: the zip's bytes, or the folder digest over the files the import reads. */
export async function hashFaersSource(source: FaersSource, extract: FaersExtract | null, task: Task): Promise<string> {
  if (source.kind === 'zip' || !extract) {
    let done = 0;
    return sha256OfFile(source.path, task, (bytes) => {
      done += bytes;
      task.report('checking', done / Math.max(1, source.size), `checking ${source.shownAs}`);
    });
  }
  const files = filesToRead(extract.fileSet).map((f) => f.file);
  const hashed: { relativePath: string; sha256: string }[] = [];
  for (const [i, file] of files.entries()) {
    task.report('checking', i / files.length, `checking ${file.relativePath} (${i + 1} of ${files.length})`);
    hashed.push({ relativePath: file.relativePath, sha256: await sha256OfFile(file.path, task) });
  }
  return folderDigest(hashed);
}

/** Extracts the FAERS files of a zip (nothing else) into `workdir` and reads them as a folder. */
export async function extractFaersZip(source: FaersSource, workdir: string, task: Task): Promise<FaersExtract> {
  await extractZip(source.path, workdir, {
    select: (name) => classifyFaersPath(name) !== null,
    isCancelled: () => task.cancelled,
    onProgress: (done, total) => task.report('checking', done / Math.max(1, total), `unzipping ${source.shownAs}`),
  });
  task.throwIfCancelled();
  return readFaersFolder(workdir, source);
}

/** Fails when a file changed or vanished since it was listed: what was hashed must be what was read. */
export async function assertFilesUnchanged(files: (FaersFile | FaersSource)[]): Promise<void> {
  for (const file of files) {
    const now = await stat(file.path).catch(() => null);
    if (now && now.size === file.size && now.mtimeMs === file.mtimeMs) continue;
    const name = 'relativePath' in file ? file.relativePath : file.shownAs;
    throw new PmwError({
      code: 'FILE_CHANGED',
      message: `${name} was ${now ? 'changed' : 'deleted or moved'} while it was being imported`,
      hint: 'nothing was imported; wait until the files are complete and import again',
      file: file.path,
    });
  }
}
