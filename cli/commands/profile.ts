import type { ColumnProfile, Dataset } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount, plural } from '../output/format.js';
import { renderJson } from '../output/json.js';
import { sparkline } from '../output/sparkline.js';
import { renderTable } from '../output/table.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'profile';

const HELP = `Usage: pmw profile NAME [--format table|json] [--table T]

Profiles each column of a dataset: type, nulls, distinct values (exact up to 5M rows, estimated above, marked ≈), min, max, the most
frequent values and, for numbers and dates, a histogram drawn as a sparkline.

Options:
  --format F        table (default) or json
  --table T         which table of a dataset that holds several (default: its first)
${WORKSPACE_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, format: { type: 'string' }, table: { type: 'string' } } as const;

function topValuesText(profile: ColumnProfile): string {
  return profile.topValues.map((t) => `${t.value} (${formatCount(t.count)})`).join(', ');
}

/** A heading line and one row per column. */
export function renderProfileTable(dataset: Dataset, table: string, profiles: ColumnProfile[]): string {
  const rows = profiles.map((p) => [
    p.name, p.type, formatCount(p.nulls), formatCount(p.distinct) + (p.distinctIsExact ? '' : ' ≈'), p.min, p.max, topValuesText(p),
    p.histogram ? sparkline(p.histogram) : '',
  ]);
  const heading = `${dataset.name}: ${plural(profiles[0]?.rows ?? 0, 'row')}, ${plural(profiles.length, 'column')}` +
    (dataset.tables.length > 1 ? ` (table ${table})` : '');
  const body = renderTable(tabularFromNamedRows(['column', 'type', 'nulls#', 'distinct#', 'min', 'max', 'top values', 'histogram'], rows));
  return `${heading}\n\n${body}`;
}

export const profileCommand: Command = {
  name: NAME,
  summary: 'profile the columns of a dataset',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    const [name] = requirePositionals(NAME, positionals, ['NAME']);
    const format = choiceOption(NAME, 'format', values.format, ['table', 'json'] as const, 'table');
    const { dataset, profiles } = await withEngine(resolveWorkspacePath(values.workspace, currentPlatform(io.env)), async (engine) => {
      const found = await engine.dataset(name!);
      return { dataset: found, profiles: await engine.profile(found.id, values.table ? { table: values.table } : {}) };
    });
    const table = values.table ?? dataset.tables[0]?.table ?? dataset.name;
    io.out(format === 'json' ? renderJson({ dataset: dataset.name, table, columns: profiles }) : renderProfileTable(dataset, table, profiles));
    return 0;
  },
};
