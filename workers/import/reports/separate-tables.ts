import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { CsvOptions, ReportMapping } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { csvImportError } from '../csv-errors.js';
import { buildReadCsvSql, buildReadParquetSql } from '../read-csv-sql.js';
import { scanSource } from '../scan-source.js';
import { sniffDelimiter } from '../sniff-delimiter.js';
import { assertUnchanged, inspectSource, type SourceFile } from '../source.js';
import { REPORTS_SOURCE } from './report-tables-sql.js';

/** The drug and event files of a report import given as separate tables, checked and hashed. */
export interface SeparateTables {
  drugs: { source: SourceFile; sha256: string; delimiter: string };
  events: { source: SourceFile; sha256: string; delimiter: string };
}

/** Null for the one-table form; fails when only one of the two files is given. */
export async function scanSeparateTables(task: Task, mapping: ReportMapping, encoding: 'utf-8' | 'latin-1'): Promise<SeparateTables | null> {
  if (mapping.drugFile === undefined && mapping.eventFile === undefined) return null;
  if (!mapping.drugFile || !mapping.eventFile) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'separate report tables need both a drug file and an event file', hint: 'give both --drug-file and --event-file, or neither' });
  }
  const scan = async (path: string) => {
    const source = await inspectSource(path);
    const { sha256, sample } = await scanSource(source, encoding, task);
    return { source, sha256, delimiter: sniffDelimiter(sample, source.fileName) };
  };
  return { drugs: await scan(mapping.drugFile), events: await scan(mapping.eventFile) };
}

/** One digest for the three files: SHA-256 over the report, drug and event files' own SHA-256s, in that order. */
export function combinedSha256(reportSha256: string, tables: SeparateTables): string {
  return createHash('sha256').update(`${reportSha256}\n${tables.drugs.sha256}\n${tables.events.sha256}\n`).digest('hex');
}

async function columnsOf(connection: DuckDBConnection, table: string): Promise<string[]> {
  return (await connection.runAndReadAll(`DESCRIBE ${table}`)).getRowsJS().map((r) => String(r[0]));
}

function need(columns: string[], wanted: string, source: SourceFile, role: string): string {
  const found = columns.find((c) => c === wanted) ?? columns.find((c) => c.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  throw new PmwError({
    code: 'BAD_REQUEST',
    message: `${source.fileName} has no column ${wanted} (named as the ${role} column)`,
    hint: `its columns are: ${columns.join(', ')}`,
    file: source.path,
  });
}

async function readTable(task: Task, table: string, file: { source: SourceFile; delimiter: string }, csv: CsvOptions, encoding: 'utf-8' | 'latin-1'): Promise<void> {
  const { source, delimiter } = file;
  const read = source.format === 'parquet'
    ? buildReadParquetSql(source.path, undefined)
    : `${buildReadCsvSql(source.path, { header: true, ...csv, delimiter, encoding, compression: source.compression }).slice(0, -1)}, skip = 0)`;
  try {
    await task.connection.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${read}`);
  } catch (error) {
    if (source.format === 'csv') throw await csvImportError(error, source, delimiter);
    throw error;
  }
  await assertUnchanged(source);
}

/**
 * Reads the drug and event files and joins them to the report table (already read into `reportsTable`)
 * as the one-table form's source: one row per (report, drug, event), in file order, reports without a
 * drug or event kept with NULLs. Rows of the drug or event file whose report is not in the report table
 * are left out and counted.
 */
export async function joinSeparateTables(
  task: Task,
  reportsTable: string,
  reportsSource: SourceFile,
  tables: SeparateTables,
  mapping: ReportMapping,
  csv: CsvOptions,
  encoding: 'utf-8' | 'latin-1',
): Promise<{ orphanDrugRows: number; orphanEventRows: number }> {
  const connection = task.connection;
  await readTable(task, 'reports_drugs', tables.drugs, csv, encoding);
  await readTable(task, 'reports_events', tables.events, csv, encoding);
  const main = await columnsOf(connection, reportsTable);
  const report = quoteIdentifier(need(main, mapping.reportColumn, reportsSource, 'report'));
  const drugColumns = await columnsOf(connection, 'reports_drugs');
  const eventColumns = await columnsOf(connection, 'reports_events');
  const drugReport = quoteIdentifier(need(drugColumns, mapping.reportColumn, tables.drugs.source, 'report'));
  const drug = need(drugColumns, mapping.drugColumn, tables.drugs.source, 'drug');
  const eventReport = quoteIdentifier(need(eventColumns, mapping.reportColumn, tables.events.source, 'report'));
  const event = need(eventColumns, mapping.eventColumn, tables.events.source, 'event');
  for (const [column, source] of [[drug, tables.drugs.source], [event, tables.events.source]] as const) {
    if (main.some((c) => c.toLowerCase() === column.toLowerCase())) {
      throw new PmwError({ code: 'BAD_REQUEST', message: `column ${column} of ${source.fileName} is also a column of the report table ${reportsSource.fileName}`, hint: 'rename one of them so the mapping is unambiguous', file: source.path });
    }
  }
  await connection.run(`CREATE TEMP TABLE ${REPORTS_SOURCE} AS
    SELECT m.*, d.${quoteIdentifier(drug)}, e.${quoteIdentifier(event)}
    FROM ${reportsTable} m
    LEFT JOIN reports_drugs d ON d.${drugReport} = m.${report}
    LEFT JOIN reports_events e ON e.${eventReport} = m.${report}
    ORDER BY m.rowid, d.rowid, e.rowid`);
  const orphans = (table: string, key: string) =>
    `SELECT count(*) FROM ${table} x WHERE x.${key} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${reportsTable} m WHERE m.${report} = x.${key})`;
  const reader = await connection.runAndReadAll(`SELECT (${orphans('reports_drugs', drugReport)}), (${orphans('reports_events', eventReport)})`);
  const [orphanDrugRows, orphanEventRows] = (reader.getRowsJS()[0] ?? [0, 0]).map(Number) as [number, number];
  await connection.run(`DROP TABLE reports_drugs; DROP TABLE reports_events; DROP TABLE ${reportsTable}`);
  return { orphanDrugRows, orphanEventRows };
}
