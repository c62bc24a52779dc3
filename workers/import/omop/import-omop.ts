import { basename } from 'node:path';
import { isInterrupt, duckDBErrorText } from '../../db/duckdb-errors.js';
import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { ImportRequest, ImportResult } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { datasetsWithHash } from '../../engine/catalog.js';
import { cancelledError, PmwError } from '../../engine/errors.js';
import { assertFilesUnchanged } from '../faers/faers-source.js';
import { recordDatasetAndCommit } from '../record-dataset.js';
import { chooseSchemaName, claimSchemaName, dropDataset } from '../reports/dataset-schema.js';
import { CHECKS_TABLE, checkTotals, checkWarnings, runCdmChecks } from './cdm-checks.js';
import { planCdmTableRead } from './cdm-table-sql.js';
import { CDM_TABLES, cdmTable } from './cdm-tables.js';
import { detectCdmVersion, versionCount, type CdmVersion } from './cdm-version.js';
import { resolveMappedColumns } from './mapping/mapped-files.js';
import { writeMappedTables } from './mapping/write-mapped-tables.js';
import { findCdmSource, findMappedSource, locateOmopFolder, type OmopSource } from './omop-source.js';
import { extraColumnsWarning, skippedFilesWarning, versionWarning } from './omop-warnings.js';
import { digestOf, scanFolderFiles, textDialect, type ScannedFile } from './scan-folder-files.js';
import { createMissingTables, writeCdmTables } from './write-cdm-tables.js';

/** What building the tables of one source produced, before the checks. */
interface BuiltTables {
  created: Set<string>;
  version: CdmVersion;
  counts: Record<string, number>;
  warnings: string[];
}

/**
 * Imports an OMOP CDM folder (CSV, TSV or Parquet, table names in any case), or plain files through a
 * mapping, as one dataset: a schema with the CDM tables in their canonical shape, the bad-data checks
 * (`pmw_checks`), the catalog entry and the audit entry, all in one transaction.
 */
export async function importOmop(task: Task, audit: AuditLog, req: ImportRequest): Promise<ImportResult> {
  const started = Date.now();
  const folder = await locateOmopFolder(req.path);
  const source = req.omop?.mapping ? await findMappedSource(folder, req.omop.mapping) : await findCdmSource(folder);
  const scanned = await scanFolderFiles(task, source.files, textDialect(req.csv)).catch((error: unknown) => {
    // An interrupted header read looks like a bad file to the error explanations; it was a cancel.
    throw task.cancelled || isInterrupt(error) ? cancelledError(`the import of ${basename(folder)}`) : error;
  });
  const sha256 = digestOf(scanned, source.digestExtra);
  const sameContent = await datasetsWithHash(task.connection, sha256);
  const firstCopy = sameContent[0];
  if (firstCopy && req.onDuplicate !== 'import') {
    return { dataset: firstCopy, duplicateOf: firstCopy.id, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  }
  const build = planBuild(source, scanned);
  const result = await writeOmopDataset(task, audit, req, source, scanned, sha256, build);
  return { ...result, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
}

type Build = (task: Task, schema: string) => Promise<BuiltTables>;

/** Checks every header against what it must hold (before anything is written), and returns how to build the tables. */
function planBuild(source: OmopSource, scanned: ScannedFile[]): Build {
  if (source.kind === 'mapping') {
    const sections = source.sections.map((section, i) => resolveMappedColumns(section, scanned[i]!));
    return async (task, schema) => {
      const created = new Set<string>();
      await createMissingTables(task, schema, created);
      const { counts, warnings } = await writeMappedTables(task, schema, source.mapping, sections);
      return { created, counts, warnings, version: { version: '5.4', from: 'mapping', evidence: 'tables written in the 5.4 shape' } };
    };
  }
  const reads = source.tables.map((table, i) => planCdmTableRead(cdmTable(table), scanned[i]!));
  return async (task, schema) => {
    const created = await writeCdmTables(task, schema, reads);
    const version = await detectCdmVersion(task.connection, schema, reads);
    const warnings = [skippedFilesWarning(source.skipped), extraColumnsWarning(reads), versionWarning(version)].filter((w): w is string => w !== null);
    return { created, version, warnings, counts: { tables: reads.length, skippedFiles: source.skipped.length } };
  };
}

async function writeOmopDataset(
  task: Task, audit: AuditLog, req: ImportRequest, source: OmopSource, scanned: ScannedFile[], sha256: string, build: Build,
): Promise<Omit<ImportResult, 'sameContentAs' | 'elapsedMs'>> {
  const connection = task.connection;
  const shownAs = basename(source.folder);
  const { name, note } = await chooseSchemaName(connection, req.name ?? shownAs);
  await claimSchemaName(connection, name, req.replace === true);
  try {
    await connection.run('BEGIN TRANSACTION');
    // Checked again inside the transaction: the name may have been taken while the files were read.
    const replaced = await claimSchemaName(connection, name, req.replace === true);
    if (replaced) await dropDataset(connection, replaced);
    await connection.run(`CREATE SCHEMA ${quoteIdentifier(name)}`);
    const built = await build(task, name);
    task.throwIfCancelled();
    await assertFilesUnchanged(scanned.map((s) => s.file));
    task.report('finishing', null, `checking ${name} for bad data`);
    const checks = await runCdmChecks(connection, name, built.created);
    const persons = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${quoteIdentifier(name)}.person`)).getRowsJS()[0]?.[0] ?? 0);
    const counts = { persons, cdmVersion: versionCount(built.version), ...built.counts, ...checkTotals(checks) };
    const warnings = [...(note ? [`the dataset is named ${name}: ${note}`] : []), ...built.warnings, ...checkWarnings(checks)];
    task.report('finishing', 1, `recording ${name} in the catalog`);
    const tables = [...CDM_TABLES.keys()].filter((t) => built.created.has(t)).concat(CHECKS_TABLE);
    const dataset = await recordDatasetAndCommit(connection, audit, {
      transforms: req.transforms, throwIfCancelled: () => task.throwIfCancelled(),
      name,
      kind: 'omop',
      sourceFile: source.folder,
      sha256,
      tables: tables.map((t) => `${name}.${t}`),
      description: req.description,
      licence: req.licence,
      detail: {
        kind: 'omop', source: source.folder, sha256, files: scanned.map((s) => s.file.relativePath),
        mapping: source.kind === 'mapping' ? source.mappingPath : null,
        cdmVersion: built.version.version, cdmVersionFrom: built.version.from, cdmVersionEvidence: built.version.evidence,
        counts, checks: checks.map((c) => ({ check: c.check.check, table: c.table, count: c.count })), replaced: replaced?.id ?? null,
      },
    });
    return { dataset, counts, warnings };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (task.cancelled || isInterrupt(error)) throw cancelledError(`the import of ${shownAs}`);
    if (error instanceof PmwError) throw error;
    const text = duckDBErrorText(error).split('\n')[0] ?? 'unknown error';
    throw new PmwError({ code: 'INTERNAL', message: `the import of ${shownAs} failed: ${text}`, file: source.folder });
  }
}
