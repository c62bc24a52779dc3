import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckDBErrorText, isInterrupt } from '../../db/duckdb-errors.js';
import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { ImportRequest, ImportResult } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { datasetsWithHash } from '../../engine/catalog.js';
import { cancelledError, PmwError } from '../../engine/errors.js';
import { chooseSchemaName, claimSchemaName, dropDataset } from '../reports/dataset-schema.js';
import { recordDatasetAndCommit } from '../record-dataset.js';
import { runInSlice } from '../reports/scaled-progress.js';
import { buildFaersTables, FAERS_TABLE_NAMES } from './build-faers-tables.js';
import { filesToRead, type FaersFile } from './faers-file-set.js';
import { faersImportWarnings, type ReadFile } from './faers-import-warnings.js';
import {
  assertFilesUnchanged, extractFaersZip, hashFaersSource, locateFaersSource, readFaersFolder, type FaersExtract, type FaersSource,
} from './faers-source.js';
import { createStagingTablesSql, FILES_TABLE, stageDeletedListSql, stageQuarterFileSql } from './stage-faers-sql.js';

/**
 * Imports a folder or zip of FAERS quarterly ASCII extracts as one dataset: a schema holding the
 * canonical pv_* tables, its catalog entry and its audit entry, all in one transaction. A zip is
 * extracted to a temporary folder first (removed afterwards, whatever happens).
 */
