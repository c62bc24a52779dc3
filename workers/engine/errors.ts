import type { ErrorCode, PmwErrorData } from './api.js';

/**
 * An error a user can meet and act on. Carries where it happened (file, line, column) and what to do,
 * and crosses worker boundaries intact (see transfer.ts).
 */
export class PmwError extends Error implements PmwErrorData {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(data: PmwErrorData) {
    super(data.message);
    this.name = 'PmwError';
    this.code = data.code;
    if (data.hint !== undefined) this.hint = data.hint;
    if (data.file !== undefined) this.file = data.file;
    if (data.line !== undefined) this.line = data.line;
    if (data.column !== undefined) this.column = data.column;
  }

  toData(): PmwErrorData {
    const { code, message, hint, file, line, column } = this;
    return { code, message, hint, file, line, column };
  }

  /** `message — hint`, the one line the CLI prints. */
  describe(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

export function isPmwError(value: unknown): value is PmwError {
  return value instanceof PmwError;
}

/** Wraps anything thrown into a PmwError, keeping PmwErrors as they are. */
export function toPmwError(value: unknown, fallback: ErrorCode = 'INTERNAL'): PmwError {
  if (value instanceof PmwError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new PmwError({ code: fallback, message });
}

export function cancelledError(what: string): PmwError {
  return new PmwError({ code: 'CANCELLED', message: `${what} was cancelled`, hint: 'nothing was changed' });
}
