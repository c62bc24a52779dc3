import { randomUUID } from 'node:crypto';
import type { CharacterizeResult, CharacterizeSpec, Suppression } from '../../workers/engine/api.js';
import { smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine } from '../arguments.js';
import { namingFiles, parseDayWindow, readCohortDefinition } from '../cohort-definitions.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { OUTPUT_FORMATS, renderTabular } from '../output/format.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { UsageError } from '../usage-error.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'characterize';

const HELP = `Usage: pmw characterize DEFINITION.json [--compare DEFINITION2.json] [options]

Table 1 of a cohort, or of two side by side with standardized mean differences: persons, age (mean, SD,
bands), sex, the most frequent conditions and drugs in a window before index, and chosen measurements.
Counts below the minimum cell count are shown as "<n"; in the sex and age band sections, which split the
persons, a count that would give a small one away is hidden as "—".

Options:
  --compare FILE       a second cohort definition, shown beside the first with SMDs
  --dataset NAME       build both cohorts on this dataset instead of the one each definition names
  --window S,E         days relative to index for conditions, drugs and measurements (default -365,0)
  --top N              how many conditions and drugs to list (default 10)
  --age-bands EDGES    age band edges in years (default 0,18,35,50,65,80)
  --measurement L=IDS  a measurement to summarise: label = concept ids, e.g. hba1c=3004410 (repeatable)
  --min-cell N         counts below N are shown as "<N" (default and least: the workspace's minimum cell count)
  --format F           table (default), csv or json
${WORKSPACE_HELP}

Examples:
  pmw characterize samples/cohorts/celecoxib-new-users.json --compare samples/cohorts/diclofenac-new-users.json
  pmw characterize my-cohort.json --window -180,0 --top 20 --format csv > table1.csv`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  compare: { type: 'string' },
  dataset: { type: 'string' },
  window: { type: 'string' },
  top: { type: 'string' },
  'age-bands': { type: 'string' },
  measurement: { type: 'string', multiple: true },
  'min-cell': { type: 'string' },
  format: { type: 'string' },
} as const;

function measurementOption(text: string): { label: string; codes: { concepts: number[] } } {
  const match = /^([^=]+)=(\d+(?:\s*,\s*\d+)*)$/.exec(text.trim());
  if (!match) throw new UsageError(`--measurement must be LABEL=CONCEPT_IDS, e.g. hba1c=3004410 (got ${JSON.stringify(text)})`, NAME);
  return { label: match[1]!.trim(), codes: { concepts: match[2]!.split(',').map((id) => Number(id.trim())) } };
}

function ageBandsOption(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const edges = text.split(',').map((e) => Number(e.trim()));
  if (edges.some((e) => !Number.isInteger(e) || e < 0) || edges.some((e, i) => i > 0 && e <= edges[i - 1]!)) {
    throw new UsageError(`--age-bands must be increasing whole years, e.g. 0,18,65 (got ${JSON.stringify(text)})`, NAME);
  }
  return edges;
}

/** Table 1 as rows: section, characteristic, the cohorts' cells, and the SMD when there are two. */
export function table1Tabular(result: CharacterizeResult, labels: string[]) {
  const two = result.comparatorPersons !== undefined;
  const names = ['section', 'characteristic', labels[0] ?? 'target', ...(two ? [labels[1] ?? 'comparator', 'smd#'] : [])];
  return tabularFromNamedRows(names, result.rows.map((r) => [
    r.section, r.label, r.target.display, ...(two ? [r.comparator?.display ?? '', r.smd === null || r.smd === undefined ? null : Number(r.smd.toFixed(3))] : []),
  ]));
}

/** What Table 1 hid: `<N` cells are small counts, `—` cells without a count protect them. */
export function table1Suppression(result: CharacterizeResult): Suppression {
  const cells = result.rows.flatMap((row) => [row.target, ...(row.comparator ? [row.comparator] : [])]).filter((cell) => cell.count === null);
  const primary = cells.filter((cell) => cell.display.startsWith('<')).length;
  return { minCellCount: result.minCellCount, columns: [], primary, complementary: cells.filter((cell) => cell.display === '—').length };
}

export const characterizeCommand: Command = {
  name: NAME,
  summary: 'Table 1 of a cohort, or two side by side with standardized mean differences',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const target = await readCohortDefinition(NAME, positionals[0], values.dataset);
    const comparator = values.compare ? await readCohortDefinition(NAME, values.compare, values.dataset, '--compare') : undefined;
    const taskId = `pmw-characterize-${randomUUID()}`;
    const window = parseDayWindow(NAME, 'window', values.window);
    const spec: CharacterizeSpec = {
      target, comparator, taskId,
      ...(window ? { window } : {}),
      ...(values.top !== undefined ? { top: integerOption(NAME, 'top', values.top, 10, 1, 1000) } : {}),
      ...(values['age-bands'] !== undefined ? { ageBands: ageBandsOption(values['age-bands']) } : {}),
      ...(values.measurement ? { measurements: values.measurement.map(measurementOption) } : {}),
      ...(values['min-cell'] !== undefined ? { minCellCount: integerOption(NAME, 'min-cell', values['min-cell'], 5, 0, 1_000_000) } : {}),
    };
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const result = await namingFiles({ target: positionals[0], comparator: values.compare }, () =>
      withEngine(workspace, (engine) => withProgress(engine, io, taskId, (p) => engine.characterize(spec, p))));
    const labels = [target.name ?? positionals[0]!, comparator?.name ?? values.compare ?? 'comparator'];
    io.out(renderTabular(table1Tabular(result, labels), format));
    io.err(`${labels[0]}: ${result.targetPersons} persons${result.comparatorPersons !== undefined ? `; ${labels[1]}: ${result.comparatorPersons} persons` : ''}\n`);
    io.err(`${smallCellPolicyLine(table1Suppression(result))}\n`);
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    return 0;
  },
};
