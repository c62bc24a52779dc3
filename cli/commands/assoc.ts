import { randomUUID } from 'node:crypto';
import type { AssociationSpec, PhenotypeSource } from '../../workers/engine/api.js';
import { smallCellPolicyLine } from '../../workers/analysis/privacy/suppress/describe-suppression.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine } from '../arguments.js';
import { namingFiles, readCohortDefinition } from '../cohort-definitions.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount, OUTPUT_FORMATS } from '../output/format.js';
import { roundedTabular, tabularFromPage } from '../output/tabular.js';
import { renderTable } from '../output/table.js';
import { UsageError } from '../usage-error.js';
import { withProgress } from '../with-progress.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';
import { policyNote, renderSuppressedPage, withHiddenCounts } from './hidden-counts.js';
import { frequencyOption, impactsOption } from './variants.js';

const NAME = 'assoc';

const HELP = `Usage: pmw assoc --dataset D (--pheno FILE | --cases DEF.json --controls DEF.json) [options]

Case/control association for every variant of a VCF dataset: allele counts per group, allele frequency,
Hardy–Weinberg exact p (all samples), allelic χ² and its p, Fisher exact p, odds ratio with 95% CI and the
Cochran–Armitage trend p — as PLINK 1.9's --assoc, --assoc fisher, --model and --hardy compute them. The
whole result is kept in the workspace (results.assoc_…); --burden adds a gene-level test. Allele and
carrier counts below the workspace's minimum cell count are hidden (<N), with the statistics of their row.

Options:
  --dataset D         a vcf dataset
  --pheno FILE        sample id and 1/0, case/control or 2/1 (PLINK) per line; -9, NA or empty = unknown
  --cases FILE        a cohort definition: linked persons in it are cases
  --controls FILE     a cohort definition: linked persons in it are controls
  --region R          only variants in chr:from-to
  --gene G            only variants of this gene
  --min-maf F         leave out variants with minor allele frequency below F
  --burden            also test each gene: carriers of qualifying variants, cases vs controls
  --impact LIST       qualifying impacts for --burden (e.g. HIGH,MODERATE)
  --max-af F          qualifying variants for --burden have allele frequency at most F
  --sort ORDER        e.g. "p_fisher" (default: by chromosome and position)
  --limit N           rows to print (default 20 for table)
  --out FILE          write the whole result (.csv, .parquet or .json)
  --format F          table (default), csv or json
${WORKSPACE_HELP}

Examples:
  pmw assoc --dataset vcf --pheno samples/small/vcf/phenotype.tsv --sort p_fisher --out assoc.csv
  pmw assoc --dataset vcf --cases bleeders.json --controls users.json --burden --impact HIGH,MODERATE --max-af 0.01`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  dataset: { type: 'string' },
  pheno: { type: 'string' },
  cases: { type: 'string' },
  controls: { type: 'string' },
  region: { type: 'string' },
  gene: { type: 'string' },
  'min-maf': { type: 'string' },
  burden: { type: 'boolean' },
  impact: { type: 'string' },
  'max-af': { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
} as const;

export const assocCommand: Command = {
  name: NAME,
  summary: 'case/control association per variant (χ², Fisher, OR, trend, HWE) and gene burden',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    if (!values.dataset) throw new UsageError('--dataset is required', NAME);
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const limit = integerOption(NAME, 'limit', values.limit, format === 'table' ? 20 : 100_000, 0, 100_000);
    let phenotype: PhenotypeSource;
    if (values.pheno) {
      if (values.cases || values.controls) throw new UsageError('give --pheno or --cases/--controls, not both', NAME);
      phenotype = { file: values.pheno };
    } else {
      if (!values.cases || !values.controls) throw new UsageError('give --pheno FILE, or both --cases and --controls', NAME);
      phenotype = { cases: await readCohortDefinition(NAME, values.cases, undefined, '--cases'), controls: await readCohortDefinition(NAME, values.controls, undefined, '--controls') };
    }
    const taskId = `pmw-assoc-${randomUUID()}`;
    const burden = values.burden ? { impact: impactsOption(values.impact), maxAf: frequencyOption(NAME, 'max-af', values['max-af']) } : undefined;
    const spec: AssociationSpec = {
      dataset: values.dataset, phenotype, region: values.region, gene: values.gene, taskId, limit,
      minMaf: frequencyOption(NAME, 'min-maf', values['min-maf']), burden, orderBy: values.sort,
    };
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const { result, exported, burdenPage } = await namingFiles({ cases: values.cases, controls: values.controls }, () => withEngine(workspace, async (engine) => {
      const ran = await withProgress(engine, io, taskId, (p) => engine.association(spec, p));
      const written = values.out ? await engine.exportResult({ table: ran.resultTable }, values.out, { note: smallCellPolicyLine(ran.suppression) }) : null;
      const genes = ran.burdenTable ? await engine.query(`SELECT * FROM ${ran.burdenTable} ORDER BY p_fisher NULLS LAST, gene`, { limit: 20 }) : null;
      return { result: ran, exported: written, burdenPage: genes };
    }));
    if (format === 'table') {
      io.out(renderSuppressedPage(result.page, roundedTabular(tabularFromPage(result.page), 4), format).out);
      if (burdenPage) io.out('\nGene burden\n' + renderTable(withHiddenCounts(roundedTabular(tabularFromPage(burdenPage), 4), result.suppression, format)));
    } else {
      const { out, note } = renderSuppressedPage(result.page, tabularFromPage(result.page), format);
      io.out(out);
      if (note) io.err(note);
    }
    io.err(`${formatCount(result.variants)} variants; ${formatCount(result.cases)} cases, ${formatCount(result.controls)} controls` +
      `${result.samplesWithoutPhenotype ? `, ${formatCount(result.samplesWithoutPhenotype)} samples without a phenotype left out` : ''}; kept in ${result.resultTable}\n`);
    io.err(policyNote(result.suppression));
    for (const warning of result.warnings) io.err(`pmw: warning: ${warning}\n`);
    if (exported) io.err(`wrote ${formatCount(exported.rows)} rows to ${exported.path}\n`);
    return 0;
  },
};
