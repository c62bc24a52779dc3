import { COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount } from '../output/format.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'link';

const HELP = `Usage: pmw link DATASET FILE

Links the samples of an imported VCF (dataset DATASET) to OMOP persons: FILE has the columns sample and
person_id (tab or comma separated, header required). The dataset's vcf_sample table is replaced by the
file's rows for samples the VCF has; samples of the file the VCF lacks are listed. Audited.

Options:
${WORKSPACE_HELP}

Example:
  pmw link cohort samples.tsv`;

export const linkCommand: Command = {
  name: NAME,
  summary: 'link the samples of a VCF dataset to OMOP persons from a mapping file',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: COMMON_OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [dataset, file] = requirePositionals(NAME, positionals, ['DATASET', 'FILE']);
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const result = await withEngine(workspace, (engine) => engine.linkSamples(dataset!, file!));
    io.out(`linked ${formatCount(result.linked)} sample${result.linked === 1 ? '' : 's'} of ${dataset} to persons\n`);
    if (result.unknownSamples.length > 0) {
      const shown = result.unknownSamples.slice(0, 10).join(', ');
      io.out(`warning: ${formatCount(result.unknownSamples.length)} sample${result.unknownSamples.length === 1 ? '' : 's'} of ${file} ${result.unknownSamples.length === 1 ? 'is' : 'are'} not in the VCF: ${shown}${result.unknownSamples.length > 10 ? ', …' : ''}\n`);
    }
    return 0;
  },
};
