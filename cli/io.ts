/**
 * Everything a command touches outside itself: output streams, the terminal, the environment, Ctrl-C.
 * `processIo()` is the real process; tests build their own.
 */
export interface CliIo {
  /** Writes to standard output (results). */
  out(text: string): void;
  /** Writes to standard error (errors, notes, progress). */
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
  /** The output stream the interactive prompt writes to. */
  stdout: NodeJS.WritableStream;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width of the terminal behind stderr, for the progress bar. */
  stderrColumns(): number;
  env: Record<string, string | undefined>;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

export function processIo(): CliIo {
  return {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
    stdin: process.stdin,
    stdout: process.stdout,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: () => process.stderr.columns || 80,
    env: process.env,
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => { process.off('SIGINT', handler); };
    },
  };
}
