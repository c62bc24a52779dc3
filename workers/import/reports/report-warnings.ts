import type { DuckDBConnection } from '@duckdb/node-api';
import { conflictingReportsSql, type MappedColumns } from './report-tables-sql.js';

const fmt = (n: number) => n.toLocaleString('en-US');
const EXAMPLES = 3;

/** What the report import left out or had to choose, one sentence each. */
export async function reportWarnings(connection: DuckDBConnection, columns: MappedColumns, counts: Record<string, number>): Promise<string[]> {
  const warnings: string[] = [];
  const rowsLeftOut: [string, string, string][] = [
    ['rowsWithoutReport', `no ${columns.report} (report id)`, 'left out'],
    ['rowsWithoutDrug', `no ${columns.drug} (drug)`, 'read for its event only'],
    ['rowsWithoutEvent', `no ${columns.event} (event)`, 'read for its drug only'],
  ];
  for (const [count, lacking, effect] of rowsLeftOut) {
    const n = counts[count] ?? 0;
    if (n > 0) warnings.push(`${fmt(n)} row${n === 1 ? ' has' : 's have'} ${lacking}, ${n === 1 ? 'it was' : 'they were'} ${effect} (${count})`);
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
