import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Task } from '../../db/tasks.js';

const CHUNK_BYTES = 4 * 1024 * 1024;

/** SHA-256 of a file's bytes, checking for cancellation between chunks; `onBytes` gets each chunk's size. */
export async function sha256OfFile(path: string, task: Task, onBytes: (bytes: number) => void = () => undefined): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      task.throwIfCancelled();
      hash.update(chunk);
      onBytes(chunk.length);
    }
  } finally {
    stream.destroy();
  }
  return hash.digest('hex');
}

/**
 * The SHA-256 of a folder import: over the lines `relative path + '\0' + file SHA-256 + '\n'` of the files
 * read, sorted by path (UTF-16 code unit order, i.e. JavaScript's default sort). Renaming, adding or
 * changing any file read changes it; files the import does not read (README, PDFs) do not.
 */
export function folderDigest(files: { relativePath: string; sha256: string }[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  for (const file of sorted) hash.update(`${file.relativePath}\0${file.sha256}\n`, 'utf8');
  return hash.digest('hex');
}
