import type { ImportRequest, ImportResult, ReportMapping } from '../../workers/engine/api.js';
import { choiceOption } from '../arguments.js';
import { formatCount } from '../output/format.js';
import { formatElapsed } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

const NAME = 'import';

/** The options of `pmw import` that choose the kind and describe report tables and FAERS extracts. */
export const PV_IMPORT_OPTIONS = {
  kind: { type: 'string' },
  'report-col': { type: 'string' },
  'drug-col': { type: 'string' },
  'event-col': { type: 'string' },
  'strata-col': { type: 'string', multiple: true },
  'drug-file': { type: 'string' },
  'event-file': { type: 'string' },
  dedup: { type: 'string' },
} as const;

export const PV_IMPORT_HELP = `  --kind K          auto (default: a folder or zip of FAERS quarters is faers, a folder with a person
                    table is omop, a VCF (by its content) is vcf, anything else a table), table, faers,
                    reports, omop or vcf
  --report-col C    reports: the column holding the report id (implies --kind reports)
  --drug-col C      reports: the column holding the drug (product) name
  --event-col C     reports: the column holding the event (MedDRA PT)
  --strata-col C    reports: a report-level column kept for stratification, e.g. sex (repeatable,
                    or comma-separated: --strata-col sex,age_group)
  --drug-file F     reports as separate tables: FILE is the report table (report id, strata), F holds
  --event-file F    (report, drug) rows and the event file (report, event) rows; give both
  --dedup R         faers: which version of a case to keep: fda (default: latest fda_dt, then
                    highest primaryid) or caseversion (highest caseversion, then highest primaryid)`;

interface PvValues {
  kind?: string;
  'report-col'?: string;
  'drug-col'?: string;
  'event-col'?: string;
  'strata-col'?: string[];
  'drug-file'?: string;
  'event-file'?: string;
  dedup?: string;
}

/** The kind, report mapping and FAERS options of an import request, from the command line. */
export function pvRequestParts(values: PvValues): Pick<ImportRequest, 'kind' | 'reports' | 'faers'> {
  const mappingGiven = ['report-col', 'drug-col', 'event-col', 'strata-col', 'drug-file', 'event-file'].some((k) => values[k as keyof PvValues] !== undefined);
  const kind = choiceOption(NAME, 'kind', values.kind, ['auto', 'table', 'faers', 'reports', 'omop', 'vcf'] as const, mappingGiven ? 'reports' : 'auto');
  if (mappingGiven && kind !== 'reports') throw new UsageError(`--report-col, --drug-col, --event-col and --strata-col go with --kind reports, not --kind ${kind}`, NAME);
  if (values.dedup !== undefined && kind !== 'auto' && kind !== 'faers') throw new UsageError(`--dedup applies to FAERS imports, not --kind ${kind}`, NAME);
  const parts: Pick<ImportRequest, 'kind' | 'reports' | 'faers'> = { kind };
  if (values.dedup !== undefined) parts.faers = { dedup: choiceOption(NAME, 'dedup', values.dedup, ['fda', 'caseversion'] as const, 'fda') };
  if (kind === 'reports') parts.reports = reportMapping(values);
  return parts;
}

function reportMapping(values: PvValues): ReportMapping {
  const missing = (['report-col', 'drug-col', 'event-col'] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    throw new UsageError(`--kind reports needs ${missing.map((k) => `--${k}`).join(', ')} (e.g. --report-col id --drug-col var1 --event-col var2)`, NAME);
  }
  const strata = (values['strata-col'] ?? []).flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== '');
  const mapping: ReportMapping = { reportColumn: values['report-col']!, drugColumn: values['drug-col']!, eventColumn: values['event-col']!, strataColumns: strata };
  if (values['drug-file'] !== undefined) mapping.drugFile = values['drug-file'];
  if (values['event-file'] !== undefined) mapping.eventFile = values['event-file'];
  return mapping;
}

/** Counts always shown after a FAERS or report import; any other count is shown when it is not zero. */
const ALWAYS_SHOWN = new Set([
  'quarters', 'versionsRead', 'versionsDropped', 'deletedCases', 'reports', 'drugRows', 'eventRows',
  'orphanDrugRows', 'orphanEventRows', 'implausibleAges', 'skippedLines', 'rows', 'drugEventPairs', 'reportsWithConflictingStrata',
]);

/** What a FAERS or report-table import prints: each table with its rows, the counts, the warnings. */
export function describePvImport(result: ImportResult, file: string, sameContentNames: string[]): string {
  const { dataset } = result;
  const width = Math.max(...dataset.tables.map((t) => t.table.length));
  const lines = [
    `imported ${file} as dataset ${dataset.name} (${dataset.kind})`,
    '  tables',
    ...dataset.tables.map((t) => `    ${t.table.padEnd(width)}  ${formatCount(t.rows).padStart(12)} rows  (${t.columns.map((c) => c.name).join(', ')})`),
    '  counts',
  ];
  const counts = Object.entries(result.counts ?? {}).filter(([name, n]) => ALWAYS_SHOWN.has(name) || n !== 0);
  const countWidth = Math.max(0, ...counts.map(([name]) => name.length));
  for (const [name, n] of counts) lines.push(`    ${name.padEnd(countWidth)}  ${formatCount(n).padStart(12)}`);
  lines.push(`  sha256    ${dataset.sha256}`, `  elapsed   ${formatElapsed(result.elapsedMs)}`);
  if (sameContentNames.length > 0) lines.push(`  note      the same bytes are also dataset ${sameContentNames.join(', ')}`);
  for (const warning of result.warnings ?? []) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}
