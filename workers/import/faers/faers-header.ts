import { open } from 'node:fs/promises';
import { PmwError } from '../../engine/errors.js';
import { STAGED_COLUMNS } from './faers-columns.js';
import type { FaersTable } from './faers-file-names.js';
import type { FaersFile } from './faers-file-set.js';

const HEADER_BYTES = 64 * 1024;

export interface FaersHeader {
  /** Column names, lower-case, in file order; an empty name after a trailing `$` is dropped. */
  columns: string[];
  /** Legacy AERS (LAERS, before 2012Q4): `isr` and `case` in place of `primaryid` and `caseid`. */
  legacy: boolean;
}

/** Reads and splits the first line of a `$`-delimited FAERS file. */
export async function readFaersHeader(file: FaersFile): Promise<FaersHeader> {
  if (file.size === 0) {
    throw new PmwError({
      code: 'FILE_EMPTY',
      message: `${file.relativePath} is empty (0 bytes), not even a header line`,
      hint: 'the file may not have finished copying or unzipping; extract the quarter again',
      file: file.path,
    });
  }
  const line = await readFirstLine(file);
  const names = line.replace(/^\u00ef\u00bb\u00bf|^\ufeff/, '').split('$').map((name) => name.trim().toLowerCase());
  if (names.length > 1 && names.at(-1) === '') names.pop();
  const columns = names.map((name, i) => name || `column${i + 1}`);
  const legacy = columns.includes('isr') && !columns.includes('primaryid');
  return { columns, legacy };
}

async function readFirstLine(file: FaersFile): Promise<string> {
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(HEADER_BYTES, file.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('latin1');
    const end = text.indexOf('\n');
    if (end < 0 && bytesRead === HEADER_BYTES) {
      throw new PmwError({
        code: 'FILE_FORMAT',
        message: `${file.relativePath} has no line break in its first ${HEADER_BYTES / 1024} KiB: it is not a FAERS text file`,
        hint: 'check that the file is the $-separated ASCII extract, not the XML one',
        file: file.path,
      });
    }
    return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
  } finally {
    await handle.close();
  }
}

/** Refuses a file whose header lacks a column the import needs, naming what it has. */
export function requireStagedColumns(file: FaersFile, table: FaersTable, header: FaersHeader): void {
  for (const column of STAGED_COLUMNS[table]) {
    if (!column.required || column.sources.some((name) => header.columns.includes(name))) continue;
    throw new PmwError({
      code: 'FILE_FORMAT',
      message: `${file.relativePath} has no ${column.sources.join(' or ')} column (its header line has: ${header.columns.join(', ')})`,
      hint: `a FAERS ${table} file needs ${STAGED_COLUMNS[table].filter((c) => c.required).map((c) => c.name).join(', ')}; check that this is a FAERS ASCII extract (2012Q4 or later)`,
      file: file.path,
      line: 1,
    });
  }
}

/**
 * Refuses legacy AERS files, alone or mixed with FAERS ones. LAERS keys (ISR, CASE) are not FAERS keys,
 * and the same case can appear in both eras, so combining them needs cross-era deduplication we do not do.
 */
export function refuseLegacyFiles(headers: { file: FaersFile; quarter: string | null; header: FaersHeader }[], shownAs: string, sourcePath: string): void {
  const legacy = headers.filter((h) => h.header.legacy);
  const first = legacy[0];
  if (!first) return;
  const legacyQuarters = [...new Set(legacy.map((h) => h.quarter).filter((q) => q !== null))].sort();
  const faersQuarters = [...new Set(headers.filter((h) => !h.header.legacy).map((h) => h.quarter).filter((q) => q !== null))].sort();
  const mixed = faersQuarters.length > 0
    ? `; ${shownAs} mixes LAERS quarters (${legacyQuarters.join(', ')}) with FAERS quarters (${faersQuarters.join(', ')})`
    : '';
  throw new PmwError({
    code: 'FILE_FORMAT',
    message: `${first.file.relativePath} is a legacy AERS (LAERS) file: it has ISR and CASE columns instead of primaryid and caseid${mixed}`,
    hint: 'pmw imports FAERS extracts (2012Q4 and later) only; import the FAERS quarters without the LAERS ones (2004Q1–2012Q3)',
    file: sourcePath,
  });
}
