import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { setLocale, LOCALES, type Locale } from '../../renderer/i18n/i18n.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import type { Cell, CellState, Notebook } from '../../renderer/notebook/notebook.js';
import { createNotebookRuntime } from '../../renderer/notebook/runtime.js';
import { PmwError } from '../../workers/engine/errors.js';
import { ENGINE_VERSION } from '../../workers/engine/version.js';
import { choiceOption, COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { withEngine } from '../open-engine.js';
import { datasetsUsed, sha256Hex } from '../../renderer/report/provenance.js';
import type { ReportDocument } from '../../renderer/report/report-html.js';
import { UsageError } from '../usage-error.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'run';

const HELP = `Usage: pmw run NOTEBOOK.md --out REPORT.html [options]

Runs every cell of a notebook (docs/notebooks.md) in the workspace, in order, and writes one self-contained
HTML report: the prose, each cell with its table, analysis summary or plot (inline SVG), the errors of cells
that failed, and a provenance footer (datasets read with their SHA-256, versions, time, the notebook's own
SHA-256 and the small-cell policy). The report loads nothing from the network.
Progress goes to stderr, one line per cell; Ctrl-C cancels the running cell. Exits 1 when a cell failed
(the report is still written, showing the error).

Options:
  --out FILE        the HTML report to write
  --lang L          en (default) or zh-CN: the language of the report's own text
${WORKSPACE_HELP}

Example:
  pmw start
  pmw run notebooks/cohort-basics.md --out cohort-basics.html`;

const OPTIONS = { ...COMMON_OPTIONS, out: { type: 'string' }, lang: { type: 'string' } } as const;

function describeCell(cell: Cell): string {
  return [cell.kind, cell.name, cell.kind === 'plot' && cell.attrs.data ? `of ${cell.attrs.data}` : undefined].filter(Boolean).join(' ');
}

async function readNotebook(path: string): Promise<{ text: string; notebook: Notebook }> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `cannot read ${path}: ${error.code ?? error.message}`, hint: 'check the notebook path', file: path });
  });
  try {
    return { text, notebook: parseNotebook(text) };
  } catch (error) {
    const data = error as { message: string; hint?: string; line?: number; column?: number };
    const where = data.line !== undefined ? `${basename(path)} line ${data.line}, column ${data.column ?? 1}: ` : '';
    throw new PmwError({ code: 'BAD_REQUEST', message: `${where}${data.message}`, hint: data.hint, file: path, line: data.line, column: data.column });
  }
}

/** One line per cell as it finishes: `[3/12] sql users: done (0.2 s)`, errors with their position and hint. */
function progressLine(index: number, total: number, cell: Cell, state: CellState): string | null {
  const head = `[${index + 1}/${total}] ${describeCell(cell)}`;
  const seconds = state.elapsedMs !== undefined ? ` (${(state.elapsedMs / 1000).toFixed(1)} s)` : '';
  if (state.status === 'running') return `${head}: running…\n`;
  if (state.status === 'done') return `${head}: done${seconds}\n`;
  if (state.status === 'cancelled') return `${head}: cancelled\n`;
  if (state.status === 'error' && state.error) {
    const where = state.error.line !== undefined ? ` at line ${state.error.line}, column ${state.error.column ?? 1} of the cell` : '';
    return `${head}: failed${where}: ${state.error.message}${state.error.hint ? ` — ${state.error.hint}` : ''}\n`;
  }
  return null;
}

async function runNotebook(io: CliIo, workspace: string, path: string, out: string): Promise<number> {
  const { text, notebook } = await readNotebook(path);
  const code = notebook.cells.filter((c) => c.kind !== 'markdown');
  return withEngine(workspace, async (engine) => {
    const runtime = createNotebookRuntime(engine, { taskIdPrefix: `pmw-run-${randomUUID()}-` });
    runtime.load(notebook);
    const lastStatus = new Map<string, CellState['status']>();
    runtime.subscribe((id, state) => {
      // Progress updates repeat the running state; one line per change of status is enough.
      if (lastStatus.get(id) === state.status) return;
      lastStatus.set(id, state.status);
      const index = code.findIndex((c) => c.id === id);
      const line = index < 0 ? null : progressLine(index, code.length, code[index]!, state);
      if (line) io.err(line);
    });
    let interrupted = false;
    const stop = io.onInterrupt(() => {
      if (interrupted) process.exit(130);
      interrupted = true;
      io.err('cancelling… (Ctrl-C again to stop at once)\n');
      void runtime.cancel();
    });
    try {
      await runtime.run();
    } finally {
      stop();
    }
    const info = await engine.info();
    const metaMin = notebook.meta.minCellCount;
    // Plot, linkedom and marked load only when a report is written, so other commands start fast.
    const { reportHtml } = await import('../../renderer/report/report-html.js');
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const html = reportHtml(notebook, (cell) => runtime.state(cell.id), {
      datasets: datasetsUsed(notebook.cells, await engine.datasets()),
      appVersion: ENGINE_VERSION, duckdbVersion: info.duckdbVersion, time: new Date().toISOString(),
      notebookFile: basename(path), notebookSha256: await sha256Hex(text),
      minCellCount: typeof metaMin === 'number' ? metaMin : null,
      policy: await engine.privacyPolicy(),
    }, document as unknown as ReportDocument);
    await writeFile(out, html);
    const failed = code.filter((c) => runtime.state(c.id).status !== 'done');
    io.err(`wrote ${out}${failed.length > 0 ? `; ${failed.length} of ${code.length} cells did not finish` : ''}\n`);
    return failed.length > 0 ? 1 : 0;
  });
}

export const runCommand: Command = {
  name: NAME,
  summary: 'run a notebook and write a self-contained HTML report',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [notebookPath] = requirePositionals(NAME, positionals, ['NOTEBOOK']);
    if (!values.out) throw new UsageError('--out REPORT.html is required', NAME);
    setLocale(choiceOption(NAME, 'lang', values.lang, LOCALES as readonly Locale[], 'en'));
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    return runNotebook(io, workspace, resolve(notebookPath!), resolve(values.out));
  },
};
