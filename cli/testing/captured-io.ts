import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../io.js';

/** A CliIo for in-process tests: stdin from the given text, stdout and stderr captured as strings. */
export function capturedIo(input = '', env: Record<string, string | undefined> = {}): CliIo & { stdoutText(): string; stderrText(): string } {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  stdout.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
  return {
    out: (text) => { out += text; },
    err: (text) => { err += text; },
    stdin: Readable.from([input]),
    stdout,
    stdinIsTTY: false,
    stderrIsTTY: false,
    stderrColumns: () => 80,
    env,
    onInterrupt: () => () => undefined,
    stdoutText: () => out,
    stderrText: () => err,
  };
}
