import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PmwError } from '../../engine/errors.js';
import { classifyFaersPath, FAERS_TABLES, REQUIRED_FAERS_TABLES, type FaersTable } from './faers-file-names.js';

/** One file of the extract as found on disk; size and mtime let us notice a change while we read it. */
export interface FaersFile {
  path: string;
  /** Relative to the folder (or zip) imported, `/`-separated, as shown to the user. */
  relativePath: string;
  size: number;
  mtimeMs: number;
}

export interface FaersQuarter {
  /** `2024Q1`. */
  quarter: string;
  files: Partial<Record<FaersTable, FaersFile>>;
}

export interface FaersFileSet {
  /** Sorted by quarter. */
  quarters: FaersQuarter[];
  deletedCaseLists: FaersFile[];
  /** Files that are neither (README, ASC_NTS, PDFs…), by relative path. */
  ignored: string[];
}

/** Every regular file under `root`, at any depth, with its `/`-separated relative path. Symlinks are not followed. */
export async function listFilesUnder(root: string): Promise<FaersFile[]> {
  const found: FaersFile[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path, relativePath);
      else if (entry.isFile()) {
        const info = await stat(path);
        found.push({ path, relativePath, size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  await walk(root, '');
  return found;
}

/**
 * Sorts the files of a folder into quarters and deleted-case lists, and refuses what cannot be imported
 * correctly: two files for the same table and quarter, or a quarter without DEMO, DRUG or REAC.
 * `shownAs` names the folder or zip in messages.
 */
export function groupFaersFiles(files: FaersFile[], shownAs: string, sourcePath: string): FaersFileSet {
  const quarters = new Map<string, FaersQuarter>();
  const deletedCaseLists: FaersFile[] = [];
  const ignored: string[] = [];
  for (const file of files) {
    const role = classifyFaersPath(file.relativePath);
    if (!role) { ignored.push(file.relativePath); continue; }
    if (role.role === 'deleted-cases') { deletedCaseLists.push(file); continue; }
    const quarter = quarters.get(role.quarter) ?? { quarter: role.quarter, files: {} };
    quarters.set(role.quarter, quarter);
    const taken = quarter.files[role.table];
    if (taken) {
      throw new PmwError({
        code: 'FILE_FORMAT',
        message: `${shownAs} holds two ${role.table} files for ${role.quarter}: ${taken.relativePath} and ${file.relativePath}`,
        hint: 'keep one copy of each quarter (remove the other file or folder) and import again',
        file: sourcePath,
      });
    }
    quarter.files[role.table] = file;
  }
  const sorted = [...quarters.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
  for (const quarter of sorted) requireCompleteQuarter(quarter, shownAs, sourcePath);
  return { quarters: sorted, deletedCaseLists, ignored };
}

function requireCompleteQuarter(quarter: FaersQuarter, shownAs: string, sourcePath: string): void {
  const missing = REQUIRED_FAERS_TABLES.filter((table) => !quarter.files[table]);
  if (missing.length === 0) return;
  const present = FAERS_TABLES.flatMap((table) => quarter.files[table]?.relativePath ?? []);
  const yyQq = quarter.quarter.slice(2);
  throw new PmwError({
    code: 'FILE_NOT_FOUND',
    message: `quarter ${quarter.quarter} in ${shownAs} has ${present.join(', ')} but no ${missing.map((t) => `${t}${yyQq}.txt`).join(' or ')}`,
    hint: 'every quarter needs its DEMO, DRUG and REAC files: add the missing file (unzip the full extract again) or remove that quarter',
    file: sourcePath,
  });
}

/** The files the import reads, in reading order: quarters oldest first, DEMO before the rest; then deleted lists. */
export function filesToRead(set: FaersFileSet): { file: FaersFile; table: FaersTable | 'DELETED'; quarter: string | null }[] {
  const ordered: { file: FaersFile; table: FaersTable | 'DELETED'; quarter: string | null }[] = [];
  for (const quarter of set.quarters) {
    for (const table of FAERS_TABLES) {
      const file = quarter.files[table];
      if (file) ordered.push({ file, table, quarter: quarter.quarter });
    }
  }
  for (const file of set.deletedCaseLists) ordered.push({ file, table: 'DELETED', quarter: null });
  return ordered;
}
