import { createWriteStream } from 'node:fs';
import { mkdir, statfs } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PmwError } from '../../engine/errors.js';

/** Refuse archives that would expand beyond this: a zip bomb, or a disk filled by mistake. */
export const MAX_EXTRACTED_BYTES = 64 * 1024 ** 3;

export interface ZipEntryInfo {
  /** `/`-separated path inside the archive. */
  name: string;
  uncompressedSize: number;
}

export interface ExtractOptions {
  /** Entries to write out; the others (README, PDFs) are skipped. */
  select: (name: string) => boolean;
  maxBytes?: number;
  isCancelled: () => boolean;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

const OPEN_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false };

/** The file entries of a zip (folders left out), read from its central directory without extracting. */
export async function listZipEntries(zipPath: string): Promise<ZipEntryInfo[]> {
  const zip = await openZip(zipPath);
  try {
    const entries: ZipEntryInfo[] = [];
    for await (const entry of iterateEntries(zip, zipPath)) {
      if (!entry.fileName.endsWith('/')) entries.push({ name: entry.fileName, uncompressedSize: entry.uncompressedSize });
    }
    return entries;
  } finally {
    zip.close();
  }
}

/**
 * Streams the selected entries of a zip into `into`, keeping their folders. Refuses entries that would
 * land outside `into` (`../`, absolute paths), encrypted entries, repeated names, and archives that expand
 * beyond `maxBytes` or the free space of the disk; a damaged entry fails with the entry's name.
 */
export async function extractZip(zipPath: string, into: string, options: ExtractOptions): Promise<string[]> {
  const zip = await openZip(zipPath);
  try {
    const entries: Entry[] = [];
    for await (const entry of iterateEntries(zip, zipPath)) {
      if (!entry.fileName.endsWith('/') && options.select(entry.fileName)) entries.push(entry);
    }
    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    await requireRoom(zipPath, into, total, options.maxBytes ?? MAX_EXTRACTED_BYTES);
    const written = new Set<string>();
    let done = 0;
    for (const entry of entries) {
      if (options.isCancelled()) break;
      const target = safeTarget(into, entry.fileName, zipPath);
      if (written.has(target)) throw zipError(zipPath, `holds ${entry.fileName} twice`, 'the archive is malformed; re-create it with one copy of each file');
      written.add(target);
      if (entry.isEncrypted()) throw zipError(zipPath, `holds an encrypted entry (${entry.fileName})`, 'decrypt the archive first, or unzip it yourself and import the folder');
      await mkdir(dirname(target), { recursive: true });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          if (options.isCancelled()) { callback(new Error('cancelled')); return; }
          done += chunk.length;
          options.onProgress?.(done, total);
          callback(null, chunk);
        },
      });
      try {
        const stream = await zip.openReadStreamPromise(entry);
        await pipeline(stream, counter, createWriteStream(target));
      } catch (error) {
        if (options.isCancelled()) break;
        throw zipError(zipPath, `entry ${entry.fileName} cannot be read (${errorText(error)})`, 'the archive is truncated or damaged; download or copy it again');
      }
    }
    return [...written];
  } finally {
    zip.close();
  }
}

async function openZip(zipPath: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(zipPath, OPEN_OPTIONS);
  } catch (error) {
    const text = errorText(error);
    if (/end of central directory record signature not found|truncated|unexpected EOF/i.test(text)) {
      throw zipError(zipPath, 'is not a complete zip archive: its directory at the end is missing (the file is truncated or damaged)', 'download or copy the zip again, or unzip it with another tool and import the folder');
    }
    throw zipError(zipPath, `cannot be read as a zip archive (${text})`, 'download or copy the zip again, or unzip it with another tool and import the folder');
  }
}

async function* iterateEntries(zip: ZipFile, zipPath: string): AsyncGenerator<Entry> {
  try {
    for await (const entry of zip.eachEntry()) yield entry;
  } catch (error) {
    const text = errorText(error);
    const unsafe = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(text);
    if (unsafe) {
      throw zipError(zipPath, `holds an entry that points outside the archive (${unsafe[2]})`, 'nothing was extracted; the archive may be malicious or damaged, so unzip it with care and import the folder');
    }
    throw zipError(zipPath, `has a damaged directory (${text})`, 'download or copy the zip again');
  }
}

/** The path an entry is written to, refusing any that would escape `into` (checked again after yauzl's own check). */
function safeTarget(into: string, name: string, zipPath: string): string {
  const root = resolve(into);
  const target = resolve(root, ...name.split('/'));
  if (!target.startsWith(root + sep) || name.split('/').includes('..')) {
    throw zipError(zipPath, `holds an entry that points outside the archive (${name})`, 'nothing was imported; the archive may be malicious or damaged');
  }
  return target;
}

async function requireRoom(zipPath: string, into: string, total: number, maxBytes: number): Promise<void> {
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (total > maxBytes) {
    throw zipError(zipPath, `would expand to ${gib(total)}, more than the ${gib(maxBytes)} allowed`, 'unzip it yourself where there is room and import the folder');
  }
  const disk = await statfs(into).catch(() => null);
  if (disk && total > disk.bavail * disk.bsize) {
    throw new PmwError({
      code: 'INTERNAL',
      message: `${zipPath} expands to ${gib(total)} but the temporary folder has ${gib(disk.bavail * disk.bsize)} free`,
      hint: 'free some disk space (or set TMPDIR to a larger disk), or unzip it yourself and import the folder',
      file: zipPath,
    });
  }
}

function zipError(zipPath: string, what: string, hint: string): PmwError {
  const name = zipPath.split(/[\\/]/).at(-1) ?? zipPath;
  return new PmwError({ code: 'FILE_COMPRESSION', message: `${name} ${what}`, hint, file: zipPath });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
