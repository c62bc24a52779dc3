import type { DuckDBConnection } from '@duckdb/node-api';
import { isInterrupt, duckDBErrorText } from '../db/duckdb-errors.js';
import { quoteIdentifier, toIdentifier } from '../db/quote.js';
import type { Task } from '../db/tasks.js';
import type { Dataset, ImportRequest, ImportResult } from '../engine/api.js';
import type { AuditLog } from '../engine/audit-log.js';
import { datasetsWithHash, deleteDatasetEntry, findDataset, quoteTableName } from '../engine/catalog.js';
import { recordDatasetAndCommit } from './record-dataset.js';
import { cancelledError, PmwError } from '../engine/errors.js';
import { csvImportError } from './csv-errors.js';
import { buildReadCsvSql, buildReadParquetSql } from './read-csv-sql.js';
import { scanSource } from './scan-source.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { assertUnchanged, fileVanishedError, tableNameFromFile, type SourceFile } from './source.js';

/**
 * Imports one CSV/TSV/Parquet file as one table, atomically: the table, its catalog entry and its audit
 * entry are written in one transaction, so any failure (bad row, cancel, the file vanishing) leaves the
 * workspace exactly as it was.
 */
export async function importTableFile(task: Task, audit: AuditLog, source: SourceFile, req: ImportRequest): Promise<ImportResult> {
  const started = Date.now();
  const connection = task.connection;
  const encoding = req.csv?.encoding ?? 'utf-8';
  const { sha256, sample } = await scanSource(source, encoding, task);
  task.throwIfCancelled();

  const sameContent = await datasetsWithHash(connection, sha256);
  const firstCopy = sameContent[0];
  if (firstCopy && req.onDuplicate !== 'import') {
    return { dataset: firstCopy, duplicateOf: firstCopy.id, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  }

  const name = await plainTableName(connection, req.name ?? tableNameFromFile(source.fileName));
  const replaced = await checkNameFree(connection, name, req.replace === true);
  const delimiter = req.csv?.delimiter ?? sniffDelimiter(sample, source.fileName);
  const readSql = source.format === 'parquet'
    ? buildReadParquetSql(source.path, req.columnTypes)
    : buildReadCsvSql(source.path, { ...req.csv, delimiter, encoding, compression: source.compression, columnTypes: req.columnTypes });
  const table = quoteIdentifier(name);
  const createSql = `CREATE TABLE ${table} AS SELECT * FROM ${readSql}`;

  await connection.run('BEGIN TRANSACTION');
  try {
    if (replaced) await dropDataset(connection, replaced);
    await task.runWithProgress('reading', `reading ${source.fileName}`, () => connection.run(createSql));
    task.throwIfCancelled();
    task.report('finishing', null, `recording ${name} in the catalog`);
    await assertUnchanged(source);
    const dataset = await recordDatasetAndCommit(connection, audit, {
      transforms: req.transforms, throwIfCancelled: () => task.throwIfCancelled(),
      name,
      kind: 'table',
      sourceFile: source.path,
      sha256,
      tables: [name],
      description: req.description,
      licence: req.licence,
      detail: { sql: createSql, sha256, replaced: replaced?.id ?? null },
    });
    return { dataset, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (task.cancelled || isInterrupt(error)) throw cancelledError(`the import of ${source.fileName}`);
    if (error instanceof PmwError) throw error;
    if (source.format === 'parquet') throw parquetError(error, source);
    throw await csvImportError(error, source, delimiter);
  }
}

/**
 * A name users can type unquoted in SQL: folded to an identifier, and kept clear of DuckDB's reserved
 * words (`order.csv` → `order_data`, `semi.csv` → `semi_data`).
 */
async function plainTableName(connection: DuckDBConnection, wanted: string): Promise<string> {
  const name = toIdentifier(wanted);
  const reader = await connection.runAndReadAll(
    "SELECT count(*) FROM duckdb_keywords() WHERE keyword_name = $1 AND keyword_category IN ('reserved', 'type_function')",
    [name],
  );
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0 ? `${name}_data` : name;
}

/** Fails when the name is taken, unless replacing a dataset; returns the dataset to replace. */
async function checkNameFree(connection: DuckDBConnection, name: string, replace: boolean): Promise<Dataset | null> {
  const existing = await findDataset(connection, name);
  if (existing) {
    if (replace) return existing;
    throw new PmwError({
      code: 'DATASET_EXISTS',
      message: `a dataset named ${name} already exists`,
      hint: 'choose another name (--name), or replace it (--replace)',
    });
  }
  const reader = await connection.runAndReadAll(
    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND lower(table_name) = $1",
    [name],
  );
  if (Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0) {
    throw new PmwError({
      code: 'DATASET_EXISTS',
      message: `the workspace already has a table named ${name}`,
      hint: 'choose another name for this dataset (--name)',
    });
  }
  return null;
}

async function dropDataset(connection: DuckDBConnection, dataset: Dataset): Promise<void> {
  for (const table of dataset.tables) await connection.run(`DROP TABLE IF EXISTS ${quoteTableName(table.table)}`);
  await deleteDatasetEntry(connection, dataset.id);
}

function parquetError(error: unknown, source: SourceFile): PmwError {
  const text = duckDBErrorText(error).split('\n')[0] ?? '';
  if (/No files found|No such file/i.test(text)) {
    return fileVanishedError(source);
  }
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `${source.fileName} is not a readable Parquet file: ${text.replace(/^.*?Error: /, '')}`,
    hint: 'the file may be truncated or damaged; write it again from its source',
    file: source.path,
  });
}
