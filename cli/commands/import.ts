import { randomUUID } from 'node:crypto';
import type { CsvOptions, Engine, ImportRequest, ImportResult } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { cancelOnInterrupt } from '../cancel-on-interrupt.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { withEngine } from '../open-engine.js';
import { formatCount } from '../output/format.js';
import { formatElapsed, progressReporter } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';
import { parseTransforms, TRANSFORM_HELP } from '../transform-option.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';
import { describeOmopImport, OMOP_IMPORT_HELP, OMOP_IMPORT_OPTIONS, omopRequestParts } from './import-omop.js';
import { describePvImport, PV_IMPORT_HELP, PV_IMPORT_OPTIONS, pvRequestParts } from './import-pv.js';
import { describeVcfImport, VCF_IMPORT_HELP, VCF_IMPORT_OPTIONS, vcfRequestParts } from './import-vcf.js';

const NAME = 'import';

const HELP = `Usage: pmw import PATH [options]

Imports one CSV, TSV or Parquet file (optionally gzip-compressed) as a table of the workspace; a report
table (one row per report, drug and event) into the canonical pv_report, pv_drug and pv_event tables;
a folder or zip of FAERS quarterly ASCII extracts into pv_report, pv_drug, pv_event, pv_outcome,
pv_indication, pv_therapy and pv_report_source (deleted cases dropped, one version kept per case);
or an OMOP CDM v5.3/v5.4 folder (CSV, TSV or Parquet, table names in any case) into its CDM tables,
checked for bad data (events outside observation periods, death before birth, unknown concepts…) —
or plain patient, diagnosis, drug and lab files mapped into them (--mapping); or a VCF 4.1–4.5 (plain,
gzip or bgzip, any number of samples) into variant (one row per ALT allele), sample, genotype_packed,
the sparse genotype view and annotation (VEP CSQ, SnpEff ANN/EFF), see docs/vcf.md.
Report, FAERS, OMOP and VCF tables live in a schema named after the dataset: caers.pv_report, gibleed.person, cohort.variant.
The import is atomic: if anything fails, or you press Ctrl-C, the workspace is left as it was.
A file whose bytes were imported before is not imported again (see --force).

Options:
  --name N          dataset and table name (default: from the file name, e.g. DRUG24Q1.txt → drug24q1)
${PV_IMPORT_HELP}
${OMOP_IMPORT_HELP}
${VCF_IMPORT_HELP}
  --format F        auto (default: from the first bytes and the extension), csv or parquet
  --delimiter C     field separator; detected when absent (write tab as 'tab' or '\\t')
  --quote C         quote character (default: detected)
  --header          the first line holds column names
  --no-header       the first line is data (default: detected)
  --encoding E      utf-8 (default) or latin-1
  --type COL=TYPE   use this DuckDB type for a column, e.g. --type zip=VARCHAR (repeatable)
  --replace         replace the dataset of the same name
  --force           import even when the same file is already a dataset
  --description D   what the data is, kept in the catalog
  --licence L       its licence, kept in the catalog
${TRANSFORM_HELP}
The import scans the data for direct identifiers (names, ID numbers, phones, e-mails, addresses…) and
reports them; the workspace policy (pmw policy) may refuse the import or transform them instead. A data
quality report follows (pmw quality NAME shows it again).
${WORKSPACE_HELP}

Examples:
  pmw import caers.csv
  pmw import caers.csv --kind reports --report-col id --drug-col var1 --event-col var2 --strata-col strat1 --name caers
  pmw import faers_ascii_2024Q1.zip
  pmw import ./faers --kind faers --dedup caseversion --name faers_2024
  pmw import samples/gibleed --kind omop --name gibleed
  pmw import ./clinic --kind omop --mapping clinic-mapping.json --name clinic
  pmw import cohort.vcf.gz --samples samples.tsv --name cohort
  pmw import DEMO24Q1.txt --delimiter '$' --encoding latin-1 --name faers_demo`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...PV_IMPORT_OPTIONS,
  ...OMOP_IMPORT_OPTIONS,
  ...VCF_IMPORT_OPTIONS,
  name: { type: 'string' },
  format: { type: 'string' },
  delimiter: { type: 'string' },
  quote: { type: 'string' },
  header: { type: 'boolean' },
  encoding: { type: 'string' },
  type: { type: 'string', multiple: true },
  replace: { type: 'boolean' },
  force: { type: 'boolean' },
  description: { type: 'string' },
  licence: { type: 'string' },
  transform: { type: 'string', multiple: true },
} as const;

const ENCODING_ALIASES: Record<string, 'utf-8' | 'latin-1'> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'latin-1': 'latin-1', latin1: 'latin-1', 'iso-8859-1': 'latin-1',
};

/** `zip=VARCHAR` → `{ zip: 'VARCHAR' }`; the type may itself hold `=`-free text like `DECIMAL(10,2)`. */
export function parseColumnTypes(pairs: string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const types: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const column = pair.slice(0, at).trim();
    const type = pair.slice(at + 1).trim();
    if (at < 0 || column === '' || type === '') throw new UsageError(`--type needs COLUMN=TYPE, e.g. zip=VARCHAR, not ${pair}`, NAME);
    types[column] = type;
  }
  return types;
}

