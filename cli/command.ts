import type { CliIo } from './io.js';

/** One `pmw` subcommand. */
export interface Command {
  name: string;
  /** One line for the list in `pmw --help`. */
  summary: string;
  /** The full text of `pmw <name> --help`. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Text shared by every command's help. */
export const WORKSPACE_HELP = `  --workspace W     the workspace file (default: $PMW_WORKSPACE, else workspace.duckdb
                    in the pmw data folder; PMW_DATA_DIR overrides the folder)
  -h, --help        show this help`;
