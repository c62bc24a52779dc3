import { basename } from 'node:path';
import { PmwError } from '../../engine/errors.js';
import type { FaersFile } from '../faers/faers-file-set.js';
import { CDM_TABLES } from './cdm-tables.js';

/** A file of the folder, as listed: path, `/`-separated relative path, size and mtime (to notice changes). */
export type FolderFile = FaersFile;

/** The CDM files of a folder, by table, and what the import leaves alone. */
export interface CdmFileSet {
  files: Map<string, FolderFile>;
  /** Relative paths of table files (.csv, .tsv, .txt, .parquet) that are not tables of the CDM; other files are not listed. */
  skipped: string[];
}

const TABLE_FILE = /^(.+?)\.(?:(?:csv|tsv|txt)(?:\.gz)?|parquet)$/i;

/** `PERSON.csv`, `person.parquet`, `Person.tsv.gz` → `person`; anything else → null. */
export function cdmTableOfFileName(fileName: string): string | null {
  const match = TABLE_FILE.exec(basename(fileName));
  const table = match?.[1]?.toLowerCase();
  return table && CDM_TABLES.has(table) ? table : null;
}

/** Whether a folder listing holds a person table: what makes `auto` read a folder as OMOP. */
export function holdsPersonTable(relativePaths: string[]): boolean {
  return relativePaths.some((path) => cdmTableOfFileName(path) === 'person');
}

/**
 * Sorts the files of a folder (any depth) into CDM tables; two files for one table are refused, because
 * either choice would silently drop the other.
 */
export function groupCdmFiles(listed: FolderFile[], shownAs: string, folder: string): CdmFileSet {
  const files = new Map<string, FolderFile>();
  const skipped: string[] = [];
  for (const file of listed) {
    const table = cdmTableOfFileName(file.relativePath);
    if (!table) {
      if (TABLE_FILE.test(basename(file.relativePath))) skipped.push(file.relativePath);
      continue;
    }
    const taken = files.get(table);
    if (taken) {
      throw new PmwError({
        code: 'FILE_FORMAT',
        message: `${shownAs} holds two files for the ${table} table: ${taken.relativePath} and ${file.relativePath}`,
        hint: 'keep one file per table (remove or move the other) and import again',
        file: folder,
      });
    }
    files.set(table, file);
  }
  return { files, skipped };
}
