import type { ImportRequest, ImportResult } from '../../workers/engine/api.js';
import { formatCount } from '../output/format.js';
import { formatElapsed } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

const NAME = 'import';

/** The option of `pmw import` for VCF: the sample → person mapping. */
export const VCF_IMPORT_OPTIONS = {
  samples: { type: 'string' },
} as const;

export const VCF_IMPORT_HELP = `  --samples F       vcf: a file mapping VCF samples to OMOP person ids (columns sample and person_id,
                    tab or comma separated, header required); implies --kind vcf (see docs/vcf.md)`;

/** The VCF part of an import request; `--samples` goes with `--kind vcf` (or no kind). */
export function vcfRequestParts(values: { samples?: string }, kind: ImportRequest['kind']): Pick<ImportRequest, 'kind' | 'vcf'> {
  if (values.samples === undefined) return {};
  if (kind !== undefined && kind !== 'auto' && kind !== 'vcf') throw new UsageError(`--samples goes with --kind vcf, not --kind ${kind}`, NAME);
  if (values.samples.trim() === '') throw new UsageError('--samples needs the path of a sample mapping file', NAME);
  return { kind: 'vcf', vcf: { samples: values.samples } };
}

/** Counts printed after a VCF import, in this order, with their labels. */
const COUNTS: [string, string][] = [
  ['samples', 'samples'], ['records', 'records'], ['multiallelicRecords', 'multi-allelic records'], ['variants', 'variants (one per ALT)'],
  ['sparseCalls', 'non-reference or missing calls'], ['annotations', 'annotations'], ['infoColumns', 'INFO columns'], ['linkedSamples', 'samples linked to persons'],
];

/** What a VCF import prints: the tables, the counts, the warnings. */
export function describeVcfImport(result: ImportResult, file: string, sameContentNames: string[]): string {
  const { dataset } = result;
  const counts = result.counts ?? {};
  const width = Math.max(...dataset.tables.map((t) => t.table.length));
  const labelWidth = Math.max(...COUNTS.map(([, label]) => label.length));
  const lines = [
    `imported ${file} as dataset ${dataset.name} (vcf${counts.vcfVersion ? `, VCFv${counts.vcfVersion.toFixed(1)}` : ', version not declared'})`,
    '  counts',
    ...COUNTS.filter(([key]) => counts[key] !== undefined).map(([key, label]) => `    ${label.padEnd(labelWidth)}  ${formatCount(counts[key]!).padStart(12)}`),
    '  tables',
    ...dataset.tables.map((t) => `    ${t.table.padEnd(width)}  ${formatCount(t.rows).padStart(12)} rows`),
    `    ${`${dataset.name}.genotype`.padEnd(width)}  ${formatCount(counts.sparseCalls ?? 0).padStart(12)} rows (a view over ${dataset.name}.genotype_calls)`,
    `  sha256    ${dataset.sha256}`,
    `  elapsed   ${formatElapsed(result.elapsedMs)}`,
  ];
  if (sameContentNames.length > 0) lines.push(`  note      the same bytes are also dataset ${sameContentNames.join(', ')}`);
  for (const warning of result.warnings ?? []) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}
