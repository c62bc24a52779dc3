import { randomUUID } from 'node:crypto';
import type { IncidenceResult, IncidenceSpec, Suppression } from '../../workers/engine/api.js';
import { hiddenCountText, smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine } from '../arguments.js';
import { namingFiles, parseTimeAtRisk, readCohortDefinition } from '../cohort-definitions.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { OUTPUT_FORMATS, renderTabular, type OutputFormat } from '../output/format.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { UsageError } from '../usage-error.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'incidence';

const HELP = `Usage: pmw incidence --target DEF.json --outcome DEF.json --tar START,END [options]

The incidence rate of an outcome in a target cohort within a time at risk, per 1,000 person-years with an
exact Poisson 95% interval, and the proportion of persons with the outcome. Persons whose outcome came
before their time at risk are left out; time at risk stops at the first outcome and at the end of
observation.

Options:
  --target FILE     the target cohort definition
  --outcome FILE    the outcome cohort definition (its start date is the outcome date)
  --tar START,END   days from the cohort start, or from its end when written end, end+N:
                    1,365 = the first year after index; 0,end = the whole cohort era
  --washout N       only leave out outcomes in the N days before the time at risk (default: any before)
  --dataset NAME    build both cohorts on this dataset
  --min-cell N      outcome counts below N are not shown (default and least: the workspace's minimum cell count)
  --format F        table (default), csv or json
${WORKSPACE_HELP}

Example:
  pmw incidence --target samples/cohorts/celecoxib-new-users.json --outcome samples/cohorts/gi-bleed.json --tar 1,365`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  target: { type: 'string' },
  outcome: { type: 'string' },
  tar: { type: 'string' },
  washout: { type: 'string' },
  dataset: { type: 'string' },
  'min-cell': { type: 'string' },
  format: { type: 'string' },
} as const;

const round = (x: number | null, digits: number): number | null => (x === null ? null : Number(x.toFixed(digits)));

/** What the incidence hid: the outcomes when fewer than the minimum (with the rate computed from them). */
export function incidenceSuppression(r: IncidenceResult): Suppression {
  return { minCellCount: r.minCellCount, columns: ['outcomes'], primary: r.outcomes === null ? 1 : 0, complementary: 0 };
}

/** One row; in tables and CSV a hidden outcome count reads `<N` and the figures computed from it `—`. */
export function incidenceTabular(r: IncidenceResult, format: OutputFormat) {
  const hidden = (value: number | null, text: string) => (value === null && r.outcomes === null && format !== 'json' ? text : value);
  const derived = (value: number | null) => hidden(value, '—');
  return tabularFromNamedRows(
    ['persons#', 'prior outcome#', 'no time#', 'at risk#', 'outcomes#', 'person-years#', 'rate per 1000 PY#', 'lower#', 'upper#', 'proportion#'],
    [[r.persons, r.excludedPriorOutcome, r.excludedNoTime, r.personsAtRisk, hidden(r.outcomes, hiddenCountText(incidenceSuppression(r))), round(r.personYears, 2),
      derived(round(r.rate, 3)), derived(round(r.lower, 3)), derived(round(r.upper, 3)), derived(round(r.proportion, 5))]]);
}

export const incidenceCommand: Command = {
  name: NAME,
  summary: 'incidence rate of an outcome in a cohort (per 1,000 person-years, exact 95% CI)',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    if (!values.tar) throw new UsageError('--tar START,END is required, e.g. --tar 1,365', NAME);
    const tar = parseTimeAtRisk(NAME, values.tar);
    const target = await readCohortDefinition(NAME, values.target, values.dataset, '--target');
    const outcome = await readCohortDefinition(NAME, values.outcome, values.dataset, '--outcome');
    const taskId = `pmw-incidence-${randomUUID()}`;
    const spec: IncidenceSpec = {
      target, outcome, tar, taskId,
      ...(values.washout !== undefined ? { washoutDays: integerOption(NAME, 'washout', values.washout, 0, 0, 100_000) } : {}),
      ...(values['min-cell'] !== undefined ? { minCellCount: integerOption(NAME, 'min-cell', values['min-cell'], 5, 0, 1_000_000) } : {}),
    };
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const result = await namingFiles({ target: values.target, outcome: values.outcome }, () =>
      withEngine(workspace, (engine) => withProgress(engine, io, taskId, (p) => engine.incidence(spec, p))));
    io.out(renderTabular(incidenceTabular(result, format), format));
    io.err(`${smallCellPolicyLine(incidenceSuppression(result))}\n`);
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    return 0;
  },
};
