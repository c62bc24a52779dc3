import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { PmwError } from '../engine/errors.js';

export type SourceFormat = 'csv' | 'parquet';
export type Compression = 'none' | 'gzip';

/** A file about to be imported, as found on disk before any of it is read in full. */
export interface SourceFile {
  path: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  format: SourceFormat;
  compression: Compression;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const PARQUET_MAGIC = Buffer.from('PAR1');

/** Magic numbers of binary files people pick by mistake, and what to tell them. */
const KNOWN_BINARIES: { magic: Buffer; offset?: number; what: string; hint: string }[] = [
  { magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]), what: 'a zip archive (or an .xlsx workbook)', hint: 'unzip it, or save the sheet as CSV, and import the files inside' },
  { magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), what: 'an old Excel/Office document', hint: 'save it as CSV and import that' },
  { magic: Buffer.from('%PDF'), what: 'a PDF document', hint: 'export the table it holds as CSV' },
  { magic: Buffer.from('SQLite format 3\0'), what: 'an SQLite database', hint: 'export its tables as CSV or Parquet' },
  { magic: Buffer.from('DUCK'), offset: 8, what: 'a DuckDB database', hint: 'open it as a workspace, or export its tables as Parquet' },
  { magic: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), what: 'a zstd-compressed file', hint: 'decompress it first, or recompress it with gzip' },
  { magic: Buffer.from('BZh'), what: 'a bzip2-compressed file', hint: 'decompress it first, or recompress it with gzip' },
];

function startsWith(head: Buffer, magic: Buffer, offset = 0): boolean {
  return head.length >= offset + magic.length && head.subarray(offset, offset + magic.length).equals(magic);
}

/** Looks at a file's size and first bytes: missing, empty, a known binary, gzip or Parquet. */
export async function inspectSource(path: string, requested: 'auto' | SourceFormat = 'auto'): Promise<SourceFile> {
  const absolute = resolve(path);
  const fileName = basename(absolute);
  const info = await stat(absolute).catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `${absolute} does not exist`, hint: 'check the path and try again', file: absolute });
  });
  if (info.isDirectory()) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${absolute} is a folder, not a file`, hint: 'name one CSV, TSV or Parquet file inside it', file: absolute });
  }
  if (info.size === 0) {
    throw new PmwError({ code: 'FILE_EMPTY', message: `${fileName} is empty (0 bytes)`, hint: 'the file may not have finished copying; copy it again', file: absolute });
  }
  const head = await readHead(absolute, 64);
  const base = { path: absolute, fileName, size: info.size, mtimeMs: info.mtimeMs };
  if (startsWith(head, PARQUET_MAGIC) || requested === 'parquet') return { ...base, format: 'parquet', compression: 'none' };
  if (startsWith(head, GZIP_MAGIC)) return { ...base, format: 'csv', compression: 'gzip' };
  for (const known of KNOWN_BINARIES) {
    if (startsWith(head, known.magic, known.offset)) {
      throw new PmwError({ code: 'FILE_BINARY', message: `${fileName} is ${known.what}, not a CSV, TSV or Parquet file`, hint: known.hint, file: absolute });
    }
  }
  return { ...base, format: 'csv', compression: 'none' };
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The part of a file name that names its table: `DRUG24Q1.txt.gz` → `DRUG24Q1`. */
export function tableNameFromFile(fileName: string): string {
  return fileName.replace(/(\.(gz|gzip))$/i, '').replace(/\.(csv|tsv|tab|txt|psv|parquet|pq)$/i, '');
}

/** Fails when the file changed or vanished since it was inspected: what was hashed is not what was read. */
export async function assertUnchanged(source: SourceFile): Promise<void> {
  const now = await stat(source.path).catch(() => null);
  if (!now || now.size !== source.size || now.mtimeMs !== source.mtimeMs) {
    throw new PmwError({
      code: 'FILE_CHANGED',
      message: `${source.fileName} was ${now ? 'changed' : 'deleted or moved'} while it was being imported`,
      hint: 'nothing was imported; wait until the file is complete and import it again',
      file: source.path,
    });
  }
}

/** The file went away between the moment it was inspected and the moment it was read. */
export function fileVanishedError(source: SourceFile): PmwError {
  return new PmwError({
    code: 'FILE_CHANGED',
    message: `${source.fileName} was deleted or moved while it was being imported`,
    hint: 'nothing was imported; import it again',
    file: source.path,
  });
}
