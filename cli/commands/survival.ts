import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Suppression, SurvivalResult, SurvivalSpec } from '../../workers/engine/api.js';
import { hiddenCountText, smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine } from '../arguments.js';
import { namingFiles, parseTimeAtRisk, readCohortDefinition } from '../cohort-definitions.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { renderCsv } from '../output/csv.js';
import { formatCount, renderTabular } from '../output/format.js';
import { tabularFromNamedRows, tabularFromRows } from '../output/tabular.js';
import { UsageError } from '../usage-error.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'survival';

const HELP = `Usage: pmw survival --target DEF.json --outcome DEF.json [--compare DEF.json] [options]

Time from index to the first outcome: Kaplan–Meier curves with 95% intervals, medians, numbers at risk;
with a comparator also the log-rank test and a Cox proportional-hazards hazard ratio (comparator vs
target). Persons whose outcome came before follow-up, or who are in both cohorts, are left out and counted.
Numbers match R's survival package (survfit, survdiff, coxph).

Options:
  --target FILE      the target cohort definition
  --outcome FILE     the outcome cohort definition (its start date is the outcome date)
  --compare FILE     a comparator cohort definition
  --tar START,END    follow-up in days (see pmw incidence --help); default 0,end: index to cohort end
  --times T1,T2,...  days at which to show the numbers at risk (default: every 10% of the longest follow-up)
  --conf-type T      log (default, as R), log-log or plain
  --ties T           efron (default, as R) or breslow
  --dataset NAME     build every cohort on this dataset
  --min-cell N       numbers at risk below N are not shown (default and least: the workspace's minimum cell count)
  --out FILE         write the curves to FILE as CSV: cohort,time,n_risk,n_event,n_censor,surv,lower,upper
  --format F         table (default: curves, numbers at risk, tests), csv (the curves, as --out) or json
                     (the whole result)
${WORKSPACE_HELP}

Example:
  pmw survival --target samples/cohorts/celecoxib-new-users.json --compare samples/cohorts/diclofenac-new-users.json \\
               --outcome samples/cohorts/gi-bleed.json --times 0,365,730,1095`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  target: { type: 'string' },
  outcome: { type: 'string' },
  compare: { type: 'string' },
  tar: { type: 'string' },
  times: { type: 'string' },
  'conf-type': { type: 'string' },
  ties: { type: 'string' },
  dataset: { type: 'string' },
  'min-cell': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
} as const;

const sig = (x: number | null | undefined, digits = 4): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toPrecision(digits)));

function timesOption(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const times = text.split(',').map((t) => Number(t.trim()));
  if (times.some((t) => !Number.isFinite(t) || t < 0)) throw new UsageError(`--times must be days, 0 or more, e.g. 0,365,730 (got ${JSON.stringify(text)})`, NAME);
  return times;
}

/** Every curve's points as CSV, one row per time. */
export function curvesCsv(result: SurvivalResult): string {
  const rows: unknown[][] = [];
  for (const c of result.curves) {
    for (let i = 0; i < c.time.length; i++) rows.push([c.label, c.time[i], c.nRisk[i], c.nEvent[i], c.nCensor[i], c.surv[i], c.lower[i], c.upper[i]]);
  }
  const names = ['cohort', 'time', 'n_risk', 'n_event', 'n_censor', 'surv', 'lower', 'upper'];
  return renderCsv(tabularFromRows(names.map((name, i) => ({ name, numeric: i > 0 })), rows.map((r) => r.map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)))));
}

/** What the survival analysis hid: numbers at risk below the minimum. */
export function atRiskSuppression(result: SurvivalResult): Suppression {
  const primary = result.atRisk.reduce((n, a) => n + a.counts.filter((c) => c === null).length, 0);
  return { minCellCount: result.minCellCount, columns: ['atRisk'], primary, complementary: 0 };
}

