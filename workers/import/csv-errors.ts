import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { duckDBErrorText } from '../db/duckdb-errors.js';
import { PmwError } from '../engine/errors.js';
import { countFields } from './sniff-delimiter.js';
import { fileVanishedError, type SourceFile } from './source.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Turns a DuckDB error from reading a CSV file into one that names the line and says what to do. */
export async function csvImportError(error: unknown, source: SourceFile, delimiter: string): Promise<PmwError> {
  const text = duckDBErrorText(error);
  const file = source.path;
  const name = source.fileName;
  const line = Number(/CSV Error on Line: (\d+)/.exec(text)?.[1] ?? NaN);
  const at = Number.isFinite(line) ? { line } : {};
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  if (columns && Number.isFinite(line)) {
    return raggedRow(source, line, Number(columns[2]), Number(columns[1]));
  }
  const conversion = /Error when converting column "([^"]+)"\. Could not convert string "([^"]*)" to '([^']+)'/.exec(text);
  if (conversion) {
    const [, column, value, type] = conversion;
    return new PmwError({
      code: 'FILE_FORMAT',
      message: `${Number.isFinite(line) ? `line ${fmt(line)} of ${name}` : name}: column ${column} holds "${value}", which is not a ${type} like the rows before it`,
      hint: `import again with that column read as text (--type ${column}=VARCHAR), or fix the value`,
      file,
      ...at,
    });
  }
  if (/unterminated quotes/i.test(text)) {
    return new PmwError({
      code: 'FILE_FORMAT',
      message: `${Number.isFinite(line) ? `line ${fmt(line)} of ${name}` : name} opens a quoted field that is never closed`,
      hint: 'fix the quoting, or import with quoting turned off (--quote "")',
      file,
      ...at,
    });
  }
  if (/No files found|No such file/i.test(text)) {
    return fileVanishedError(source);
  }
  if (/Error when sniffing file/i.test(text)) {
    const ragged = await findRaggedLine(source, delimiter);
    if (ragged) return raggedRow(source, ragged.line, ragged.found, ragged.expected);
    return new PmwError({
      code: 'FILE_FORMAT',
      message: `${name}: the CSV layout could not be worked out (delimiter ${JSON.stringify(delimiter)})`,
      hint: 'give the delimiter, quote and header explicitly (--delimiter, --quote, --header/--no-header)',
      file,
    });
  }
  if (/COLUMN_TYPES error|do not exist in the CSV File/i.test(text)) {
    return new PmwError({ code: 'BAD_REQUEST', message: `${name}: ${text.split('\n')[0]?.replace(/^.*?Error: /, '')}`, hint: 'type overrides must name columns of the file; check the spelling', file });
  }
  const maxLine = /Maximum line size of (\d+) bytes exceeded/i.exec(text);
  if (maxLine) {
    return new PmwError({
      code: 'FILE_FORMAT',
      message: `${Number.isFinite(line) ? `line ${fmt(line)} of ${name}` : name} is longer than ${fmt(Number(maxLine[1]))} bytes`,
      hint: 'the delimiter or the line endings may be wrong (one huge line); check them, or give the delimiter explicitly',
      file,
      ...at,
    });
  }
  const detail = text
    .split('\n')
    .map((l) => l.replace(/^[\w ]*Error: /, '').trim())
    .find((l) => l !== '' && !/^CSV Error on Line/.test(l) && !/^Original Line/.test(l));
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `${Number.isFinite(line) ? `line ${fmt(line)} of ${name}` : name}: ${detail ?? 'the file could not be read as CSV'}`,
    hint: 'check the file, or give the delimiter, quote and header explicitly',
    file,
    ...at,
  });
}

function raggedRow(source: SourceFile, line: number, found: number, expected: number): PmwError {
  return new PmwError({
    code: 'FILE_FORMAT',
    message: `line ${fmt(line)} of ${source.fileName} has ${found} field${found === 1 ? '' : 's'}, the header has ${expected}`,
    hint: found < expected
      ? 'the file may be truncated or a line broken in two; fix that line and import again'
      : 'a field may hold an unquoted delimiter; quote it, or check the delimiter, and import again',
    file: source.path,
    line,
  });
}

/** Slow path, only after DuckDB gave up: the first line whose field count differs from the header's. */
export async function findRaggedLine(
  source: SourceFile,
  delimiter: string,
): Promise<{ line: number; found: number; expected: number } | null> {
  const raw = createReadStream(source.path);
  const input = source.compression === 'gzip' ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let expected = -1;
  let number = 0;
  try {
    for await (const text of lines) {
      number += 1;
      if (text === '') continue;
      const found = countFields(text, delimiter);
      if (expected < 0) expected = found;
      else if (found !== expected) return { line: number, found, expected };
    }
  } catch {
    return null;
  } finally {
    lines.close();
    raw.destroy();
  }
  return null;
}
