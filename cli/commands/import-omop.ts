import type { ImportRequest, ImportResult } from '../../workers/engine/api.js';
import { CDM_CHECKS, CHECKS_TABLE } from '../../workers/import/omop/cdm-checks.js';
import { formatCount } from '../output/format.js';
import { formatElapsed } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

const NAME = 'import';

/** The option of `pmw import` for OMOP: plain files mapped into the CDM tables. */
export const OMOP_IMPORT_OPTIONS = {
  mapping: { type: 'string' },
} as const;

export const OMOP_IMPORT_HELP = `  --mapping F       omop: a JSON file mapping plain patient, diagnosis, drug and lab files of the folder
                    into the OMOP tables (implies --kind omop; see docs/omop-mapping.md)`;

/** The OMOP part of an import request; `--mapping` goes with `--kind omop` (or no kind). */
export function omopRequestParts(values: { mapping?: string }, kind: ImportRequest['kind']): Pick<ImportRequest, 'kind' | 'omop'> {
  if (values.mapping === undefined) return {};
  if (kind !== undefined && kind !== 'auto' && kind !== 'omop') throw new UsageError(`--mapping goes with --kind omop, not --kind ${kind}`, NAME);
  if (values.mapping.trim() === '') throw new UsageError('--mapping needs the path of a JSON mapping file', NAME);
  return { kind: 'omop', omop: { mapping: values.mapping } };
}

/** Counts shown under `counts` when not zero; the checks have a section of their own. */
const CHECK_TOTALS = new Set<string>(Object.values(CDM_CHECKS).map((c) => c.total));

/** What an OMOP import prints: the CDM version, each table with its rows, the counts, the checks, the warnings. */
export function describeOmopImport(result: ImportResult, file: string, sameContentNames: string[]): string {
  const { dataset } = result;
  const counts = result.counts ?? {};
  const version = counts.cdmVersion ? `CDM v${counts.cdmVersion.toFixed(1)}` : 'CDM version unknown';
  const width = Math.max(...dataset.tables.map((t) => t.table.length));
  const lines = [
    `imported ${file} as dataset ${dataset.name} (omop, ${version})`,
    '  tables',
    ...dataset.tables.map((t) => `    ${t.table.padEnd(width)}  ${formatCount(t.rows).padStart(12)} rows`),
  ];
  const other = Object.entries(counts).filter(([name, n]) => name !== 'cdmVersion' && !CHECK_TOTALS.has(name) && n !== 0);
  if (other.length > 0) {
    const otherWidth = Math.max(...other.map(([name]) => name.length));
    lines.push('  counts', ...other.map(([name, n]) => `    ${name.padEnd(otherWidth)}  ${formatCount(n).padStart(12)}`));
  }
  const checks = Object.values(CDM_CHECKS);
  const labelWidth = Math.max(...checks.map((c) => c.label.length));
  lines.push(`  checks (data kept as is; per table in ${dataset.name}.${CHECKS_TABLE})`);
  for (const check of checks) lines.push(`    ${check.label.padEnd(labelWidth)}  ${formatCount(counts[check.total] ?? 0).padStart(10)}`);
  lines.push(`  sha256    ${dataset.sha256}`, `  elapsed   ${formatElapsed(result.elapsedMs)}`);
  if (sameContentNames.length > 0) lines.push(`  note      the same bytes are also dataset ${sameContentNames.join(', ')}`);
  for (const warning of result.warnings ?? []) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}