function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'tab' || value === '\\t') return '\t';
  if (value === '') throw new UsageError('--delimiter cannot be empty', NAME);
  return value;
}

function parseEncoding(value: string | undefined): CsvOptions['encoding'] {
  if (value === undefined) return undefined;
  const encoding = ENCODING_ALIASES[value.toLowerCase()];
  if (!encoding) throw new UsageError(`--encoding must be utf-8 or latin-1, not ${value}`, NAME);
  return encoding;
}

function buildImportRequest(file: string, values: ReturnType<typeof parseImportLine>['values'], taskId: string): ImportRequest {
  const csv: CsvOptions = {};
  const delimiter = parseDelimiter(values.delimiter);
  if (delimiter !== undefined) csv.delimiter = delimiter;
  if (values.quote !== undefined) csv.quote = values.quote;
  if (values.header !== undefined) csv.header = values.header;
  const encoding = parseEncoding(values.encoding);
  if (encoding !== undefined) csv.encoding = encoding;
  const kindParts = pvRequestParts(values);
  return {
    path: file,
    ...kindParts,
    ...omopRequestParts(values, kindParts.kind),
    ...vcfRequestParts(values, kindParts.kind),
    name: values.name,
    format: choiceOption(NAME, 'format', values.format, ['auto', 'csv', 'parquet'] as const, 'auto'),
    csv,
    columnTypes: parseColumnTypes(values.type ?? []),
    description: values.description,
    licence: values.licence,
    onDuplicate: values.force ? 'import' : 'report',
    replace: values.replace === true,
    ...(values.transform ? { transforms: parseTransforms(values.transform, NAME) } : {}),
    taskId,
  };
}

function parseImportLine(argv: string[]) {
  return parseCommandLine(NAME, { args: argv, options: OPTIONS });
}

/**
 * Imports with a progress bar on a terminal and Ctrl-C wired to cancel. Shared with `pmw start`, which
 * imports the bundled samples the same way.
 */
export async function importWithProgress(engine: Engine, io: CliIo, request: ImportRequest): Promise<ImportResult> {
  const taskId = request.taskId ?? `pmw-import-${randomUUID()}`;
  const progress = progressReporter(io);
  const interrupt = cancelOnInterrupt(io, engine, taskId);
  try {
    return await engine.importFile({ ...request, taskId }, (p) => {
      // Ctrl-C may come before the engine registered the task; ask again once it reports.
      interrupt.repeat();
      progress.update(p);
    });
  } finally {
    progress.clear();
    interrupt.dispose();
  }
}

/** What a successful import or a found duplicate prints. */
export function describeImport(result: ImportResult, file: string, sameContentNames: string[] = []): string {
  const { dataset } = result;
  if (result.duplicateOf) {
    return `${file} (SHA-256 ${dataset.sha256.slice(0, 16)}…) is already dataset ${dataset.name}, imported ${dataset.importedAt}; ` +
      'nothing was imported (use --force to import it again)\n';
  }
  const table = dataset.tables[0];
  const columns = table ? table.columns.map((c) => `${c.name} ${c.type}`).join(', ') : '';
  const lines = [
    `imported ${file} as dataset ${dataset.name}`,
    `  rows      ${formatCount(dataset.rows)}`,
    `  columns   ${table?.columns.length ?? 0}${columns ? ` (${columns})` : ''}`,
    `  sha256    ${dataset.sha256}`,
    `  elapsed   ${formatElapsed(result.elapsedMs)}`,
  ];
  if (sameContentNames.length > 0) lines.push(`  note      the same bytes are also dataset ${sameContentNames.join(', ')}`);
  for (const warning of result.warnings ?? []) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}

function describeResult(result: ImportResult, file: string, sameContentNames: string[]): string {
  if (result.duplicateOf) return describeImport(result, file, sameContentNames);
  if (result.dataset.kind === 'omop') return describeOmopImport(result, file, sameContentNames);
  if (result.dataset.kind === 'vcf') return describeVcfImport(result, file, sameContentNames);
  if (result.dataset.kind === 'faers' || result.dataset.kind === 'reports') return describePvImport(result, file, sameContentNames);
  return describeImport(result, file, sameContentNames);
}

export const importCommand: Command = {
  name: NAME,
  summary: 'import a CSV, TSV or Parquet file as a table, a report table, FAERS quarterly extracts, an OMOP CDM folder, or a VCF',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseImportLine(argv);
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [file] = requirePositionals(NAME, positionals, ['PATH']);
    const request = buildImportRequest(file!, values, `pmw-import-${randomUUID()}`);
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const { result, sameContentNames } = await withEngine(workspace, async (engine) => {
      const imported = await importWithProgress(engine, io, request);
      const names = await Promise.all(imported.sameContentAs.map(async (id) => (await engine.dataset(id)).name));
      return { result: imported, sameContentNames: names };
    });
    io.out(describeResult(result, file!, sameContentNames));
    return 0;
  },
};
