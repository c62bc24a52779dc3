/**
 * The attributes of a cell's info string: ```` ```sql name=users ```` → `{ name: 'users' }`. Values may be quoted
 * (`title="New users by year"`); the first word is the kind and words without `=` are kept in the text only.
 */
import { badNotebook } from './notebook-error.js';

/** `line` and `column` say where `info` starts in the file, for errors. */
export function parseInfoString(info: string, line: number, column: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  const firstWord = /^\s*\S+/.exec(info);
  const rest = info.slice(firstWord?.[0].length ?? 0);
  const offset = info.length - rest.length;
  for (const match of rest.matchAll(/(\S+?)=("([^"]*)("?)|\S*)/g)) {
    const [, key, raw, quoted, closingQuote] = match as unknown as [string, string, string, string | undefined, string | undefined];
    const at = column + offset + match.index;
    if (!/^[A-Za-z_][\w-]*$/.test(key)) throw badNotebook(`${JSON.stringify(key)} is not an attribute name`, line, at, 'write attributes as key=value, e.g. name=users');
    if (raw.startsWith('"') && closingQuote !== '"') throw badNotebook(`the value of ${key} opens a quote it never closes`, line, at, 'close it with "');
    if (key in attrs) throw badNotebook(`the attribute ${key} is given twice`, line, at, 'keep one of them');
    attrs[key] = quoted ?? raw;
  }
  return attrs;
}
