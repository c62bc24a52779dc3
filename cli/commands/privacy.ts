import { randomUUID } from 'node:crypto';
import type { KAnonymityResult, PrivacyScan } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount } from '../output/format.js';
import { renderJson } from '../output/json.js';
import { renderTable } from '../output/table.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { describeTransform, parseTransforms, TRANSFORM_HELP } from '../transform-option.js';
import { UsageError } from '../usage-error.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'privacy';

const HELP = `Usage: pmw privacy scan NAME [--table T] [--format table|json]
       pmw privacy transform NAME --transform T [--transform T …]
       pmw privacy kanon NAME --qi COL,COL,… [--k K] [--table T] [--format table|json]

scan       finds direct identifiers (names, Chinese resident ID numbers, US SSNs, phone numbers,
           e-mail addresses, addresses, record numbers), quasi-identifiers (exact birth dates,
           postcodes) and pseudonymous keys (UUIDs, hashes) by column name (English, Chinese) and by
           content, also inside free text; per column: what, the share of rows, masked examples. The
           scan is kept in the dataset's catalog entry. Exit 1 when direct identifiers are found.
transform  applies de-identification transforms to the dataset, atomically, recorded in the catalog
           and the audit trail.
kanon      k-anonymity over quasi-identifiers: the smallest equivalence class, records in classes
           below k, the combinations that drive the risk, and generalisations to consider.

Options:
  --table T         one table of the dataset (default: all for scan, the first for kanon)
  --qi COLS         the quasi-identifiers, comma-separated
  --k K             the k of k-anonymity (default 5)
${TRANSFORM_HELP}
  --format F        table (default) or json
${WORKSPACE_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  table: { type: 'string' },
  qi: { type: 'string' },
  k: { type: 'string' },
  transform: { type: 'string', multiple: true },
  format: { type: 'string' },
} as const;

export function renderScan(scan: PrivacyScan): string {
  const head = `scanned ${formatCount(scan.columnsScanned)} columns, ${formatCount(scan.rows)} rows: ` +
    `${scan.identifierColumns} with direct identifiers, ${scan.quasiIdentifierColumns} with quasi-identifiers, ${scan.pseudonymousColumns} pseudonymous keys\n`;
  if (scan.columns.length === 0) return head;
  const rows = scan.columns.flatMap((c) => c.findings.map((f) => [
    `${c.table}.${c.column}`, c.verdict.replace('_', '-'), f.kind.replace('_', ' '), f.evidence.replace('_', ' '),
    formatCount(f.rows), `${(f.share * 100).toFixed(1)}%`, f.examples.join('  '),
  ]));
  return head + renderTable(tabularFromNamedRows(['column', 'verdict', 'found', 'by', 'rows#', 'share#', 'examples (masked)'], rows), { maxCellWidth: 60 });
}

export function renderKAnonymity(result: KAnonymityResult): string {
  const lines = [
    `k-anonymity of ${result.table} over ${result.columns.join(', ')} (k = ${result.k}): ${formatCount(result.records)} records, ` +
      `${formatCount(result.classes)} classes, smallest ${formatCount(result.smallestClass)}; ` +
      `${formatCount(result.recordsBelowK)} records in ${formatCount(result.classesBelowK)} classes below k`,
    '',
    'what drives the risk:',
    renderTable(tabularFromNamedRows(['columns', 'classes#', 'smallest#', 'records below k#'],
      result.drivers.map((d) => [d.columns.join(' + '), formatCount(d.classes), formatCount(d.smallestClass), formatCount(d.recordsBelowK)]))).trimEnd(),
  ];
  if (result.suggestions.length > 0) {
    lines.push('', 'generalisations to consider (pmw privacy transform):');
    lines.push(renderTable(tabularFromNamedRows(['suggestion', 'classes#', 'smallest#', 'records below k#'],
      result.suggestions.map((s) => [s.description, formatCount(s.result.classes), formatCount(s.result.smallestClass), formatCount(s.result.recordsBelowK)]))).trimEnd());
  }
  return lines.join('\n') + '\n';
}

export const privacyCommand: Command = {
  name: NAME,
  summary: 'scan a dataset for identifiers, de-identify it, or report its k-anonymity',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [action, name] = requirePositionals(NAME, positionals, ['ACTION', 'NAME']);
    const format = choiceOption(NAME, 'format', values.format, ['table', 'json'] as const, 'table');
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const taskId = `pmw-privacy-${randomUUID()}`;
    if (action === 'scan') {
      const scan = await withEngine(workspace, (engine) => withProgress(engine, io, taskId, (progress) =>
        engine.scanPrivacy(name!, { ...(values.table ? { table: values.table } : {}), taskId }, progress)));
      io.out(format === 'json' ? renderJson(scan) : renderScan(scan));
      return scan.identifierColumns > 0 ? 1 : 0;
    }
    if (action === 'transform') {
      const transforms = parseTransforms(values.transform, NAME);
      if (!transforms) throw new UsageError('give at least one --transform', NAME);
      const { applied } = await withEngine(workspace, (engine) => withProgress(engine, io, taskId, (progress) =>
        engine.applyTransforms(name!, transforms, { taskId }, progress)));
      io.out(format === 'json' ? renderJson(applied) : applied.map((a) => `${describeTransform(a.transform, a.table)}: ${formatCount(a.rows)} rows changed\n`).join(''));
      return 0;
    }
    if (action === 'kanon') {
      const columns = (values.qi ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
      if (columns.length === 0) throw new UsageError('name the quasi-identifiers with --qi, e.g. --qi age,sex,postcode', NAME);
      const k = integerOption(NAME, 'k', values.k, 5, 1, 1_000_000);
      const result = await withEngine(workspace, (engine) => withProgress(engine, io, taskId, (progress) =>
        engine.kAnonymity({ dataset: name!, quasiIdentifiers: columns, k, taskId, ...(values.table ? { table: values.table } : {}) }, progress)));
      io.out(format === 'json' ? renderJson(result) : renderKAnonymity(result));
      return 0;
    }
    throw new UsageError(`unknown action ${action ?? ''}; use scan, transform or kanon`, NAME);
  },
};
