import type { Dataset, Engine } from '../../workers/engine/api.js';
import { isPmwError } from '../../workers/engine/errors.js';
import { COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { gibleedDirectory, planSampleImports, sampleRequest, samplesDirectory, type SampleImport } from '../../workers/import/bundled-samples.js';
import type { Command } from '../command.js';
import { exampleQueries } from '../example-queries.js';
import type { CliIo } from '../io.js';
import { withEngine } from '../open-engine.js';
import { formatCount } from '../output/format.js';
import { failureLine } from '../report-error.js';
import { runShell, SHELL_HELP } from '../shell.js';
import { currentPlatform, samplesWorkspacePath } from '../workspace-path.js';
import { renderCatalog } from './catalog.js';
import { importWithProgress } from './import.js';

const NAME = 'start';

const HELP = `Usage: pmw start [--workspace W]

The place to begin. Opens a workspace (default: samples.duckdb in the pmw data folder; PMW_WORKSPACE
is not used, so the samples never land in your own workspace), imports the bundled samples that are not
there yet — the synthetic OMOP CDM folder as dataset omop (omop.person, omop.drug_exposure, …), the
FAERS quarters as dataset faers, the cohort VCF as dataset vcf (vcf.variant, vcf.genotype, samples
linked to omop persons by samples.tsv), and OHDSI's Eunomia GiBleed (a real OMOP CDM v5.3 sample) as dataset
gibleed — prints the catalog and a few example queries, then opens an SQL prompt when run in a terminal.

The synthetic samples are read from samples/small (PMW_SAMPLES_DIR overrides it); generate them with
  npm run samples -- --size small
GiBleed is read from samples/gibleed (PMW_GIBLEED_DIR overrides it).

Options:
  --workspace W     the workspace file
  -h, --help        show this help`;


/** Imports one sample; a sample that fails is reported and the others still load. */
async function importSample(engine: Engine, io: CliIo, sample: SampleImport, existing: Set<string>): Promise<void> {
  try {
    const result = await importWithProgress(engine, io, sampleRequest(sample));
    if (result.duplicateOf) {
      io.out(`  ${sample.name}: already there${result.dataset.name === sample.name ? '' : ` as ${result.dataset.name}`}\n`);
    } else {
      const verb = existing.has(sample.name) ? 'updated (the sample file changed)' : 'imported';
      io.out(`  ${sample.name}: ${verb}, ${formatCount(result.dataset.rows)} rows\n`);
    }
  } catch (error) {
    if (isPmwError(error) && error.code === 'CANCELLED') throw error;
    io.out(`  ${sample.name}: not imported: ${failureLine(error)}\n`);
  }
}

/** Imports the bundled samples not in the workspace yet (also `pmw serve --samples`). */
export async function importSamples(engine: Engine, io: CliIo): Promise<void> {
  const directory = samplesDirectory(io.env);
  const plan = await planSampleImports(directory, gibleedDirectory(io.env));
  if (!plan.found) {
    io.out(`No synthetic sample data yet (${directory} does not exist). Generate it with:\n  npm run samples -- --size small\nthen run pmw start again.\n\n`);
  }
  if (plan.imports.length === 0 && plan.notes.length === 0) return;
  io.out(`Loading the bundled samples${plan.found ? ` from ${directory}` : ''}:\n`);
  const existing = new Set((await engine.datasets()).map((d) => d.name));
  for (const sample of plan.imports) await importSample(engine, io, sample, existing);
  for (const note of plan.notes) io.out(`  ${note}\n`);
  io.out('\n');
}

function examplesText(datasets: Dataset[], workspace: string): string {
  const examples = exampleQueries(datasets);
  if (examples.length === 0) return 'Import a file to begin: pmw import FILE --workspace ' + workspace + '\n';
  return 'Example queries (at the prompt, or as pmw query "..." --workspace ' + workspace + '):\n' +
    examples.map((sql) => `  ${sql}\n`).join('') +
    (datasets.some((d) => d.kind === 'faers' || d.kind === 'reports')
      ? `\nScreen the adverse-event reports for signals:\n  pmw signals --dataset ${datasets.find((d) => d.kind === 'faers' || d.kind === 'reports')!.name} --min-count 3 --sort "eb05 desc" --workspace ${workspace}\n`
      : '');
}

export const startCommand: Command = {
  name: NAME,
  summary: 'open the sample workspace, load the bundled samples, and explore them with SQL',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: COMMON_OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    requirePositionals(NAME, positionals, []);
    const path = samplesWorkspacePath(values.workspace, currentPlatform(io.env));
    await withEngine(path, async (engine) => {
      const info = await engine.info();
      io.out(`pmw ${info.engineVersion} (DuckDB ${info.duckdbVersion}), workspace ${info.path}\n\n`);
      await importSamples(engine, io);
      const datasets = await engine.datasets();
      io.out(renderCatalog(datasets, 'table') + '\n');
      io.out(examplesText(datasets, info.path));
      if (!io.stdinIsTTY) return;
      io.out('\n' + SHELL_HELP + '\n');
      await runShell(engine, io);
    });
    return 0;
  },
};
