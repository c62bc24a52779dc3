import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import { STAGED_COLUMNS, stagingTable } from './faers-columns.js';
import { FAERS_TABLES, type FaersTable } from './faers-file-names.js';
import type { FaersHeader } from './faers-header.js';

/** DuckDB writes the lines it could not read here (line number, error), one scan per file. */
export const REJECTS_TABLE = 'faers_rejects';
export const REJECT_SCANS_TABLE = 'faers_reject_scans';
export const FILES_TABLE = 'faers_stage_files';

/** The temporary staging tables, created empty inside the import's transaction. */
export function createStagingTablesSql(): string[] {
  const statements = FAERS_TABLES.map((table) => {
    const columns = STAGED_COLUMNS[table].map((c) => `${quoteIdentifier(c.name)} ${c.type}`);
    return `CREATE TEMP TABLE ${stagingTable(table)} (file_id INTEGER NOT NULL, ${columns.join(', ')})`;
  });
  statements.push(`CREATE TEMP TABLE ${stagingTable('DELETED')} (file_id INTEGER NOT NULL, caseid BIGINT, value VARCHAR)`);
  // quarter_id numbers the quarters in order (NULL for a deleted-case list): joins on it are cheaper than on the text.
  statements.push(`CREATE TEMP TABLE ${FILES_TABLE} (file_id INTEGER PRIMARY KEY, relative_path VARCHAR, path VARCHAR, table_name VARCHAR, quarter VARCHAR, quarter_id INTEGER)`);
  return statements;
}

/**
 * The FAERS text dialect, spelled out so nothing is sniffed: `$` between fields, no quoting, Latin-1.
 * Lines with too many or too few fields, or a key that is not a number, go to the rejects table with their
 * line number instead of failing the import. A trailing `$` (an extra empty field) is read as if absent.
 */
function readFaersCsv(path: string, columns: [string, string][], header: boolean): string {
  const struct = columns.map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`).join(', ');
  return `read_csv(${[
    quoteLiteral(path),
    "delim = '$'", "quote = ''", "escape = ''", `header = ${header}`, 'auto_detect = false',
    "encoding = 'latin-1'", `columns = {${struct}}`,
    'store_rejects = true', `rejects_table = ${quoteLiteral(REJECTS_TABLE)}`, `rejects_scan = ${quoteLiteral(REJECT_SCANS_TABLE)}`,
  ].join(', ')})`;
}

/** `INSERT INTO faers_stage_demo SELECT …` for one quarterly file, columns picked by header name. */
export function stageQuarterFileSql(table: FaersTable, path: string, header: FaersHeader, fileId: number): string {
  const staged = STAGED_COLUMNS[table];
  const keyColumns = new Set(staged.filter((c) => c.type === 'BIGINT').flatMap((c) => c.sources));
  const fileColumns = dedupeNames(header.columns).map((name): [string, string] => [name, keyColumns.has(name) ? 'BIGINT' : 'VARCHAR']);
  const select = staged.map((column) => {
    const source = column.sources.find((name) => header.columns.includes(name));
    return source ? quoteIdentifier(source) : `NULL::${column.type}`;
  });
  const names = staged.map((c) => quoteIdentifier(c.name)).join(', ');
  return `INSERT INTO ${stagingTable(table)} (file_id, ${names}) SELECT ${fileId}, ${select.join(', ')} FROM ${readFaersCsv(path, fileColumns, true)}`;
}

/**
 * A deleted-case list: one case id per line. A line that is not a whole number (a header such as
 * `caseid`) stays in `value` with a NULL `caseid`, so it is counted rather than read as a case.
 */
export function stageDeletedListSql(path: string, fileId: number): string {
  return `INSERT INTO ${stagingTable('DELETED')} (file_id, caseid, value) ` +
    `SELECT ${fileId}, TRY_CAST(trim(value) AS BIGINT), value FROM ${readFaersCsv(path, [['value', 'VARCHAR']], false)}`;
}

/** Header names made unique (`x`, `x_2`), so a repeated name cannot break the column list. */
function dedupeNames(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}
