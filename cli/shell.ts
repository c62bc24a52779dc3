import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Engine, ResultPage } from '../workers/engine/api.js';
import type { CliIo } from './io.js';
import { formatCount, plural } from './output/format.js';
import { renderTable } from './output/table.js';
import { tabularFromNamedRows, tabularFromPage } from './output/tabular.js';
import { TABLE_PAGE } from './commands/query.js';
import { failureLine } from './report-error.js';

const PROMPT = 'pmw> ';
const CONTINUATION = '...> ';

export const SHELL_HELP = `Type SQL and end it with ; to run it (it may span lines). The first ${TABLE_PAGE} rows are shown.
  .tables          the datasets and their tables
  .schema TABLE    the columns of a table
  .help            this help
  .quit            leave (or press Ctrl-D)
Ctrl-C stops a running query, or clears the statement being typed.`;

type ShellEngine = Pick<Engine, 'query' | 'datasets' | 'cancel'>;

async function tablesText(engine: ShellEngine): Promise<string> {
  const datasets = await engine.datasets();
  if (datasets.length === 0) return 'no tables yet — import a file with pmw import FILE\n';
  const rows = datasets.flatMap((d) => d.tables.map((t) => [t.table, d.kind, formatCount(t.rows), t.columns.length]));
  return renderTable(tabularFromNamedRows(['table', 'kind', 'rows#', 'columns#'], rows));
}

async function schemaText(engine: ShellEngine, name: string): Promise<string> {
  const tables = (await engine.datasets()).flatMap((d) => d.tables);
  const table = tables.find((t) => t.table === name) ?? tables.find((t) => t.table.toLowerCase() === name.toLowerCase());
  if (!table) return `no table named ${name}; .tables lists them\n`;
  const rows = table.columns.map((c) => [c.name, c.type]);
  return `${table.table}: ${formatCount(table.rows)} rows\n` + renderTable(tabularFromNamedRows(['column', 'type'], rows));
}

/** Runs a dot command; resolves to false when the shell should end. */
async function runDotCommand(engine: ShellEngine, io: CliIo, line: string): Promise<boolean> {
  const [command, ...args] = line.trim().split(/\s+/);
  switch (command) {
    case '.quit':
    case '.exit':
      return false;
    case '.help':
      io.out(SHELL_HELP + '\n');
      return true;
    case '.tables':
      io.out(await tablesText(engine));
      return true;
    case '.schema':
      io.out(args[0] ? await schemaText(engine, args[0]) : 'usage: .schema TABLE\n');
      return true;
    default:
      io.out(`unknown command ${command ?? line}; .help lists the commands\n`);
      return true;
  }
}

/** `3 rows`, or a note that only the first page is shown. */
function shellFooter(page: ResultPage): string {
  const more = page.hasMore ? ` shown; more exist (use LIMIT and OFFSET, or pmw query --offset ${page.rowCount})` : '';
  return `${plural(page.rowCount, 'row')}${more}\n`;
}

/** Statement text is complete when its last non-blank character is `;`. */
function isComplete(statement: string): boolean {
  return /;\s*$/.test(statement);
}

/**
 * The interactive SQL prompt of `pmw start`: each statement goes through `engine.query` and prints as a
 * table; an error prints as one line and the prompt stays.
 */
export async function runShell(engine: ShellEngine, io: CliIo): Promise<void> {
  const lines: Interface = createInterface({ input: io.stdin, output: io.stdout, terminal: io.stdinIsTTY, historySize: 500 });
  let statement = '';
  let runningTask: string | null = null;
  lines.on('SIGINT', () => {
    if (runningTask) {
      void engine.cancel(runningTask);
      return;
    }
    io.out(statement ? '\n(statement cleared)\n' : '\n(.quit or Ctrl-D leaves)\n');
    statement = '';
    lines.setPrompt(PROMPT);
    lines.prompt();
  });
  lines.setPrompt(PROMPT);
  lines.prompt();
  for await (const line of lines) {
    if (statement === '' && line.trim().startsWith('.')) {
      const keepGoing = await runDotCommand(engine, io, line).catch((error: unknown) => { io.out(`error: ${failureLine(error)}\n`); return true; });
      if (!keepGoing) break;
    } else if (statement !== '' || line.trim() !== '') {
      statement += (statement ? '\n' : '') + line;
      if (isComplete(statement)) {
        const sql = statement;
        statement = '';
        runningTask = `pmw-shell-${randomUUID()}`;
        try {
          const page = await engine.query(sql, { limit: TABLE_PAGE, taskId: runningTask });
          io.out(renderTable(tabularFromPage(page)) + shellFooter(page));
        } catch (error) {
          io.out(`error: ${failureLine(error)}\n`);
        } finally {
          runningTask = null;
        }
      }
    }
    lines.setPrompt(statement ? CONTINUATION : PROMPT);
    lines.prompt();
  }
  lines.close();
}