export async function importFaers(task: Task, audit: AuditLog, req: ImportRequest): Promise<ImportResult> {
  const started = Date.now();
  const source = await locateFaersSource(req.path);
  let workdir: string | null = null;
  try {
    const folder = source.kind === 'folder' ? await readFaersFolder(source.path, source) : null;
    const sha256 = await hashFaersSource(source, folder, task);
    const sameContent = await datasetsWithHash(task.connection, sha256);
    const firstCopy = sameContent[0];
    if (firstCopy && req.onDuplicate !== 'import') {
      return { dataset: firstCopy, duplicateOf: firstCopy.id, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
    }
    let extract = folder;
    if (!extract) {
      workdir = await mkdtemp(join(tmpdir(), 'pmw-faers-'));
      extract = await extractFaersZip(source, workdir, task);
      await assertFilesUnchanged([source]);
    }
    const result = await writeFaersDataset(task, audit, req, source, extract, sha256);
    return { ...result, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  } finally {
    if (workdir) await rm(workdir, { recursive: true, force: true });
  }
}

/** `faers_ascii_2024Q1.zip` → `faers_ascii_2024Q1`; a folder keeps its name. */
function datasetNameFromSource(source: FaersSource): string {
  return source.kind === 'zip' ? source.shownAs.replace(/\.zip$/i, '') : source.shownAs;
}

async function writeFaersDataset(
  task: Task, audit: AuditLog, req: ImportRequest, source: FaersSource, extract: FaersExtract, sha256: string,
): Promise<Omit<ImportResult, 'sameContentAs' | 'elapsedMs'>> {
  const connection = task.connection;
  const { name, note } = await chooseSchemaName(connection, req.name ?? datasetNameFromSource(source));
  let replaced = await claimSchemaName(connection, name, req.replace === true);
  const rule = req.faers?.dedup ?? 'fda';
  const files: ReadFile[] = filesToRead(extract.fileSet);
  let reading: FaersFile | null = null;

  try {
    // Staging and ranking fill temporary tables that only this connection sees and that go when it closes,
    // so they run before the transaction: DuckDB scans a table written inside the open transaction with
    // one thread, a committed one with all of them. What the workspace keeps (schema, tables, catalog and
    // audit entries) is written in the one transaction that buildFaersTables opens below.
    for (const sql of createStagingTablesSql()) await connection.run(sql);
    const quarterIds = new Map(extract.fileSet.quarters.map((q, i) => [q.quarter, i]));
    for (const [fileId, { file, table, quarter }] of files.entries()) {
      await connection.run(`INSERT INTO ${FILES_TABLE} VALUES ($1, $2, $3, $4, $5, $6)`,
        [fileId, file.relativePath, file.path, table, quarter, quarter === null ? null : quarterIds.get(quarter) ?? null]);
    }
    for (const [fileId, { file, table }] of files.entries()) {
      reading = file;
      const header = extract.headers.get(file.path);
      const sql = table === 'DELETED' || !header ? stageDeletedListSql(file.path, fileId) : stageQuarterFileSql(table, file.path, header, fileId);
      const message = `reading ${file.relativePath} (${fileId + 1} of ${files.length})`;
      await runInSlice(task, 'reading', message, fileId / files.length, (fileId + 1) / files.length, () => connection.run(sql));
    }
    reading = null;
    if (source.kind === 'folder') await assertFilesUnchanged(files.map((f) => f.file));

    const options = { rule, deletedLists: files.some((f) => f.table === 'DELETED') };
    const tableCounts = await buildFaersTables(task, name, options, async () => {
      await connection.run('BEGIN TRANSACTION');
      // Checked again inside the transaction: the name may have been taken while the files were read.
      replaced = await claimSchemaName(connection, name, req.replace === true);
      if (replaced) await dropDataset(connection, replaced);
      await connection.run(`CREATE SCHEMA ${quoteIdentifier(name)}`);
    });
    task.throwIfCancelled();
    const counts: Record<string, number> = {
      quarters: extract.fileSet.quarters.length,
      files: files.length,
      ignoredFiles: extract.fileSet.ignored.length,
      ...tableCounts,
    };
    const warnings = await faersImportWarnings(connection, files, counts);
    if (note) warnings.unshift(`the dataset is named ${name}: ${note}`);
    if (counts.reports === 0) throw noReportsError(source, counts);

    task.report('finishing', 1, `recording ${name} in the catalog`);
    const dataset = await recordDatasetAndCommit(connection, audit, {
      transforms: req.transforms, throwIfCancelled: () => task.throwIfCancelled(),
      name,
      kind: 'faers',
      sourceFile: source.path,
      sha256,
      tables: FAERS_TABLE_NAMES.map((table) => `${name}.${table}`),
      description: req.description,
      licence: req.licence,
      detail: { kind: 'faers', source: source.path, sha256, dedup: rule, files: files.map((f) => f.file.relativePath), counts, replaced: replaced?.id ?? null },
    });
    return { dataset, counts, warnings };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (task.cancelled || isInterrupt(error)) throw cancelledError(`the import of ${source.shownAs}`);
    if (error instanceof PmwError) throw error;
    throw readError(error, reading, source);
  }
}

function noReportsError(source: FaersSource, counts: Record<string, number>): PmwError {
  const why = counts.versionsRead === 0 ? 'its DEMO files hold no rows' : 'every case read is on a deleted-case list or lacks a key';
  return new PmwError({
    code: 'FILE_EMPTY',
    message: `${source.shownAs} holds no reports to import: ${why}`,
    hint: 'check that the extract is complete (unzip it again), or choose another quarter',
    file: source.path,
  });
}

function readError(error: unknown, file: FaersFile | null, source: FaersSource): PmwError {
  const text = duckDBErrorText(error).split('\n')[0] ?? 'unknown error';
  if (file && /No files found|No such file/i.test(text)) {
    return new PmwError({ code: 'FILE_CHANGED', message: `${file.relativePath} was deleted or moved while it was being imported`, hint: 'nothing was imported; import it again', file: file.path });
  }
  if (file) {
    return new PmwError({ code: 'FILE_FORMAT', message: `${file.relativePath} could not be read: ${text.replace(/^.*?Error: /, '')}`, hint: 'check that it is a FAERS ASCII file ($-separated, with a header line)', file: file.path });
  }
  return new PmwError({ code: 'INTERNAL', message: `the import of ${source.shownAs} failed: ${text}`, file: source.path });
}
