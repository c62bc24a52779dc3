/**
 * Streaming line writer: lines are buffered into chunks of a few hundred kilobytes, each chunk goes to a
 * file stream (waiting for 'drain' when the stream is full), and a SHA-256 of the bytes is kept on the way.
 * Nothing ever holds a whole file in memory, so the large sample set streams like the small one.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';

export type Field = string | number | null | undefined;

export interface LineWriterOptions {
  /** Line ending; FAERS files use CRLF, everything else LF. */
  eol?: '\n' | '\r\n';
  /** 'latin1' writes each character as one byte (FAERS free text); 'utf8' otherwise. */
  encoding?: 'utf8' | 'latin1';
}

/** What was written: enough for a manifest to pin the file. */
export interface WrittenFile {
  path: string;
  lines: number;
  bytes: number;
  sha256: string;
}

const CHUNK_CHARACTERS = 256 * 1024;

export class LineWriter {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private readonly eol: string;
  private readonly encoding: 'utf8' | 'latin1';
  private pending: string[] = [];
  private pendingCharacters = 0;
  private lineCount = 0;
  private byteCount = 0;

  constructor(
    readonly path: string,
    options: LineWriterOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path);
    this.eol = options.eol ?? '\n';
    this.encoding = options.encoding ?? 'utf8';
  }

  /** Buffers one line (without its line ending). Call `flushIfFull` now and then to bound memory. */
  line(text: string): void {
    this.pending.push(text, this.eol);
    this.pendingCharacters += text.length + this.eol.length;
    this.lineCount++;
  }

  /** Writes the buffered chunk once it is large, waiting while the file stream is backed up. */
  async flushIfFull(): Promise<void> {
    if (this.pendingCharacters >= CHUNK_CHARACTERS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), this.encoding);
    this.pending = [];
    this.pendingCharacters = 0;
    this.hash.update(bytes);
    this.byteCount += bytes.length;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  async close(): Promise<WrittenFile> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return { path: this.path, lines: this.lineCount, bytes: this.byteCount, sha256: this.hash.digest('hex') };
  }
}

/** Waits for every writer whose buffer is full; call once per generated unit (person, case, variant). */
export async function flushFullWriters(writers: Iterable<LineWriter>): Promise<void> {
  for (const writer of writers) await writer.flushIfFull();
}

function fieldText(value: Field): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

/** One CSV record (RFC 4180): fields quoted only when they contain a comma, quote or line break. */
export function csvRecord(fields: readonly Field[]): string {
  return fields
    .map((value) => {
      const text = fieldText(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/**
 * One record of a format without quoting (FAERS '$', TSV, VCF tab): a field that contains the delimiter
 * or a line break is a generator bug, so it throws rather than writing a broken row.
 */
export function delimitedRecord(fields: readonly Field[], delimiter: string): string {
  return fields
    .map((value) => {
      const text = fieldText(value);
      if (text.includes(delimiter) || /[\r\n]/.test(text)) {
        throw new Error(`field '${text}' contains the delimiter '${delimiter}' or a line break`);
      }
      return text;
    })
    .join(delimiter);
}
