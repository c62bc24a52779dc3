import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { PmwError } from '../../../engine/errors.js';
import type { FolderFile } from '../cdm-files.js';
import type { ScannedFile } from '../scan-folder-files.js';
import { fieldKind, type MappedSection, type FieldKind } from './mapping-spec.js';

/** A mapped section with its file found on disk. */
export interface LocatedSection extends MappedSection {
  folderFile: FolderFile;
}

/** A mapped section matched to its file's header: each field's column as spelled in the file, and its kind. */
export interface ResolvedSection extends LocatedSection {
  scanned: ScannedFile;
  fields: { field: string; column: string; kind: FieldKind }[];
}

/** Finds each section's file: relative to the imported folder (or absolute). A missing file names the section. */
export async function locateMappedFiles(sections: MappedSection[], folder: string, mappingPath: string): Promise<LocatedSection[]> {
  const located: LocatedSection[] = [];
  for (const section of sections) {
    const path = isAbsolute(section.file) ? section.file : join(folder, section.file);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      throw new PmwError({
        code: 'FILE_NOT_FOUND',
        message: `mapping file ${mappingPath}: ${section.section}.file names ${section.file}, which ${info ? 'is not a file' : `is not in ${folder}`}`,
        hint: 'file names in a mapping are relative to the imported folder; check the name (and its case)',
        file: path,
      });
    }
    const relativePath = relative(folder, path).split(sep).join('/');
    located.push({ ...section, folderFile: { path, relativePath, size: info.size, mtimeMs: info.mtimeMs } });
  }
  return located;
}

/**
 * Matches the mapped column names to the file's header: exactly, else in any case when only one column
 * fits. A column that is not there is refused, naming the section, the field and the columns there are.
 */
export function resolveMappedColumns(section: LocatedSection, scanned: ScannedFile): ResolvedSection {
  const names = scanned.columns.map((c) => c.name);
  const fields = [...section.columns].map(([field, wanted]) => {
    const exact = names.find((n) => n === wanted);
    const folded = names.filter((n) => n.toLowerCase() === wanted.toLowerCase());
    const column = exact ?? (folded.length === 1 ? folded[0] : undefined);
    if (column === undefined) {
      throw new PmwError({
        code: 'BAD_REQUEST',
        message: `${scanned.source.fileName} has no column ${wanted} (mapping ${section.section}.${field}); its columns are ${names.join(', ')}`,
        hint: 'fix the column name in the mapping file, or the header line of the file',
        file: scanned.source.path,
        line: 1,
      });
    }
    return { field, column, kind: fieldKind(section.section, field) };
  });
  return { ...section, scanned, fields };
}
