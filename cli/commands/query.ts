import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import type { ResultPage } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine, requirePositionals } from '../arguments.js';
import { cancelOnInterrupt } from '../cancel-on-interrupt.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { OUTPUT_FORMATS, plural, renderTabular, type OutputFormat } from '../output/format.js';
import { tabularFromPage } from '../output/tabular.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'query';
export const TABLE_PAGE = 100;
export const EXPORT_PAGE = 10_000;
export const MAX_PAGE = 100_000;

const HELP = `Usage: pmw query "SQL" [options]

Runs SQL (DuckDB dialect) on the workspace and prints one page of the result.
Queries are read-only unless --write is given. Use - as SQL to read it from standard input.

Options:
  --format F        table (default), csv (RFC 4180, with a header line) or json (an array of objects)
  --limit N         rows to print: default ${TABLE_PAGE} for table, ${EXPORT_PAGE.toLocaleString('en-US')} for csv and json,
                    at most ${MAX_PAGE.toLocaleString('en-US')}
  --offset N        skip the first N rows (default 0); page with --offset and --limit
  --param V         a value for the next ? or $1 placeholder (repeatable); values are text,
                    cast them in SQL when needed: where age > ?::INTEGER
  --write           allow statements that change the workspace (CREATE, INSERT, ...)
${WORKSPACE_HELP}

In table output NULL shows as NULL; in CSV it is an empty field and the empty string is "".
In JSON, 64-bit integers beyond 2^53 are strings so that no digit is lost.

Examples:
  pmw query "select strat1, count(*) as n from caers group by all order by n desc"
  pmw query "select * from caers where var1 = ?" --param PREVAGEN --format csv > prevagen.csv`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  param: { type: 'string', multiple: true },
  write: { type: 'boolean' },
} as const;

/** `5 rows (more available: use --offset 5)` */
export function pageFooter(page: ResultPage): string {
  const more = page.hasMore ? ` (more available: use --offset ${page.offset + page.rowCount})` : '';
  return `${plural(page.rowCount, 'row')}${more}\n`;
}

/** The page in the chosen format; in CSV and JSON the note about more rows goes to stderr, out of the data. */
export function renderPage(page: ResultPage, format: OutputFormat): { out: string; note: string } {
  const body = renderTabular(tabularFromPage(page), format);
  if (format === 'table') return { out: body + pageFooter(page), note: '' };
  const note = page.hasMore ? `pmw: more rows available: use --offset ${page.offset + page.rowCount}\n` : '';
  return { out: body, note };
}

export const queryCommand: Command = {
  name: NAME,
  summary: 'run SQL and print the result as a table, CSV or JSON',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [sqlArgument] = requirePositionals(NAME, positionals, ['SQL']);
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const limit = integerOption(NAME, 'limit', values.limit, format === 'table' ? TABLE_PAGE : EXPORT_PAGE, 0, MAX_PAGE);
    const offset = integerOption(NAME, 'offset', values.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const sql = sqlArgument === '-' ? await text(io.stdin) : sqlArgument!;
    const taskId = `pmw-query-${randomUUID()}`;
    const page = await withEngine(resolveWorkspacePath(values.workspace, currentPlatform(io.env)), async (engine) => {
      const interrupt = cancelOnInterrupt(io, engine, taskId);
      try {
        return await engine.query(sql, { limit, offset, params: values.param, write: values.write === true, taskId });
      } finally {
        interrupt.dispose();
      }
    });
    const { out, note } = renderPage(page, format);
    io.out(out);
    if (note) io.err(note);
    return 0;
  },
};
