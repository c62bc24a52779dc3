/**
 * The renderer's side of a user-facing error: the PmwErrorData shape (code, message, hint, line, column) as
 * something one can throw. The renderer cannot import workers/engine/errors.ts, so this mirrors it.
 */
import type { ErrorCode, PmwErrorData } from '../../workers/engine/api.js';

export class NotebookError extends Error implements PmwErrorData {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(data: PmwErrorData) {
    super(data.message);
    this.name = 'NotebookError';
    this.code = data.code;
    if (data.hint !== undefined) this.hint = data.hint;
    if (data.line !== undefined) this.line = data.line;
    if (data.column !== undefined) this.column = data.column;
  }

  toData(): PmwErrorData {
    const data: PmwErrorData = { code: this.code, message: this.message };
    if (this.hint !== undefined) data.hint = this.hint;
    if (this.line !== undefined) data.line = this.line;
    if (this.column !== undefined) data.column = this.column;
    return data;
  }
}

const ERROR_CODES = new Set<string>(['FILE_NOT_FOUND', 'FILE_EMPTY', 'FILE_BINARY', 'FILE_ENCODING', 'FILE_COMPRESSION', 'FILE_FORMAT',
  'FILE_CHANGED', 'DATASET_EXISTS', 'DATASET_NOT_FOUND', 'IDENTIFIERS_FOUND', 'BAD_REQUEST', 'QUERY_ERROR', 'READ_ONLY', 'CANCELLED', 'WORKSPACE_LOCKED',
  'WORKSPACE_CORRUPT', 'WORKSPACE_CLOSED', 'INTERNAL']);

/**
 * Whatever was thrown (a NotebookError, an engine PmwError, one rebuilt from a worker message, a plain Error) as
 * plain PmwErrorData, keeping code, hint, line and column when they are there.
 */
export function toErrorData(thrown: unknown): PmwErrorData {
  if (thrown && typeof thrown === 'object') {
    const value = thrown as Partial<PmwErrorData> & { message?: unknown };
    const code = typeof value.code === 'string' && ERROR_CODES.has(value.code) ? value.code : 'INTERNAL';
    const data: PmwErrorData = { code, message: typeof value.message === 'string' ? value.message : String(thrown) };
    if (typeof value.hint === 'string') data.hint = value.hint;
    if (typeof value.file === 'string') data.file = value.file;
    if (typeof value.line === 'number') data.line = value.line;
    if (typeof value.column === 'number') data.column = value.column;
    return data;
  }
  return { code: 'INTERNAL', message: String(thrown) };
}

/** A problem in the notebook text at a 1-based line and column. */
export function badNotebook(message: string, line: number, column: number, hint?: string): NotebookError {
  return new NotebookError({ code: 'BAD_REQUEST', message, line, column, ...(hint ? { hint } : {}) });
}
