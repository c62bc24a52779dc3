import { randomUUID } from 'node:crypto';
import type { PgxSpec } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, parseCommandLine } from '../arguments.js';
import { namingFiles, readCohortDefinition } from '../cohort-definitions.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount, OUTPUT_FORMATS, renderTabular } from '../output/format.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { UsageError } from '../usage-error.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';
import { smallCellRuleLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { renderPage } from './query.js';

const NAME = 'pgx';

const HELP = `Usage: pmw pgx --dataset D [--gene G ...] [options]

Pharmacogenomic calls per sample from a bundled table derived from CPIC (CC0): star-allele diplotypes and
phenotypes for CYP2C19, CYP2C9, CYP2D6 (SNV-defined alleles only), TPMT, NUDT15, DPYD and SLCO1B1, with
"not determinable" and the reason where the VCF cannot tell (a position missing, no call, unphased
ambiguity); HLA-B is listed as not callable from SNVs. Research use, not clinical decision support.

Options:
  --dataset D              a vcf dataset (samples linked to persons for --cross-tab)
  --gene G                 only this gene (repeatable)
  --cross-tab GENE=PHENO   e.g. "CYP2C19=Poor Metabolizer": exposed persons with and without the phenotype,
                           and how many had the outcome; needs --exposure and --outcome
  --exposure FILE          a cohort definition of the drug exposure
  --outcome FILE           a cohort definition of the adverse outcome
  --summary                print the phenotype counts per gene instead of the per-sample calls; counts
                           below the workspace's minimum cell count (and those that would reveal them) are
                           left out, and a cross-tab with such a count is not shown (a warning says which)
  --out FILE               write all calls (.csv, .parquet or .json)
  --format F               table (default), csv or json
${WORKSPACE_HELP}

Example:
  pmw pgx --dataset vcf --gene CYP2C19 --cross-tab "CYP2C19=Poor Metabolizer" --exposure clopidogrel.json --outcome mi.json`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  dataset: { type: 'string' },
  gene: { type: 'string', multiple: true },
  'cross-tab': { type: 'string' },
  exposure: { type: 'string' },
  outcome: { type: 'string' },
  summary: { type: 'boolean' },
  out: { type: 'string' },
  format: { type: 'string' },
} as const;

export const pgxCommand: Command = {
  name: NAME,
  summary: 'pharmacogenomic diplotypes and phenotypes (CPIC) per sample, and a phenotype cross-tab',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    if (!values.dataset) throw new UsageError('--dataset is required', NAME);
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const taskId = `pmw-pgx-${randomUUID()}`;
    let crossTab: PgxSpec['crossTab'];
    if (values['cross-tab'] !== undefined) {
      const match = /^([^=]+)=(.+)$/.exec(values['cross-tab']);
      if (!match) throw new UsageError('--cross-tab must be GENE=PHENOTYPE, e.g. "CYP2C19=Poor Metabolizer"', NAME);
      if (!values.exposure || !values.outcome) throw new UsageError('--cross-tab needs --exposure and --outcome', NAME);
      crossTab = {
        gene: match[1]!.trim(), phenotype: match[2]!.trim(),
        exposure: await readCohortDefinition(NAME, values.exposure, undefined, '--exposure'),
        outcome: await readCohortDefinition(NAME, values.outcome, undefined, '--outcome'),
      };
    }
    const spec: PgxSpec = { dataset: values.dataset, genes: values.gene, crossTab, taskId };
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const { result, exported, minCellCount } = await namingFiles({ exposure: values.exposure, outcome: values.outcome }, () => withEngine(workspace, async (engine) => {
      const ran = await withProgress(engine, io, taskId, (p) => engine.pgx(spec, p));
      const written = values.out ? await engine.exportResult({ table: ran.callsTable }, values.out) : null;
      return { result: ran, exported: written, minCellCount: (await engine.privacyPolicy()).minCellCount };
    }));
    if (values.summary) {
      io.out(renderTabular(tabularFromNamedRows(['gene', 'phenotype', 'samples#'], result.summary.map((s) => [s.gene, s.phenotype, s.samples])), format));
    } else {
      const { out, note } = renderPage(result.page, format);
      io.out(out);
      if (note) io.err(note);
    }
    if (result.crossTab) {
      const c = result.crossTab;
      io.out(`\n${c.gene} ${c.phenotype} among the exposed\n` + renderTabular(tabularFromNamedRows(['group', 'exposed#', 'with outcome#'],
        c.rows.map((r) => [r.group, r.exposed, r.withOutcome])), 'table') +
        `odds ratio ${c.oddsRatio === null ? '—' : c.oddsRatio.toPrecision(4)}, Fisher p ${c.pFisher === null ? '—' : c.pFisher.toPrecision(3)}\n`);
    }
    io.err(`${result.source.name} ${result.source.version} (${result.source.licence}; ${result.source.url}); calls kept in ${result.callsTable}\n`);
    // The summary and cross-tab follow the workspace's policy: what they hid is in the warnings below.
    if (values.summary || result.crossTab || spec.crossTab) io.err(`${smallCellRuleLine(minCellCount)}\n`);
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    if (exported) io.err(`wrote ${formatCount(exported.rows)} calls to ${exported.path}\n`);
    return 0;
  },
};
