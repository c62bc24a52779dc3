import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { PmwError } from '../../engine/errors.js';
import { listFilesUnder } from '../faers/faers-file-set.js';
import { groupCdmFiles, type FolderFile } from './cdm-files.js';
import { CDM_TABLES, REQUIRED_TABLES } from './cdm-tables.js';
import { parseMapping, type OmopMapping } from './mapping/mapping-spec.js';
import { locateMappedFiles, type LocatedSection } from './mapping/mapped-files.js';

/** What an OMOP import reads: the files (in reading order) and, for the digest, anything else it depends on. */
export type OmopSource =
  | { kind: 'cdm'; folder: string; files: FolderFile[]; tables: string[]; skipped: string[]; digestExtra: [] }
  | { kind: 'mapping'; folder: string; files: FolderFile[]; mapping: OmopMapping; mappingPath: string; sections: LocatedSection[]; digestExtra: { relativePath: string; sha256: string }[] };

/** The folder to import; a missing path or a file is refused with what an OMOP import expects. */
export async function locateOmopFolder(path: string): Promise<string> {
  const folder = resolve(path);
  const info = await stat(folder).catch(() => null);
  if (!info) throw new PmwError({ code: 'FILE_NOT_FOUND', message: `${folder} does not exist`, hint: 'check the path and try again', file: folder });
  if (!info.isDirectory()) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `${basename(folder)} is a file; an OMOP import reads a folder of CDM tables (PERSON.csv, OBSERVATION_PERIOD.csv, …)`,
      hint: 'name the folder that holds the tables',
      file: folder,
    });
  }
  return folder;
}

/** The CDM tables of a folder, person first; a folder without person or observation_period is refused. */
export async function findCdmSource(folder: string): Promise<OmopSource> {
  const listed = await listFilesUnder(folder);
  const shownAs = basename(folder);
  if (listed.length === 0) {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `${shownAs} is empty`, hint: 'choose the folder that holds the OMOP CDM tables (PERSON.csv, OBSERVATION_PERIOD.csv, …)', file: folder });
  }
  const { files, skipped } = groupCdmFiles(listed, shownAs, folder);
  for (const table of REQUIRED_TABLES) {
    if (files.has(table)) continue;
    const upper = table.toUpperCase();
    throw new PmwError({
      code: 'FILE_NOT_FOUND',
      message: `${shownAs} has no ${table} table (${upper}.csv, ${table}.parquet, ${upper}.tsv, …)${files.size === 0 ? ': it holds no OMOP CDM tables at all' : ''}`,
      hint: table === 'person'
        ? 'an OMOP CDM folder needs its person table; for plain patient, diagnosis, drug and lab files, import with a mapping (--mapping FILE, see docs/omop-mapping.md)'
        : 'cohorts only count time inside observation periods: add the observation_period table, or import plain files with a mapping that derives it (--mapping FILE, see docs/omop-mapping.md)',
      file: folder,
    });
  }
  const tables = [...CDM_TABLES.keys()].filter((t) => files.has(t));
  return { kind: 'cdm', folder, files: tables.map((t) => files.get(t)!), tables, skipped, digestExtra: [] };
}

/** The plain files a mapping names, checked against the folder. */
export async function findMappedSource(folder: string, mappingFile: string): Promise<OmopSource> {
  const mappingPath = resolve(mappingFile);
  const bytes = await readFile(mappingPath).catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `mapping file ${mappingPath} does not exist`, hint: 'check the path of --mapping', file: mappingPath });
  });
  const mapping = parseMapping(bytes.toString('utf8'), mappingPath);
  const sections = await locateMappedFiles(mapping.sections, folder, mappingPath);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    kind: 'mapping', folder, files: sections.map((s) => s.folderFile), mapping, mappingPath, sections,
    // The mapping decides what the tables hold: the same files under another mapping are another dataset.
    digestExtra: [{ relativePath: '(mapping)', sha256 }],
  };
}
