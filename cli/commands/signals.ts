import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Engine, Progress, ResultPage, SignalResult, SignalSpec, TrendSpec } from '../../workers/engine/api.js';
import { OPENEBGM_STARTS } from '../../workers/analysis/signals/mgps-starts.js';
import { smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine } from '../arguments.js';
import { withProgress } from '../with-progress.js';
import { readJsonObject } from '../json-file.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { withEngine } from '../open-engine.js';
import { formatCount, OUTPUT_FORMATS, type OutputFormat } from '../output/format.js';
import { UsageError } from '../usage-error.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';
import { policyNote, renderSuppressedPage } from './hidden-counts.js';
import { roundedTabular, tabularFromPage } from '../output/tabular.js';

const NAME = 'signals';

const HELP = `Usage: pmw signals --dataset NAME [options]

Screens every drug–event pair of a FAERS or report dataset for disproportionate reporting: N, expected
E, PRR (95% CI, Yates χ²), ROR (95% CI), IC (IC025, IC975) and MGPS (EBGM, EB05, EB95), with one signal
flag per measure. Counts are of distinct reports. The full result is kept in the workspace as a table
(results.signals_…) and the run is recorded in the audit trail with its fitted prior. Counts of reports
below the workspace's minimum cell count are hidden (<N), with the measures computed from them.

Options:
  --dataset NAME      the dataset to screen (kind faers or reports)
  --drug X            only show pairs with this drug (repeatable); the MGPS prior is still fitted on all pairs
  --event Y           only show pairs with this event (repeatable)
  --roles R           suspect (default: PS and SS), primary (PS only) or all (also concomitant, interacting)
  --names M           normalized (default: folded, prod_ai preferred, salts stripped, synonyms) or verbatim
  --synonyms FILE     a CSV with columns name,ingredient applied to drug names (normalized names only)
  --strata COLS       stratify the expected count on report columns, e.g. sex,age_band,year
  --min-count N       leave out pairs with fewer than N reports (default 1)
  --fit-min-count N   fit the MGPS prior on pairs with at least N reports (N*, default 1)
  --mgps-starts S     default (openEBGM's five starting points and three more; the best fit is kept) or
                      openebgm (its five only, to reproduce openEBGM, which can stop at a local maximum)
  --sort ORDER        e.g. "eb05 desc" (default: n desc, drug, event)
  --limit N           rows to print (default 20 for table, all for --format csv/json up to 100,000)
  --format F          table (default), csv or json
  --out FILE          write the whole result to FILE (.csv, .parquet or .json)
  --json FILE         write a JSON summary: fitted prior (alpha1, beta1, alpha2, beta2, p), log-likelihood,
                      convergence, report and pair counts, the spec and the result table
  --spec FILE         a JSON signal spec (the notebook's signals cell) for what has no flag here, e.g.
                      {"thresholds": {"ebgm": {"eb05": 1}, "prr": {"prr": 2, "chisq": 4, "n": 5}}};
                      flags given on the command line win
  --trend PERIOD      instead of a screen: the measures of the chosen --drug/--event pairs cumulatively by
                      quarter or year
${WORKSPACE_HELP}

Signal rules (pv-formulas.md): PRR ≥ 2 with χ² ≥ 4 and N ≥ 3 (Evans); ROR lower limit > 1 with N ≥ 3;
IC025 > 0; EB05 ≥ 2.

Examples:
  pmw import caers.csv --kind reports --report-col id --drug-col var1 --event-col var2 --strata-col strat1
  pmw signals --dataset caers --names verbatim --min-count 3 --sort "eb05 desc" --out caers_signals.csv
  pmw signals --dataset faers --drug diclofenac --event "gastrointestinal haemorrhage" --trend quarter`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  dataset: { type: 'string' },
  drug: { type: 'string', multiple: true },
  event: { type: 'string', multiple: true },
  roles: { type: 'string' },
  names: { type: 'string' },
  synonyms: { type: 'string' },
  strata: { type: 'string', multiple: true },
  'min-count': { type: 'string' },
  'fit-min-count': { type: 'string' },
  'mgps-starts': { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'string' },
  trend: { type: 'string' },
  spec: { type: 'string' },
} as const;

/** The columns a terminal can show; --format csv/json and --out carry them all. */
const TABLE_COLUMNS = ['drug', 'event', 'n', 'e', 'prr', 'chisq', 'ror_lo', 'ic025', 'ebgm', 'eb05', 'prr_signal', 'ror_signal', 'ic_signal', 'ebgm_signal'];

function narrowed(page: ResultPage, names: string[]): ResultPage {
  return { ...page, columns: page.columns.filter((c) => names.includes(c.name) || c.name === 'quarter' || c.name === 'year') };
}

/**
 * A terminal shows the main columns to 4 significant digits; CSV, JSON and --out keep every column and
 * digit. Hidden counts read `<N` (hidden-counts.ts).
 */
function renderResult(page: ResultPage, format: OutputFormat): { out: string; note: string } {
  if (format !== 'table') return renderSuppressedPage(page, tabularFromPage(page), format);
  const shown = narrowed(page, TABLE_COLUMNS);
  return renderSuppressedPage(shown, roundedTabular(tabularFromPage(shown), 4), format);
}

