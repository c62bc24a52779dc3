import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, ColumnScan, PrivacyScan } from '../../../engine/api.js';
import { duckDBErrorText, isInterrupt } from '../../../db/duckdb-errors.js';
import { cancelledError, PmwError } from '../../../engine/errors.js';
import { quoteTableName } from '../../../engine/catalog.js';
import { findingsOf, verdictOf } from './classify.js';
import { needsScan, planColumn } from './column-checks.js';
import { countMatches } from './count-matches.js';
import { readExamples, type ExampleRequest } from './examples.js';

/** One table to scan, as the catalog describes it. */
export interface ScanTarget {
  /** `table` or `schema.table`, unquoted. */
  table: string;
  columns: ColumnInfo[];
  rows: number;
}

export interface ScanOptions {
  /** Masked examples per finding (default 3). */
  examples?: number;
  /** Called before each table is scanned. */
  onTable?: (index: number, count: number, table: string) => void;
  /** Checked between statements; throw to stop. */
  throwIfCancelled?: () => void;
}

const DEFAULT_EXAMPLES = 3;

/**
 * Scans the tables for direct identifiers, quasi-identifiers and pseudonymous keys: per table one aggregate
 * pass that evaluates every check on every column, then one statement that reads masked examples of what
 * was found. Only columns with findings are listed.
 */
export async function scanTables(connection: DuckDBConnection, targets: ScanTarget[], options: ScanOptions = {}): Promise<Omit<PrivacyScan, 'dataset'>> {
  const started = performance.now();
  const examples = options.examples ?? DEFAULT_EXAMPLES;
  if (!Number.isInteger(examples) || examples < 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `examples must be a whole number ≥ 0, got ${examples}`, hint: 'leave it out for 3' });
  }
  const columns: ColumnScan[] = [];
  let rows = 0;
  let columnsScanned = 0;
  for (const [index, target] of targets.entries()) {
    options.onTable?.(index, targets.length, target.table);
    const table = await scanTable(connection, target, examples, options.throwIfCancelled);
    rows += table.rows;
    columnsScanned += target.columns.length;
    columns.push(...table.columns);
  }
  return {
    scannedAt: new Date().toISOString(),
    rows,
    columns,
    columnsScanned,
    identifierColumns: columns.filter((c) => c.verdict === 'identifier').length,
    quasiIdentifierColumns: columns.filter((c) => c.verdict === 'quasi_identifier').length,
    pseudonymousColumns: columns.filter((c) => c.verdict === 'pseudonymous').length,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function scanTable(
  connection: DuckDBConnection,
  target: ScanTarget,
  examples: number,
  throwIfCancelled: (() => void) | undefined,
): Promise<{ rows: number; columns: ColumnScan[] }> {
  const quotedTable = quoteTableName(target.table);
  const plans = target.columns.map((column, i) => planColumn(column, i)).filter(needsScan);
  throwIfCancelled?.();
  const counts = await runOnTable(target.table, throwIfCancelled, () => countMatches(connection, quotedTable, plans));
  const scanned = plans.map((plan, i) => ({ plan, nonNull: counts.columns[i]!.nonNull, findings: findingsOf(plan, counts.columns[i]!) }))
    .filter((c) => c.findings.length > 0);
  const requests: ExampleRequest[] = scanned.flatMap((c) => c.findings.map((finding) => ({ column: c.plan.column.name, finding })));
  throwIfCancelled?.();
  const masked = await runOnTable(target.table, throwIfCancelled, () => readExamples(connection, quotedTable, requests, examples));
  let at = 0;
  const columns = scanned.map(({ plan, nonNull, findings }): ColumnScan => {
    const withExamples = findings.map(({ where: _where, ...finding }) => ({ ...finding, examples: masked[at++]! }));
    return { table: target.table, column: plan.column.name, type: plan.column.type, nonNull, findings: withExamples, verdict: verdictOf(withExamples) };
  });
  return { rows: counts.rows, columns };
}

/**
 * DuckDB errors (a table that is gone, a column renamed since the catalog was read) as PmwErrors naming the
 * table; an interrupt is a cancellation.
 */
async function runOnTable<T>(table: string, throwIfCancelled: (() => void) | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PmwError) throw error;
    throwIfCancelled?.();
    if (isInterrupt(error)) throw cancelledError(`the privacy scan of ${table}`);
    throw new PmwError({
      code: 'QUERY_ERROR',
      message: `the privacy scan of ${table} failed: ${duckDBErrorText(error).split('\n')[0]}`,
      hint: 'check that the table and its columns still exist (pmw catalog), then scan again',
    });
  }
}
