import { isPmwError } from '../workers/engine/errors.js';
import { UsageError } from './usage-error.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Line breaks inside a message would break the one-line promise, so they become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The error as one line without the `pmw: ` prefix, for the interactive prompt (no stack there). */
export function failureLine(error: unknown): string {
  if (error instanceof UsageError || isPmwError(error)) return oneLine(error.describe());
  return oneLine(error instanceof Error ? error.message : String(error));
}

/**
 * What the user sees when a command fails, and the exit code: usage mistakes exit 2, everything else 1.
 * PmwErrors already carry their position in the message and what to do in the hint. Anything else is a
 * crash of ours or of a library: one line, the stack only with `PMW_DEBUG=1`.
 */
export function describeFailure(error: unknown, env: Record<string, string | undefined>): { exitCode: number; text: string } {
  if (error instanceof UsageError) return { exitCode: EXIT_USAGE, text: `pmw: ${oneLine(error.describe())}\n` };
  if (isPmwError(error)) return { exitCode: EXIT_FAILURE, text: `pmw: ${oneLine(error.describe())}\n` };
  const message = error instanceof Error ? error.message : String(error);
  if (env.PMW_DEBUG === '1') {
    const stack = error instanceof Error && error.stack ? error.stack : message;
    return { exitCode: EXIT_FAILURE, text: `pmw: ${oneLine(message)}\n${stack}\n` };
  }
  return { exitCode: EXIT_FAILURE, text: `pmw: ${oneLine(message)} (an internal error; PMW_DEBUG=1 shows where it happened)\n` };
}
