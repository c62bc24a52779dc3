/** The JSON body of an analysis cell, with the line and column of a syntax error. */
import { badNotebook } from './notebook-error.js';
import { lineAndColumnAt } from './sql-identifiers.js';

/** Where JSON.parse stopped: its message says `at position N`, or names the token it did not expect. */
function errorOffset(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/end of JSON input/.test(message)) return text.length;
  const token = /Unexpected token '?(.)'?/.exec(message);
  if (token) {
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"' && text[i - 1] !== '\\') inString = !inString;
      else if (!inString && c === token[1]) return i;
    }
  }
  return 0;
}

export function parseJsonSpec(text: string, what: string): unknown {
  if (text.trim() === '') throw badNotebook(`the ${what} cell is empty`, 1, 1, 'write its spec as a JSON object, e.g. { "dataset": "faers" }');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = lineAndColumnAt(text, errorOffset(text, message));
    throw badNotebook(`the ${what} spec is not valid JSON: ${message.split('\n')[0]}`, line, column,
      'check the quotes, commas and braces near there (keys need double quotes, no comma after the last item)');
  }
}
