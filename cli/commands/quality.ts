import { randomUUID } from 'node:crypto';
import type { QualityCheck, QualityReport } from '../../workers/engine/api.js';
import { COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount, plural } from '../output/format.js';
import { renderJson } from '../output/json.js';
import { renderTable } from '../output/table.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'quality';

const HELP = `Usage: pmw quality NAME [--json] [--fail-only]

Runs the data quality report of a dataset, modelled on OHDSI's Data Quality Dashboard, and prints one
line per check: its category (completeness, plausibility, conformance, uniqueness, integrity), what it
checks, the table and column, the failing rows out of the rows it looked at, their share, the largest
share that still passes, and PASS or FAIL. The SQL that lists the failing rows of each failed check
follows the table; paste it into pmw query to see them. The checks and their thresholds are listed in
docs/quality.md. The run is recorded in the audit trail.

Exit status: 0 when every check passes, 1 when at least one fails (or on an error), so scripts can stop
on data that does not pass.

Options:
  --json            print the whole report as JSON (every check with its SQL)
  --fail-only       list only the checks that failed
${WORKSPACE_HELP}

Examples:
  pmw quality gibleed --fail-only
  pmw quality caers --json > caers-quality.json`;

const OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean' }, 'fail-only': { type: 'boolean' } } as const;

/** `0%`, `1%`, `0.13%`, `<0.01%` for a share that is not zero but rounds to it. */
export function percent(share: number): string {
  if (share > 0 && share < 0.0001) return '<0.01%';
  return `${Number((share * 100).toFixed(2))}%`;
}

function where(check: QualityCheck): string {
  const table = check.table.slice(check.table.lastIndexOf('.') + 1);
  return check.column === undefined ? table : `${table}.${check.column}`;
}

/** The heading line, a table of checks, and the SQL of each failed check. */
export function renderQualityReport(report: Omit<QualityReport, 'elapsedMs'> & { elapsedMs?: number }, options: { failOnly?: boolean } = {}): string {
  const shown = options.failOnly ? report.checks.filter((c) => c.status === 'fail') : report.checks;
  const took = report.elapsedMs === undefined ? '' : ` in ${(report.elapsedMs / 1000).toFixed(1)} s`;
  const heading = `${report.datasetName} (${report.kind}): ${plural(report.checks.length, 'check')}, ${formatCount(report.passed)} passed, ` +
    `${formatCount(report.failed)} failed${took}`;
  if (shown.length === 0) return `${heading}\n`;
  const rows = shown.map((c) => [
    c.category, c.description, where(c), `${formatCount(c.failing)} / ${formatCount(c.denominator)}`, percent(c.share), percent(c.threshold),
    c.status === 'pass' ? 'PASS' : 'FAIL',
  ]);
  const table = renderTable(tabularFromNamedRows(['category', 'check', 'table.column', 'failing / rows#', 'share#', 'threshold#', 'result'], rows), { maxCellWidth: 70 });
  const failed = shown.filter((c) => c.status === 'fail');
  const sql = failed.map((c) => `-- ${c.id}: ${c.description} (${plural(c.failing, 'row')})\n${c.sql};\n`);
  return [heading, '', table, ...(sql.length > 0 ? ['The failing rows of each failed check:', '', sql.join('\n')] : [])].join('\n');
}

export const qualityCommand: Command = {
  name: NAME,
  summary: 'the data quality report of a dataset (completeness, plausibility, conformance, uniqueness, integrity)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [name] = requirePositionals(NAME, positionals, ['NAME']);
    const taskId = `pmw-quality-${randomUUID()}`;
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const report = await withEngine(workspace, (engine) => withProgress(engine, io, taskId, (p) => engine.quality(name!, { taskId }, p)));
    io.out(values.json ? renderJson(report) : renderQualityReport(report, { failOnly: values['fail-only'] === true }));
    return report.failed > 0 ? 1 : 0;
  },
};