export function buildSignalSpec(values: ReturnType<typeof parse>['values'], limit: number): SignalSpec {
  if (!values.dataset) throw new UsageError('--dataset is required', NAME);
  // Options not given stay undefined, so a --spec file's values (or the engine's defaults) apply.
  const given = <T>(value: string | undefined, parse: () => T): T | undefined => (value === undefined ? undefined : parse());
  const minCount = given(values['min-count'], () => integerOption(NAME, 'min-count', values['min-count'], 1, 1, Number.MAX_SAFE_INTEGER));
  const fitMinCount = given(values['fit-min-count'], () => integerOption(NAME, 'fit-min-count', values['fit-min-count'], 1, 1, Number.MAX_SAFE_INTEGER));
  return {
    dataset: values.dataset,
    drugs: values.drug,
    events: values.event,
    roles: given(values.roles, () => choiceOption(NAME, 'roles', values.roles, ['suspect', 'primary', 'all'] as const, 'suspect')),
    names: given(values.names, () => choiceOption(NAME, 'names', values.names, ['normalized', 'verbatim'] as const, 'normalized')),
    synonyms: values.synonyms,
    strata: (values.strata ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
    minCount,
    mgps: {
      fitMinCount,
      ...(choiceOption(NAME, 'mgps-starts', values['mgps-starts'], ['default', 'openebgm'] as const, 'default') === 'openebgm'
        ? { starts: OPENEBGM_STARTS.map((start) => Array.from(start)) }
        : {}),
    },
    orderBy: values.sort,
    limit,
  };
}

function parse(argv: string[]) {
  return parseCommandLine(NAME, { args: argv, options: OPTIONS });
}

/** The JSON summary `--json FILE` writes. */
export function signalSummary(result: SignalResult): Record<string, unknown> {
  const { fit } = result;
  return {
    dataset: result.spec.dataset,
    reports: result.reports,
    pairs: result.pairs,
    resultTable: result.resultTable,
    prior: { alpha1: fit.alpha1, beta1: fit.beta1, alpha2: fit.alpha2, beta2: fit.beta2, p: fit.p },
    logLik: fit.logLik,
    converged: fit.converged,
    warnings: result.warnings,
    iterations: fit.iterations,
    pairsUsedForFit: fit.pairsUsed,
    starts: fit.starts,
    spec: result.spec,
  };
}

/** Keeps only the keys a flag actually set, so a spec file's values are not overwritten by defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

export const signalsCommand: Command = {
  name: NAME,
  summary: 'screen drug–event pairs for disproportionate reporting (PRR, ROR, IC, EBGM)',
  help: HELP,
  async run(argv, io) {
    const { values } = parse(argv);
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const limit = integerOption(NAME, 'limit', values.limit, format === 'table' ? 20 : 100_000, 0, 100_000);
    const taskId = `pmw-signals-${randomUUID()}`;
    const fromFile: Partial<SignalSpec> = values.spec ? await readJsonObject(values.spec, 'spec file', '{ "dataset": "...", ... }') : {};
    const fromFlags = buildSignalSpec({ ...values, dataset: values.dataset ?? (fromFile.dataset as string | undefined) }, limit);
    const spec: SignalSpec = {
      ...fromFile, ...definedOnly(fromFlags), dataset: fromFlags.dataset,
      mgps: { ...fromFile.mgps, ...definedOnly(fromFlags.mgps ?? {}) }, taskId,
    };
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    if (values.trend !== undefined) {
      const period = choiceOption(NAME, 'trend', values.trend, ['quarter', 'year'] as const, 'quarter');
      const trendSpec: TrendSpec = { ...spec, period };
      const page = await withEngine(workspace, (engine) => withProgress(engine, io, taskId, (p) => engine.signalTrend(trendSpec, p)));
      io.out(renderResult(page, format).out);
      io.err(policyNote(page.suppression));
      return 0;
    }
    const { result, exported } = await withEngine(workspace, async (engine) => {
      const screened = await withProgress(engine, io, taskId, (p) => engine.signals(spec, p));
      const written = values.out ? await engine.exportResult({ table: screened.resultTable }, values.out, { note: smallCellPolicyLine(screened.suppression) }) : null;
      return { result: screened, exported: written };
    });
    if (values.json) await writeFile(values.json, JSON.stringify(signalSummary(result), null, 2) + '\n');
    const { out, note } = renderResult(result.page, format);
    io.out(out);
    if (note) io.err(note);
    const fit = result.fit;
    io.err(`screened ${formatCount(result.pairs)} pairs in ${formatCount(result.reports)} reports; ` +
      `${formatCount(result.page.totalRows ?? 0)} shown in ${result.resultTable}; MGPS prior α1=${fit.alpha1.toPrecision(4)} ` +
      `β1=${fit.beta1.toPrecision(4)} α2=${fit.alpha2.toPrecision(4)} β2=${fit.beta2.toPrecision(4)} P=${fit.p.toPrecision(4)}, ` +
      `log-likelihood ${fit.logLik.toFixed(3)}\n`);
    io.err(policyNote(result.suppression));
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    if (exported) io.err(`wrote ${formatCount(exported.rows)} rows to ${exported.path}\n`);
    if (values.json) io.err(`wrote the summary to ${values.json}\n`);
    return 0;
  },
};
