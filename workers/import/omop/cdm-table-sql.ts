import { quoteIdentifier, toIdentifier } from '../../db/quote.js';
import { PmwError } from '../../engine/errors.js';
import type { CdmTable } from './cdm-tables.js';
import { readFileSql, type ScannedFile } from './scan-folder-files.js';

/** How one file fills its CDM table: which file column feeds each CDM column, and what else it holds. */
export interface CdmTableRead {
  table: CdmTable;
  scanned: ScannedFile;
  /** CDM column → the file's column name; CDM columns without one are NULL. */
  sourceOf: Map<string, string>;
  /** File columns that are not CDM columns: kept after them, under their folded names. */
  extras: { name: string; as: string }[];
  /** Types asked of DuckDB, by the file's column names. */
  types: Record<string, string>;
}

/**
 * Matches a file's header to its table: names in any case (folded like every identifier), 5.3 names
 * renamed in 5.4 to the new name. Refuses a header without the table's required columns, which is what a
 * file without a header line, or the wrong file under a CDM name, looks like.
 */
export function planCdmTableRead(table: CdmTable, scanned: ScannedFile): CdmTableRead {
  const byFolded = new Map<string, string>();
  for (const { name } of scanned.columns) {
    const folded = toIdentifier(name);
    const taken = byFolded.get(folded);
    if (taken !== undefined) throw headerError(scanned, `names the column ${folded} twice (${taken} and ${name})`, 'give each column one name and import again');
    byFolded.set(folded, name);
  }
  const renamedTo = new Map(Object.entries(table.renamedIn54).map(([old, renamed]) => [renamed, old]));
  const sourceOf = new Map<string, string>();
  for (const column of table.columns) {
    const direct = byFolded.get(column.name);
    const old = renamedTo.get(column.name);
    const source = direct ?? (old !== undefined ? byFolded.get(old) : undefined);
    if (source !== undefined) sourceOf.set(column.name, source);
  }
  const used = new Set(sourceOf.values());
  const extras = [...byFolded].filter(([, name]) => !used.has(name)).map(([folded, name]) => ({ name, as: folded }));
  const missing = table.required.filter((c) => !sourceOf.has(c));
  if (missing.length > 0 || sourceOf.size === 0) {
    const what = missing.length > 0 ? `has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}` : `has none of the columns of the ${table.name} table`;
    throw headerError(scanned, `${what}; its columns are ${scanned.columns.map((c) => c.name).join(', ')}`,
      `an OMOP CDM file starts with a header line naming its columns (${table.name}: ${table.columns.slice(0, 4).map((c) => c.name).join(', ')}, …)`);
  }
  const types: Record<string, string> = {};
  for (const column of table.columns) {
    const source = sourceOf.get(column.name);
    if (source !== undefined) types[source] = column.type;
  }
  // Extra columns of a text file stay text: a later value that did not fit a sniffed type would fail the import.
  for (const extra of extras) types[extra.name] = 'VARCHAR';
  return { table, scanned, sourceOf, extras, types };
}

function headerError(scanned: ScannedFile, what: string, hint: string): PmwError {
  return new PmwError({ code: 'FILE_FORMAT', message: `${scanned.source.fileName} ${what}`, hint, file: scanned.source.path, line: 1 });
}

/** `CREATE TABLE schema.table` with the CDM columns in DDL order and no rows. */
export function createEmptyCdmTableSql(schema: string, table: CdmTable): string {
  const columns = table.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ');
  return `CREATE TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(table.name)} (${columns})`;
}

/**
 * `CREATE TABLE schema.table AS SELECT …` from the file: CDM columns in DDL order with their CDM types
 * (text read with those types, so DuckDB names the line of a value that does not fit; Parquet columns cast,
 * empty text taken as NULL), missing CDM columns NULL, extra columns after them.
 */
export function createCdmTableSql(schema: string, read: CdmTableRead): string {
  const select = read.table.columns.map(({ name, type }) => {
    const source = read.sourceOf.get(name);
    const value = source === undefined ? `CAST(NULL AS ${type})` : typedColumnSql(read.scanned, source, type);
    return `${value} AS ${quoteIdentifier(name)}`;
  });
  for (const extra of read.extras) select.push(`${quoteIdentifier(extra.name)} AS ${quoteIdentifier(extra.as)}`);
  const from = readFileSql(read.scanned, read.scanned.source.format === 'parquet' ? {} : read.types);
  return `CREATE TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(read.table.name)} AS SELECT ${select.join(', ')} FROM ${from}`;
}

/**
 * A file column as `type`: text files are read with that type already (read_csv `types`); Parquet columns
 * are cast, empty text counting as NULL as it does in text files.
 */
export function typedColumnSql(scanned: ScannedFile, column: string, type: string): string {
  const quoted = quoteIdentifier(column);
  if (scanned.source.format !== 'parquet') return quoted;
  const fileType = scanned.columns.find((c) => c.name === column)?.type;
  return `CAST(${fileType === 'VARCHAR' && type !== 'VARCHAR' ? `NULLIF(trim(${quoted}), '')` : quoted} AS ${type})`;
}
