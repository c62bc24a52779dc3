/** The JSON body of an analysis cell, with the line and column of a syntax error. */
import { syntaxErrorPosition } from '../plot/json-locations.js';
import { badNotebook } from './notebook-error.js';
import { lineAndColumnAt } from './sql-identifiers.js';

/** Node 20 often names only the token it did not expect (`Unexpected token 'x', "…" is not valid JSON`): find it outside strings. */
function unexpectedTokenOffset(text: string, message: string): number {
  const token = /Unexpected token '?(.)'?/.exec(message);
  if (!token) return 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') inString = !inString;
    else if (!inString && c === token[1]) return i;
  }
  return 0;
}

export function parseJsonSpec(text: string, what: string): unknown {
  if (text.trim() === '') throw badNotebook(`the ${what} cell is empty`, 1, 1, 'write its spec as a JSON object, e.g. { "dataset": "faers" }');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    const { line, column } = syntaxErrorPosition(text, message) ?? lineAndColumnAt(text, unexpectedTokenOffset(text, message));
    throw badNotebook(`the ${what} spec is not valid JSON: ${message}`, line, column,
      'check the quotes, commas and braces near there (keys need double quotes, no comma after the last item)');
  }
}
