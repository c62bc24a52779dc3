import type { DuckDBConnection } from '@duckdb/node-api';
import type { FaersTable } from './faers-file-names.js';
import type { FaersFile } from './faers-file-set.js';
import { rowsPerFile } from './faers-counts.js';
import { describeSkippedLines, nonNumericDeletedLines, skippedLinesByFile } from './faers-warnings.js';

const fmt = (n: number) => n.toLocaleString('en-US');

export interface ReadFile {
  file: FaersFile;
  table: FaersTable | 'DELETED';
  quarter: string | null;
}

const ORPHANS: [string, string][] = [
  ['orphanDrugRows', 'DRUG'], ['orphanEventRows', 'REAC'], ['orphanOutcomeRows', 'OUTC'],
  ['orphanIndicationRows', 'INDI'], ['orphanTherapyRows', 'THER'], ['orphanReportSourceRows', 'RPSR'],
];

/**
 * Everything the user should hear about that did not stop the import: skipped lines (with the first
 * one's line number), files or whole quarters with nothing but a header, orphan rows, odd deleted lists.
 * Adds `skippedLines` to `counts`.
 */
export async function faersImportWarnings(connection: DuckDBConnection, files: ReadFile[], counts: Record<string, number>): Promise<string[]> {
  const warnings: string[] = [];
  const byPath = new Map(files.map((f) => [f.file.path, f]));
  const skipped = await skippedLinesByFile(connection);
  counts.skippedLines = skipped.reduce((sum, s) => sum + s.lines, 0);
  for (const s of skipped) warnings.push(describeSkippedLines(s, byPath.get(s.path)?.file.relativePath ?? s.path));

  const rows = await rowsPerFile(connection);
  const skippedPaths = new Set(skipped.map((s) => s.path));
  const emptyByQuarter = new Map<string, ReadFile[]>();
  files.forEach((f, fileId) => {
    if (f.quarter === null || (rows.get(fileId) ?? 0) > 0 || skippedPaths.has(f.file.path)) return;
    emptyByQuarter.set(f.quarter, [...(emptyByQuarter.get(f.quarter) ?? []), f]);
  });
  for (const [quarter, empty] of emptyByQuarter) {
    const all = files.filter((f) => f.quarter === quarter);
    if (empty.length === all.length) {
      warnings.push(`quarter ${quarter} is empty: its files (${all.map((f) => f.file.relativePath).join(', ')}) hold only a header line, so it adds no reports`);
    } else {
      for (const f of empty) {
        warnings.push(`${f.file.relativePath} holds only a header line${f.table === 'DEMO' ? `: quarter ${quarter} adds no reports` : `: quarter ${quarter} has no ${f.table} rows`}`);
      }
    }
  }

  for (const [count, table] of ORPHANS) {
    const n = counts[count] ?? 0;
    if (n > 0) warnings.push(`${fmt(n)} ${table} row${n === 1 ? ' names' : 's name'} a primaryid with no DEMO row in the same quarter; left out (${count})`);
  }
  if ((counts.rowsWithoutKey ?? 0) > 0) {
    warnings.push(`${fmt(counts.rowsWithoutKey!)} rows have an empty primaryid (or caseid in DEMO); left out (rowsWithoutKey)`);
  }
  const nonNumeric = await nonNumericDeletedLines(connection);
  files.forEach((f, fileId) => {
    const n = nonNumeric.get(fileId) ?? 0;
    // One such line is the header ("caseid"); more are lines we could not read as case ids.
    if (f.table === 'DELETED' && n > 1) warnings.push(`${f.file.relativePath}: ${fmt(n)} lines are not case ids and were ignored (one header line is expected, not more)`);
  });
  return warnings;
}
