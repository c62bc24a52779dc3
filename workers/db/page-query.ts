import { StatementType, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import type { QueryOptions, ResultPage } from '../engine/api.js';
import { cancelledError, PmwError } from '../engine/errors.js';
import { readColumns } from './columnar.js';
import { isInterrupt, queryError } from './duckdb-errors.js';
import type { Task } from './tasks.js';

export const DEFAULT_PAGE = 1_000;
export const MAX_PAGE = 100_000;

/** Statement kinds that only read. COPY is left out: it writes files, which is an export. */
const READ_ONLY = new Set<number>([StatementType.SELECT, StatementType.EXPLAIN, StatementType.PRAGMA, StatementType.CALL]);
const PROTECTED_TABLES = /\b_(audit|catalog|meta)\b/i;

type Params = QueryOptions['params'];

/**
 * Runs user SQL and returns one page of its result. A single SELECT is paged in DuckDB
 * (`LIMIT`/`OFFSET` around it), so a page from the middle of a large result costs no more than the page.
 */
export async function pageQuery(task: Task, sql: string, opts: QueryOptions): Promise<ResultPage> {
  const started = Date.now();
  const limit = checkedInteger('limit', opts.limit ?? DEFAULT_PAGE, 0, MAX_PAGE);
  const offset = checkedInteger('offset', opts.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const connection = task.connection;
  const statements = await connection.extractStatements(sql).catch((e: unknown) => { throw failure(task, e, sql); });
  if (statements.count === 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'the query is empty', hint: 'write a SQL statement, e.g. SELECT * FROM my_table' });
  }
  if (statements.count > 1 && opts.params !== undefined) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'parameters can only be used with a single statement', hint: 'run the statements one at a time' });
  }
  let last: DuckDBPreparedStatement | null = null;
  for (let i = 0; i < statements.count; i++) {
    task.throwIfCancelled();
    const prepared = await statements.prepare(i).catch((e: unknown) => { throw failure(task, e, sql); });
    checkAllowed(prepared.statementType, sql, opts.write === true);
    if (i < statements.count - 1) await prepared.run().catch((e: unknown) => { throw failure(task, e, sql); });
    else last = prepared;
  }
  const prepared = last!;
  const pageable = statements.count === 1 && prepared.statementType === StatementType.SELECT;
  const body = stripTrailingSemicolons(sql);
  const run = pageable
    ? () => connection.runAndReadUntil(`SELECT * FROM (\n${body}\n) LIMIT ${limit + 1} OFFSET ${offset}`, limit + 1, toValues(opts.params))
    : () => {
        bindAll(prepared, opts.params);
        return prepared.streamAndReadUntil(offset + limit + 1);
      };
  const reader = await task.runWithProgress('reading', 'running the query', run).catch((e: unknown) => { throw failure(task, e, sql); });
  const columns = readColumns(reader, pageable ? 0 : offset, limit);
  const available = pageable ? reader.currentRowCount : Math.max(0, reader.currentRowCount - offset);
  const rowCount = Math.min(available, limit);
  let totalRows: number | undefined;
  if (opts.count) {
    if (pageable) {
      const counted = await connection.runAndReadAll(`SELECT count(*) FROM (\n${body}\n)`, toValues(opts.params)).catch((e: unknown) => { throw failure(task, e, sql); });
      totalRows = Number(counted.getRowsJS()[0]?.[0] ?? 0);
    } else if (available <= limit) totalRows = offset + available;
  }
  return { taskId: task.id, columns, rowCount, offset, hasMore: available > limit, totalRows, elapsedMs: Date.now() - started };
}

function failure(task: Task, error: unknown, sql: string): PmwError {
  if (task.cancelled || isInterrupt(error)) return cancelledError(task.label);
  return error instanceof PmwError ? error : queryError(error, sql);
}

function checkAllowed(type: number, sql: string, write: boolean): void {
  if (!write && !READ_ONLY.has(type)) {
    throw new PmwError({
      code: 'READ_ONLY',
      message: `this ${StatementType[type] ?? 'statement'} statement would change the workspace, and queries are read-only`,
      hint: 'to create or change tables on purpose, run it with writing allowed (pmw query --write)',
    });
  }
  if (write && !READ_ONLY.has(type) && PROTECTED_TABLES.test(sql)) {
    throw new PmwError({
      code: 'READ_ONLY',
      message: 'the catalog and the audit trail cannot be changed by queries',
      hint: 'import, replace or delete datasets through pmw instead',
    });
  }
}

function checkedInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not ${value}` });
  }
  return value;
}

/** Trailing `;` would end the statement inside our wrapper. Comments are safe: the wrapper closes on a new line. */
function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/u, '');
}

function toValues(params: Params): DuckDBValue[] | Record<string, DuckDBValue> | undefined {
  return params as DuckDBValue[] | Record<string, DuckDBValue> | undefined;
}

function bindAll(prepared: DuckDBPreparedStatement, params: Params): void {
  if (params === undefined) return;
  prepared.bind(params as DuckDBValue[] | Record<string, DuckDBValue>);
}
