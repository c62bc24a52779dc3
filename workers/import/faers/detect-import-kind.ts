import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportRequest } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { holdsPersonTable } from '../omop/cdm-files.js';
import { looksLikeVcf } from '../vcf/looks-like-vcf.js';
import { looksLikeFaers } from './faers-file-names.js';
import { listFilesUnder } from './faers-file-set.js';
import { isZipFile } from './faers-source.js';
import { listZipEntries } from './zip-archive.js';

export type ImportKind = 'table' | 'faers' | 'reports' | 'omop' | 'vcf';

/**
 * What an import reads, when the request says `auto` (or nothing): a folder or zip holding FAERS
 * DEMO/DRUG/REAC `yyQq` files is `faers`; a folder holding a person table (PERSON.csv, person.parquet…),
 * or any request with an OMOP mapping, is `omop`; a file whose text starts as a VCF (or named `.vcf`,
 * `.vcf.gz`, `.vcf.bgz`) is `vcf`, with `--samples` implying it; any other file is a `table` (the table
 * import then explains what is wrong with a folder or an unrelated zip).
 */
export async function resolveImportKind(req: ImportRequest): Promise<ImportKind> {
  if (req.kind && req.kind !== 'auto') return req.kind;
  if (req.omop?.mapping) return 'omop';
  if (req.vcf?.samples) return 'vcf';
  const path = resolve(req.path);
  const info = await stat(path).catch(() => null);
  if (!info) return 'table';
  if (info.isDirectory()) {
    const files = await listFilesUnder(path);
    if (looksLikeFaers(files.map((f) => f.relativePath))) return 'faers';
    if (holdsPersonTable(files.map((f) => f.relativePath))) return 'omop';
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `${path} is a folder, and holds no FAERS quarterly files (DEMOyyQq.txt, DRUGyyQq.txt, REACyyQq.txt) and no OMOP person table (PERSON.csv, person.parquet, …)`,
      hint: 'name one CSV, TSV or Parquet file inside it, a folder of FAERS quarterly extracts, or an OMOP CDM folder',
      file: path,
    });
  }
  if (await isZipFile(path)) {
    // A damaged `.zip` is reported as such; a damaged zip under another name (`data.csv`) goes on to
    // the table import, which says what the file is.
    const entries = await listZipEntries(path).catch((error: unknown) => {
      if (/\.zip$/i.test(path)) throw error;
      return [];
    });
    if (looksLikeFaers(entries.map((e) => e.name))) return 'faers';
  }
  if (await looksLikeVcf(path)) return 'vcf';
  return 'table';
}
