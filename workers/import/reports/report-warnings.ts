import type { DuckDBConnection } from '@duckdb/node-api';
import { conflictingReportsSql, type MappedColumns } from './report-tables-sql.js';

const fmt = (n: number) => n.toLocaleString('en-US');
const EXAMPLES = 3;

/** What the report import left out or had to choose, one sentence each. */
export async function reportWarnings(connection: DuckDBConnection, columns: MappedColumns, counts: Record<string, number>): Promise<string[]> {
  const warnings: string[] = [];
  const rowsLeftOut: [string, string][] = [
    ['rowsWithoutReport', `have no ${columns.report} (report id) and were left out`],
    ['rowsWithoutDrug', `have no ${columns.drug} (drug): they add no drug to their report`],
    ['rowsWithoutEvent', `have no ${columns.event} (event): they add no event to their report`],
  ];
  for (const [count, what] of rowsLeftOut) {
    const n = counts[count] ?? 0;
    if (n > 0) warnings.push(`${fmt(n)} row${n === 1 ? '' : 's'} ${what} (${count})`);
  }
  const conflicting = counts.reportsWithConflictingStrata ?? 0;
  if (conflicting > 0) {
    const reader = await connection.runAndReadAll(conflictingReportsSql(columns, EXAMPLES));
    const examples = reader.getRowsJS().map((r) => String(r[0]));
    warnings.push(
      `${fmt(conflicting)} report${conflicting === 1 ? '' : 's'} (e.g. ${examples.join(', ')}) ${conflicting === 1 ? 'has' : 'have'} rows that disagree on ` +
      `${columns.strata.join(' or ')}; each keeps the values of its first row in the file (reportsWithConflictingStrata)`,
    );
  }
  return warnings;
}
