/**
 * A plot spec or plot data error the user can act on, in the PmwErrorData shape (code, message, hint, line,
 * column) so the notebook view shows it like an Engine error. The renderer cannot use workers' PmwError, hence
 * this class; `path` is the JSON path of the offending part of the spec (`marks[1].mark`), '' for the whole.
 */
import type { ErrorCode, PmwErrorData } from '../../workers/engine/api.js';

export class PlotSpecError extends Error implements PmwErrorData {
  readonly code: ErrorCode = 'BAD_REQUEST';
  readonly hint?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: string;

  constructor(data: { message: string; hint?: string; line?: number; column?: number; path?: string }) {
    super(data.message);
    this.name = 'PlotSpecError';
    this.path = data.path ?? '';
    if (data.hint !== undefined) this.hint = data.hint;
    if (data.line !== undefined) this.line = data.line;
    if (data.column !== undefined) this.column = data.column;
  }

  toData(): PmwErrorData {
    const { code, message, hint, line, column } = this;
    return { code, message, hint, line, column };
  }
}
