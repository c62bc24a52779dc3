import { ENGINE_VERSION } from '../workers/engine/version.js';
import type { Command } from './command.js';
import { assocCommand } from './commands/assoc.js';
import { auditCommand } from './commands/audit.js';
import { catalogCommand } from './commands/catalog.js';
import { characterizeCommand } from './commands/characterize.js';
import { cohortCommand } from './commands/cohort.js';
import { incidenceCommand } from './commands/incidence.js';
import { pgxCommand } from './commands/pgx.js';
import { policyCommand } from './commands/policy.js';
import { privacyCommand } from './commands/privacy.js';
import { qualityCommand } from './commands/quality.js';
import { survivalCommand } from './commands/survival.js';
import { variantsCommand } from './commands/variants.js';
import { importCommand } from './commands/import.js';
import { linkCommand } from './commands/link.js';
import { profileCommand } from './commands/profile.js';
import { queryCommand } from './commands/query.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { signalsCommand } from './commands/signals.js';
import { startCommand } from './commands/start.js';
import type { CliIo } from './io.js';
import { describeFailure } from './report-error.js';
import { UsageError } from './usage-error.js';

export const COMMANDS: readonly Command[] = [startCommand, importCommand, catalogCommand, queryCommand, profileCommand, signalsCommand, cohortCommand,
  characterizeCommand, incidenceCommand, survivalCommand, variantsCommand, assocCommand, pgxCommand, linkCommand, qualityCommand, privacyCommand, policyCommand, auditCommand, serveCommand, runCommand];

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `pmw — Precision Medicine Workbench on the command line

Usage: pmw <command> [options]

Commands:
${list}

Every command takes --workspace W (default: $PMW_WORKSPACE, else workspace.duckdb in the pmw data
folder, which PMW_DATA_DIR overrides) and --help.
Exit codes: 0 success, 1 the data or the workspace said no, 2 the command line was wrong.

New here? Run: pmw start`;
}

/**
 * `pmw --workspace W query ...` reads naturally too: leading `--workspace` options move behind the
 * command name, where the command's own parser finds them.
 */
function moveLeadingWorkspaceOption(argv: string[]): string[] {
  const leading: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index]!;
    if (arg === '--workspace' && index + 1 < argv.length) {
      leading.push(arg, argv[index + 1]!);
      index += 2;
    } else if (arg.startsWith('--workspace=')) {
      leading.push(arg);
      index += 1;
    } else break;
  }
  const [command, ...rest] = argv.slice(index);
  return command === undefined ? leading : [command, ...leading, ...rest];
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  throw new UsageError(`unknown command ${name}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
}

/** Runs one command line and resolves to the exit code; failures are printed as one line on stderr. */
export async function runPmw(argv: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = moveLeadingWorkspaceOption(argv);
    if (name === undefined || name === '--help' || name === '-h') {
      io.out(generalHelp() + '\n');
      return 0;
    }
    if (name === '--version' || name === '-V') {
      io.out(`pmw ${ENGINE_VERSION}\n`);
      return 0;
    }
    if (name === 'help') {
      io.out((rest[0] === undefined ? generalHelp() : findCommand(rest[0]).help) + '\n');
      return 0;
    }
    if (name.startsWith('-')) throw new UsageError(`${name} must come after a command, e.g. pmw query ${name} ...`);
    return await findCommand(name).run(rest, io);
  } catch (error) {
    const failure = describeFailure(error, io.env);
    io.err(failure.text);
    return failure.exitCode;
  }
}
