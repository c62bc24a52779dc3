import { PmwError } from '../engine/errors.js';

interface DuckDBErrorJson {
  exception_type?: string;
  exception_message?: string;
  position?: string;
  [key: string]: unknown;
}

/** DuckDB reports errors as JSON when `errors_as_json` is on, sometimes behind a `Parser Error: ` prefix. */
export function parseDuckDBError(message: string): DuckDBErrorJson | null {
  const start = message.indexOf('{');
  if (start < 0) return null;
  try {
    const parsed: unknown = JSON.parse(message.slice(start));
    return parsed && typeof parsed === 'object' ? (parsed as DuckDBErrorJson) : null;
  } catch {
    return null;
  }
}

/** The text of a DuckDB error without the JSON wrapping, e.g. `Binder Error: Referenced column "x" not found`. */
export function duckDBErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const parsed = parseDuckDBError(message);
  if (!parsed?.exception_message) return message;
  const type = parsed.exception_type ? `${parsed.exception_type} Error: ` : '';
  return `${type}${parsed.exception_message}`;
}

export function isInterrupt(error: unknown): boolean {
  const text = duckDBErrorText(error);
  return /^INTERRUPT Error|Interrupted!/i.test(text);
}

/** 1-based line and column of a 0-based character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** A DuckDB error on user SQL, with the line and column DuckDB pointed at. */
export function queryError(error: unknown, sql: string): PmwError {
  const message = error instanceof Error ? error.message : String(error);
  const parsed = parseDuckDBError(message);
  const text = duckDBErrorText(error).split('\n')[0] ?? 'query failed';
  const position = parsed?.position !== undefined ? Number(parsed.position) : NaN;
  if (Number.isFinite(position)) {
    const { line, column } = lineAndColumn(sql, position);
    return new PmwError({
      code: 'QUERY_ERROR',
      message: `${text} (SQL line ${line}, column ${column})`,
      hint: 'fix the SQL at that position and run it again',
      line,
      column,
    });
  }
  return new PmwError({ code: 'QUERY_ERROR', message: text, hint: 'fix the SQL and run it again' });
}
