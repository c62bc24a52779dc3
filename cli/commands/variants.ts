import type { CarrierQuery, VariantQuery } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { OUTPUT_FORMATS } from '../output/format.js';
import { UsageError } from '../usage-error.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';
import { tabularFromPage } from '../output/tabular.js';
import { policyNote, renderSuppressedPage } from './hidden-counts.js';

const NAME = 'variants';

const HELP = `Usage: pmw variants --dataset D (--gene G | --region CHR:FROM-TO | --consequence C) [options]

Variants of an imported VCF with their allele counts (ac, an, af) and most severe annotation; with
--carriers, the samples (and linked persons) carrying them instead. Genotype and allele counts below the
workspace's minimum cell count are hidden (<N), with the counts that would reveal them (—).

Options:
  --dataset D          a vcf dataset
  --gene G             variants annotated to this gene
  --region R           e.g. chr22:42126000-42131000 (1-based, both ends included; "chr" optional)
  --consequence C      e.g. missense_variant
  --impact LIST        HIGH, MODERATE, LOW, MODIFIER (comma-separated)
  --carriers           list carriers: sample, person_id, variant, alt_count, gt
  --variant ID         with --carriers: a variant id or rsid (repeatable) instead of --gene
  --max-af F           with --carriers: only variants with allele frequency at most F
  --hom                with --carriers: homozygous carriers only (2 copies)
  --limit N            rows to print (default 50)
  --offset N           skip the first N rows
  --format F           table (default), csv or json
${WORKSPACE_HELP}

Examples:
  pmw variants --dataset vcf --region 22:16050000-16060000
  pmw variants --dataset vcf --gene CYP2C19 --carriers --impact HIGH`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  dataset: { type: 'string' },
  gene: { type: 'string' },
  region: { type: 'string' },
  consequence: { type: 'string' },
  impact: { type: 'string' },
  carriers: { type: 'boolean' },
  variant: { type: 'string', multiple: true },
  'max-af': { type: 'string' },
  hom: { type: 'boolean' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  format: { type: 'string' },
} as const;

export function impactsOption(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);
}

export function frequencyOption(command: string, name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new UsageError(`--${name} must be a frequency between 0 and 1 (got ${JSON.stringify(text)})`, command);
  return value;
}

export const variantsCommand: Command = {
  name: NAME,
  summary: 'variants of a VCF by gene, region or consequence, or their carriers',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    if (!values.dataset) throw new UsageError('--dataset is required', NAME);
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const limit = integerOption(NAME, 'limit', values.limit, 50, 1, 100_000);
    const offset = integerOption(NAME, 'offset', values.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const impact = impactsOption(values.impact);
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const page = await withEngine(workspace, (engine) => {
      if (values.carriers) {
        if (!values.gene && !values.variant) throw new UsageError('--carriers needs --gene or --variant', NAME);
        const query: CarrierQuery = {
          dataset: values.dataset!, gene: values.gene, impact, limit, offset,
          variants: values.variant?.map((v) => (/^\d+$/.test(v) ? Number(v) : v)),
          maxAf: frequencyOption(NAME, 'max-af', values['max-af']),
          minAltCount: values.hom ? 2 : 1,
        };
        return engine.carriers(query);
      }
      if (!values.gene && !values.region && !values.consequence) throw new UsageError('give --gene, --region or --consequence', NAME);
      const query: VariantQuery = { dataset: values.dataset!, gene: values.gene, region: values.region, consequence: values.consequence, impact, limit, offset };
      return engine.variants(query);
    });
    const { out, note } = renderSuppressedPage(page, tabularFromPage(page), format);
    io.out(out);
    if (note) io.err(note);
    io.err(policyNote(page.suppression));
    return 0;
  },
};