/** The printed report: one line per curve, the numbers at risk (hidden ones as `<N`), and the tests. */
export function survivalReport(result: SurvivalResult): string {
  const curves = tabularFromNamedRows(['cohort', 'persons#', 'events#', 'median days#', 'median lower#', 'median upper#'],
    result.curves.map((c) => [c.label, c.persons, c.events, c.median, c.medianLower, c.medianUpper]));
  const hidden = hiddenCountText(atRiskSuppression(result));
  const atRisk = tabularFromNamedRows(['day#', ...result.curves.map((c) => `${c.label}#`)], result.atRisk.map((a) => [a.time, ...a.counts.map((n) => n ?? hidden)]));
  let text = renderTabular(curves, 'table') + '\nNumbers at risk\n' + renderTabular(atRisk, 'table');
  if (result.logRank) {
    const l = result.logRank;
    text += `\nLog-rank: χ² = ${sig(l.chisq)} on ${l.df} df, p = ${sig(l.p, 3)} (observed ${l.observed.join(' / ')}, expected ${l.expected.map((e) => sig(e)).join(' / ')})\n`;
  }
  if (result.cox) {
    const c = result.cox;
    text += `Cox (${c.ties}): hazard ratio ${sig(c.hazardRatio)} (95% CI ${sig(c.lower)}–${sig(c.upper)}), coef ${sig(c.coef)}, se ${sig(c.se)}, z ${sig(c.z)}, p = ${sig(c.p, 3)}; ${formatCount(c.persons)} persons, ${formatCount(c.events)} events\n`;
  }
  return text;
}

function jsonResult(result: SurvivalResult): string {
  return JSON.stringify(result, (_key, value: unknown) => (value instanceof Float64Array ? Array.from(value, (v) => (Number.isFinite(v) ? v : null)) : value), 2) + '\n';
}

export const survivalCommand: Command = {
  name: NAME,
  summary: 'Kaplan–Meier curves, log-rank test and Cox hazard ratio between cohorts',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const format = choiceOption(NAME, 'format', values.format, ['table', 'csv', 'json'] as const, 'table');
    const target = await readCohortDefinition(NAME, values.target, values.dataset, '--target');
    const outcome = await readCohortDefinition(NAME, values.outcome, values.dataset, '--outcome');
    const comparator = values.compare ? await readCohortDefinition(NAME, values.compare, values.dataset, '--compare') : undefined;
    const taskId = `pmw-survival-${randomUUID()}`;
    const atRiskTimes = timesOption(values.times);
    const spec: SurvivalSpec = {
      target, outcome, comparator, taskId,
      ...(values.tar ? { tar: parseTimeAtRisk(NAME, values.tar) } : {}),
      ...(atRiskTimes ? { atRiskTimes } : {}),
      ...(values['conf-type'] ? { confType: choiceOption(NAME, 'conf-type', values['conf-type'], ['log', 'log-log', 'plain'] as const, 'log') } : {}),
      ...(values.ties ? { ties: choiceOption(NAME, 'ties', values.ties, ['efron', 'breslow'] as const, 'efron') } : {}),
      ...(values['min-cell'] !== undefined ? { minCellCount: integerOption(NAME, 'min-cell', values['min-cell'], 5, 0, 1_000_000) } : {}),
    };
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const result = await namingFiles({ target: values.target, outcome: values.outcome, comparator: values.compare }, () =>
      withEngine(workspace, (engine) => withProgress(engine, io, taskId, (p) => engine.survival(spec, p))));
    if (values.out) await writeFile(values.out, curvesCsv(result));
    io.out(format === 'json' ? jsonResult(result) : format === 'csv' ? curvesCsv(result) : survivalReport(result));
    io.err(`${smallCellPolicyLine(atRiskSuppression(result))}\n`);
    const { priorOutcome, inBothCohorts, noTime } = result.excluded;
    io.err(`left out: ${priorOutcome} with the outcome before follow-up, ${inBothCohorts} in both cohorts, ${noTime} without follow-up time\n`);
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    if (values.out) io.err(`wrote the curves to ${values.out}\n`);
    return 0;
  },
};
