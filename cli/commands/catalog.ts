import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Dataset } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount, OUTPUT_FORMATS, renderTabular, type OutputFormat } from '../output/format.js';
import { renderJson } from '../output/json.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'catalog';

const HELP = `Usage: pmw catalog [--format table|csv|json]
       pmw catalog --export FILE.json

Lists the datasets of the workspace: name, kind, rows, columns, when it was imported, the SHA-256 of
its source bytes, and the source file.

Options:
  --format F        table (default), csv, or json (the full catalog entries)
  --export FILE     write a machine-readable description of the datasets for a data-resource directory:
                    DCAT (W3C) in JSON-LD with schema.org Dataset terms — title, description, licence,
                    source, SHA-256, row counts, temporal coverage, variables, de-identification applied
${WORKSPACE_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, format: { type: 'string' }, export: { type: 'string' } } as const;

function columnCount(dataset: Dataset): number {
  return dataset.tables.reduce((sum, table) => sum + table.columns.length, 0);
}

/** `2026-03-01T09:15:02.123Z` → `2026-03-01 09:15:02Z`: seconds are enough to tell imports apart. */
function shortTimestamp(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** The catalog as rows; the table shows a short hash, CSV the whole one. */
export function renderCatalog(datasets: Dataset[], format: OutputFormat): string {
  if (format === 'json') return renderJson(datasets);
  if (format === 'table' && datasets.length === 0) return 'the workspace is empty — import a file with: pmw import FILE\n';
  const table = format === 'table';
  const rows = datasets.map((d) => [
    d.name, d.kind, table ? formatCount(d.rows) : d.rows, columnCount(d),
    table ? shortTimestamp(d.importedAt) : d.importedAt,
    table ? d.sha256.slice(0, 12) : d.sha256,
    d.sourceFile,
  ]);
  return renderTabular(tabularFromNamedRows(['name', 'kind', 'rows#', 'columns#', 'imported_at', 'sha256', 'source'], rows), format);
}

export const catalogCommand: Command = {
  name: NAME,
  summary: 'list the datasets in the workspace',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    requirePositionals(NAME, positionals, []);
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    if (values.export !== undefined) {
      const target = resolve(values.export);
      const document = await withEngine(workspace, (engine) => engine.exportCatalog());
      await writeFile(target, renderJson(document));
      const count = (document['dcat:dataset'] as unknown[]).length;
      io.out(`wrote the catalog of ${count} dataset${count === 1 ? '' : 's'} (DCAT, JSON-LD) to ${target}\n`);
      return 0;
    }
    const format = choiceOption(NAME, 'format', values.format, OUTPUT_FORMATS, 'table');
    const datasets = await withEngine(workspace, (engine) => engine.datasets());
    io.out(renderCatalog(datasets, format));
    return 0;
  },
};
