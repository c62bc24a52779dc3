import { randomUUID } from 'node:crypto';
import type { AttritionStep, Suppression } from '../../workers/engine/api.js';
import { hiddenCountText, smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { choiceOption, COMMON_OPTIONS, parseCommandLine } from '../arguments.js';
import { readCohortDefinition } from '../cohort-definitions.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount, OUTPUT_FORMATS, renderTabular } from '../output/format.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'cohort';

const HELP = `Usage: pmw cohort DEFINITION.json [options]

Builds a cohort from an OMOP dataset and prints its attrition: the persons (and entry events) left after
each step — entry events, observation, each inclusion rule in order — with the persons each rule keeps on
its own. The members (person_id, cohort_start_date, cohort_end_date, observation_start_date,
observation_end_date) are kept in the workspace as results.cohort_…; the run is recorded in the audit trail.
The definition format is described in docs/cohorts.md. Counts below the workspace's minimum cell count
are shown as <N (— when counts that would reveal them are hidden too; null in JSON).

Options:
  --dataset NAME   build on this dataset instead of the one the definition names
  --out FILE       also write the members to FILE (.csv, .parquet or .json)
  --format F       table (default), csv or json for the attrition
${WORKSPACE_HELP}

Examples:
  pmw cohort notebooks/cohorts/celecoxib-new-users.json --out members.csv
  pmw cohort my-definition.json --dataset gibleed --format csv`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  dataset: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
} as const;

/** The attrition as a table: one row per step; with `suppression`, hidden counts as text (`<5`, `—`), else null. */
export function attritionTabular(attrition: AttritionStep[], suppression?: Suppression) {
  const hidden = suppression ? hiddenCountText(suppression) : null;
  const count = (n: number | null | undefined) => (n === null ? hidden : n ?? null);
  return tabularFromNamedRows(['step', 'persons#', 'dropped#', 'events#', 'rule alone#'],
    attrition.map((s) => [s.step, count(s.persons), count(s.dropped), count(s.events), s.ruleOnly === undefined ? null : count(s.ruleOnly)]));
}

export const cohortCommand: Command = {
  name: NAME,
  summary: 'build a cohort from an OMOP dataset and print its attrition',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const spec = await readCohortDefinition(NAME, positionals[0], values.dataset);
    const taskId = `pmw-cohort-${randomUUID()}`;
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const { result, exported } = await withEngine(workspace, async (engine) => {
      const built = await withProgress(engine, io, taskId, (p) => engine.cohort({ ...spec, taskId }, p));
      const written = values.out ? await engine.exportResult({ table: built.cohortTable }, values.out) : null;
      return { result: built, exported: written };
    });
    io.out(renderTabular(attritionTabular(result.attrition, format === 'json' ? undefined : result.suppression), format));
    // The persons shown follow the attrition (its last step); the members table holds them all.
    const last = result.attrition.at(-1);
    const persons = last ? last.persons : result.persons;
    const shownPersons = persons === null ? hiddenCountText(result.suppression) : formatCount(persons);
    io.err(`${shownPersons} persons in ${result.cohortTable} (${(result.elapsedMs / 1000).toFixed(2)} s)\n`);
    io.err(`${smallCellPolicyLine(result.suppression)}\n`);
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    if (exported) io.err(`wrote ${formatCount(exported.rows)} members to ${exported.path}\n`);
    return 0;
  },
};
