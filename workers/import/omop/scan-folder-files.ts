import type { DuckDBConnection } from '@duckdb/node-api';
import { duckDBErrorText } from '../../db/duckdb-errors.js';
import { quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import { PmwError } from '../../engine/errors.js';
import { buildReadCsvSql, checkedTypeName } from '../read-csv-sql.js';
import { scanSource } from '../scan-source.js';
import { sniffDelimiter } from '../sniff-delimiter.js';
import { inspectSource, type SourceFile } from '../source.js';
import type { CsvOptions } from '../../engine/api.js';
import { csvImportError } from '../csv-errors.js';
import { folderDigest } from '../faers/source-digest.js';
import type { FolderFile } from './cdm-files.js';
import { taskSlice } from './task-slice.js';

/** How text files are read: the request's CSV options, else UTF-8 and RFC 4180 quoting. */
export interface TextDialect {
  encoding: 'utf-8' | 'latin-1';
  /** Fixed for every file when given; else sniffed per file (comma or tab). */
  delimiter?: string;
  quote: string;
  escape: string;
}

/**
 * OMOP CSV exports quote with `"` and double it to escape; saying so spares DuckDB's dialect sniffer,
 * which took most of the time of a small table.
 */
export function textDialect(csv: CsvOptions | undefined): TextDialect {
  return { encoding: csv?.encoding ?? 'utf-8', delimiter: csv?.delimiter, quote: csv?.quote ?? '"', escape: csv?.escape ?? '"' };
}

/** A file checked and hashed, with its dialect and its header as DuckDB reads it. */
export interface ScannedFile {
  file: FolderFile;
  source: SourceFile;
  sha256: string;
  dialect: TextDialect;
  /** For text files: the dialect's, or sniffed from the first lines; `,` for Parquet (unused). */
  delimiter: string;
  /** Column names as in the file, and the type DuckDB sees (sniffed for text). */
  columns: { name: string; type: string }[];
}

/**
 * Reads each file once (SHA-256, binary content, UTF-8, gzip integrity — see scan-source.ts), picks its
 * delimiter and reads its header. Progress moves through the files in order.
 */
export async function scanFolderFiles(task: Task, files: FolderFile[], dialect: TextDialect): Promise<ScannedFile[]> {
  const scanned: ScannedFile[] = [];
  for (const [index, file] of files.entries()) {
    const slice = taskSlice(task, index / files.length, (index + 1) / files.length);
    const source = { ...(await inspectSource(file.path)), fileName: file.relativePath };
    const { sha256, sample } = await scanSource(source, dialect.encoding, slice);
    const delimiter = source.format === 'csv' ? dialect.delimiter ?? sniffDelimiter(sample, file.relativePath) : ',';
    const partial = { file, source, sha256, dialect, delimiter, columns: [] };
    scanned.push({ ...partial, columns: await describeFile(task.connection, partial) });
  }
  return scanned;
}

/**
 * `read_parquet(…)`, or `read_csv(…)` with nothing left to DuckDB's sniffer: every column typed (as given,
 * else VARCHAR) and dates read as ISO unless a format is given. Left to itself, the sniffer took a date
 * format from one odd value (`02/04/2019`) and then refused every ISO date, naming the wrong line.
 */
export function readFileSql(scanned: ScannedFile, columnTypes: Record<string, string> = {}, dateFormat?: string): string {
  const { source, delimiter, dialect: { encoding, quote, escape } } = scanned;
  if (source.format === 'parquet') return `read_parquet(${quoteLiteral(source.path)})`;
  const columns = scanned.columns.map(({ name }) => `${quoteLiteral(name)}: ${quoteLiteral(checkedTypeName(name, columnTypes[name] ?? 'VARCHAR'))}`);
  const options = [
    quoteLiteral(source.path), `delim = ${quoteLiteral(delimiter)}`, `quote = ${quoteLiteral(quote)}`, `escape = ${quoteLiteral(escape)}`,
    'header = true', 'auto_detect = false', 'strict_mode = true', `encoding = ${quoteLiteral(encoding)}`,
    `compression = ${quoteLiteral(source.compression === 'gzip' ? 'gzip' : 'none')}`, `columns = {${columns.join(', ')}}`,
  ];
  if (dateFormat !== undefined) options.push(`dateformat = ${quoteLiteral(dateFormat)}`);
  return `read_csv(${options.join(', ')})`;
}

/** The header as DuckDB reads it (names; types sniffed, unused but for Parquet). */
async function describeFile(connection: DuckDBConnection, scanned: ScannedFile): Promise<ScannedFile['columns']> {
  const { source, delimiter, dialect: { encoding, quote, escape } } = scanned;
  const read = source.format === 'parquet'
    ? `read_parquet(${quoteLiteral(source.path)})`
    : buildReadCsvSql(source.path, { delimiter, quote, escape, header: true, encoding, compression: source.compression });
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`);
    return reader.getRowsJS().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  } catch (error) {
    if (source.format === 'parquet') throw parquetUnreadable(error, source);
    throw await csvImportError(error, source, delimiter);
  }
}

/** The folder's SHA-256 over the files read (see source-digest.ts), plus extra named inputs such as a mapping. */
export function digestOf(files: ScannedFile[], extra: { relativePath: string; sha256: string }[] = []): string {
  return folderDigest([...files.map((f) => ({ relativePath: f.file.relativePath, sha256: f.sha256 })), ...extra]);
}

export function parquetUnreadable(error: unknown, source: SourceFile): PmwError {
  const text = (duckDBErrorText(error).split('\n')[0] ?? '').replace(/^.*?Error: /, '');
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `${source.fileName} is not a readable Parquet file: ${text}`,
    hint: 'the file may be truncated or damaged; write it again from its source',
    file: source.path,
  });
}
