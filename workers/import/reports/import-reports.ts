import type { DuckDBConnection } from '@duckdb/node-api';
import { duckDBErrorText, isInterrupt } from '../../db/duckdb-errors.js';
import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { ImportRequest, ImportResult, ReportMapping } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { datasetsWithHash } from '../../engine/catalog.js';
import { cancelledError, PmwError } from '../../engine/errors.js';
import { csvImportError } from '../csv-errors.js';
import { buildReadCsvSql, buildReadParquetSql } from '../read-csv-sql.js';
import { scanSource } from '../scan-source.js';
import { sniffDelimiter } from '../sniff-delimiter.js';
import { assertUnchanged, tableNameFromFile, type SourceFile } from '../source.js';
import { chooseSchemaName, claimSchemaName, dropDataset } from './dataset-schema.js';
import { mapReportColumns } from './map-report-columns.js';
import { recordDatasetAndCommit } from '../record-dataset.js';
import { reportWarnings } from './report-warnings.js';
import { drugTableSql, eventTableSql, REPORTS_SOURCE, reportCountsSql, reportTableSql, type MappedColumns } from './report-tables-sql.js';
import { runInSlice } from './scaled-progress.js';
import { combinedSha256, joinSeparateTables, scanSeparateTables } from './separate-tables.js';

export const REPORT_TABLE_NAMES = ['pv_report', 'pv_drug', 'pv_event'] as const;

/**
 * Imports a generic adverse-event table (one row per report, drug and event, e.g. openEBGM's
 * `id, var1, var2, strat1`) into the canonical pv_report, pv_drug and pv_event tables of a schema named
 * after the dataset. The file is read as the table import reads it (same checks, same errors); tables,
 * catalog entry and audit entry are written in one transaction.
 */
export async function importReports(task: Task, audit: AuditLog, source: SourceFile, req: ImportRequest): Promise<ImportResult> {
  const started = Date.now();
  const connection = task.connection;
  const mapping = req.reports as ReportMapping;
  const encoding = req.csv?.encoding ?? 'utf-8';
  const scanned = await scanSource(source, encoding, task);
  const sample = scanned.sample;
  const separate = await scanSeparateTables(task, mapping, encoding);
  const sha256 = separate ? combinedSha256(scanned.sha256, separate) : scanned.sha256;
  task.throwIfCancelled();

  const sameContent = await datasetsWithHash(connection, sha256);
  const firstCopy = sameContent[0];
  if (firstCopy && req.onDuplicate !== 'import') {
    return { dataset: firstCopy, duplicateOf: firstCopy.id, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  }
  const { name, note } = await chooseSchemaName(connection, req.name ?? tableNameFromFile(source.fileName));
  const replaced = await claimSchemaName(connection, name, req.replace === true);
  const delimiter = req.csv?.delimiter ?? sniffDelimiter(sample, source.fileName);
  const readSql = source.format === 'parquet'
    ? buildReadParquetSql(source.path, req.columnTypes)
    : readFromFirstLine(buildReadCsvSql(source.path, { header: true, ...req.csv, delimiter, encoding, compression: source.compression, columnTypes: req.columnTypes }));

  await connection.run('BEGIN TRANSACTION');
  let reading = true;
  try {
    if (replaced) await dropDataset(connection, replaced);
    const firstTable = separate ? 'reports_main' : REPORTS_SOURCE;
    await runInSlice(task, 'reading', `reading ${source.fileName}`, 0, 1, () =>
      connection.run(`CREATE TEMP TABLE ${firstTable} AS SELECT * FROM ${readSql}`));
    reading = false;
    await assertUnchanged(source);
    const orphans = separate ? await joinSeparateTables(task, firstTable, source, separate, mapping, req.csv ?? {}, encoding) : null;
    const columns = await mapReportColumns(connection, mapping, source.fileName, source.path);
    await connection.run(`CREATE SCHEMA ${quoteIdentifier(name)}`);
    await buildReportTables(task, name, columns);
    const counts: Record<string, number> = { ...await readCounts(connection, name, columns), ...(orphans ?? {}) };
    const warnings = await reportWarnings(connection, columns, counts);
    if (orphans && orphans.orphanDrugRows + orphans.orphanEventRows > 0) {
      warnings.push(`${orphans.orphanDrugRows} drug rows and ${orphans.orphanEventRows} event rows name a report that is not in ${source.fileName}; they were left out`);
    }
    if (note) warnings.unshift(`the dataset is named ${name}: ${note}`);
    if (counts.reports === 0) {
      throw new PmwError({ code: 'FILE_EMPTY', message: `${source.fileName} holds no reports: every row lacks a ${columns.report} value`, hint: 'check the --report-col mapping', file: source.path });
    }
    await connection.run(`DROP TABLE ${REPORTS_SOURCE}`);
    task.report('finishing', 1, `recording ${name} in the catalog`);
    const dataset = await recordDatasetAndCommit(connection, audit, {
      transforms: req.transforms, throwIfCancelled: () => task.throwIfCancelled(),
      name,
      kind: 'reports',
      sourceFile: source.path,
      sha256,
      tables: REPORT_TABLE_NAMES.map((table) => `${name}.${table}`),
      description: req.description,
      licence: req.licence,
      detail: { kind: 'reports', source: source.path, sha256, read: readSql, mapping, counts, replaced: replaced?.id ?? null,
        ...(separate ? { sha256ByFile: { report: scanned.sha256, drugs: separate.drugs.sha256, events: separate.events.sha256 } } : {}) },
    });
    return { dataset, counts, warnings, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (task.cancelled || isInterrupt(error)) throw cancelledError(`the import of ${source.fileName}`);
    if (error instanceof PmwError) throw error;
    if (reading && source.format === 'csv') throw await csvImportError(error, source, delimiter);
    throw new PmwError({
      code: reading ? 'FILE_FORMAT' : 'INTERNAL',
      message: `${source.fileName} could not be imported as a report table: ${duckDBErrorText(error).split('\n')[0]?.replace(/^.*?Error: /, '')}`,
      hint: reading ? 'the file may be truncated or damaged; write it again from its source' : 'check the column mapping (--report-col, --drug-col, --event-col, --strata-col)',
      file: source.path,
    });
  }
}

/**
 * Columns are mapped by name, so the first line is the header (unless the request says otherwise), and
 * DuckDB may not skip lines to find a "better" one: on a small all-text file with one ragged row, its
 * sniffer otherwise takes that row as the header and silently drops the lines above it.
 */
function readFromFirstLine(readCsvSql: string): string {
  return `${readCsvSql.slice(0, -1)}, skip = 0)`;
}

async function buildReportTables(task: Task, schema: string, columns: MappedColumns): Promise<void> {
  const steps = [reportTableSql(schema, columns), drugTableSql(schema, columns), eventTableSql(schema, columns)];
  for (const [i, sql] of steps.entries()) {
    await runInSlice(task, 'finishing', `building ${REPORT_TABLE_NAMES[i]}`, i / steps.length, (i + 1) / steps.length, () => task.connection.run(sql));
  }
}

async function readCounts(connection: DuckDBConnection, schema: string, columns: MappedColumns): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(reportCountsSql(schema, columns));
  const row = reader.getRowsJS()[0] ?? [];
  return Object.fromEntries(reader.columnNames().map((name, i) => [name, Number(row[i] ?? 0)]));
}
