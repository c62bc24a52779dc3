import type { DuckDBConnection } from '@duckdb/node-api';
import { stagingTable } from './faers-columns.js';
import { REJECT_SCANS_TABLE, REJECTS_TABLE } from './stage-faers-sql.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The lines DuckDB set aside in one file, and the first of them. */
export interface SkippedLines {
  path: string;
  lines: number;
  firstLine: number;
  errorType: string;
  errorMessage: string;
}

export async function skippedLinesByFile(connection: DuckDBConnection): Promise<SkippedLines[]> {
  const reader = await connection.runAndReadAll(
    // A line missing two fields is reported twice (once per missing column): count lines, not errors.
    `SELECT s.file_path, count(DISTINCT e.line), min(e.line),
       first(e.error_type ORDER BY e.line, e.column_idx), first(e.error_message ORDER BY e.line, e.column_idx)
     FROM ${REJECTS_TABLE} e JOIN ${REJECT_SCANS_TABLE} s USING (scan_id, file_id)
     GROUP BY s.file_path ORDER BY s.file_path`,
  );
  return reader.getRowsJS().map((r) => ({
    path: String(r[0]),
    lines: Number(r[1]),
    firstLine: Number(r[2]),
    errorType: String(r[3]),
    errorMessage: String(r[4]),
  }));
}

/** "line 1,204 of DRUG24Q1.txt has 21 fields, the header has 20 (…); it and 2 other lines were skipped". */
export function describeSkippedLines(skipped: SkippedLines, shownAs: string): string {
  const where = `line ${fmt(skipped.firstLine)} of ${shownAs}`;
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(skipped.errorMessage);
  const conversion = /converting column "([^"]+)"\. Could not convert string "([^"]*)"/.exec(skipped.errorMessage);
  let what: string;
  if (fields && skipped.errorType === 'TOO MANY COLUMNS') {
    what = `${where} has ${fields[2]} fields, the header has ${fields[1]} (a "$" inside a value?)`;
  } else if (fields) {
    what = `${where} has ${fields[2]} fields, the header has ${fields[1]} (a line broken in two?)`;
  } else if (conversion) {
    what = `${where} has ${conversion[1]} "${conversion[2]}", which is not a number`;
  } else {
    what = `${where}: ${skipped.errorMessage.split('\n')[0]}`;
  }
  const others = skipped.lines - 1;
  return others === 0 ? `${what}; the line was skipped` : `${what}; it and ${fmt(others)} other line${others === 1 ? '' : 's'} of that file were skipped`;
}

/** Lines of each deleted-case list that are not case ids (beyond a first header line). */
export async function nonNumericDeletedLines(connection: DuckDBConnection): Promise<Map<number, number>> {
  const reader = await connection.runAndReadAll(
    `SELECT file_id, count(*) FILTER (WHERE caseid IS NULL) FROM ${stagingTable('DELETED')} GROUP BY file_id`,
  );
  return new Map(reader.getRowsJS().map((r) => [Number(r[0]), Number(r[1])]));
}
