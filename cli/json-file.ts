import { readFile } from 'node:fs/promises';
import { PmwError } from '../workers/engine/errors.js';

/** Line and column (1-based) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads a JSON object from a file (a spec or a cohort definition); a syntax error is reported with the
 * line and column JSON.parse stopped at.
 */
export async function readJsonObject(path: string, what: string, example: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `${what} ${path} cannot be read`, hint: 'give the path of a JSON file', file: path });
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    const place = offset === undefined ? (/end of JSON input/.test(message) ? lineAndColumn(text, text.length) : null) : lineAndColumn(text, Number(offset));
    throw new PmwError({
      code: 'FILE_FORMAT',
      message: `${what} ${path} is not valid JSON${place ? ` at line ${place.line}, column ${place.column}` : ''}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      hint: `fix the JSON there; the file should look like ${example}`,
      file: path,
      ...(place ?? {}),
    });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PmwError({ code: 'FILE_FORMAT', message: `${what} ${path} is not a JSON object`, hint: `write it as ${example}`, file: path });
  }
  return parsed as Record<string, unknown>;
}
