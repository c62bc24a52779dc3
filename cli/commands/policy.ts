import type { PrivacyPolicy } from '../../workers/engine/api.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { renderJson } from '../output/json.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'policy';

const HELP = `Usage: pmw policy [--on-identifiers warn|refuse|transform] [--min-cell N] [--date-shift-days N] [--format table|json]

Shows the workspace's privacy policy, or changes it (the change is audited):
  --on-identifiers A  what an import does when it finds direct identifiers: warn (default: import and
                      report), refuse (import nothing), transform (drop names, phones, e-mails,
                      addresses; hash ID and record numbers; birth dates to the year; postcodes to 3
                      characters — then import)
  --min-cell N        smallest count any analysis shows or exports (default 5; 0 for teaching data):
                      smaller counts appear as <N, and counts that would reveal them are hidden too
  --date-shift-days N default ± days of the shift-dates transform (default 180)
  --format F          table (default) or json
${WORKSPACE_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  'on-identifiers': { type: 'string' },
  'min-cell': { type: 'string' },
  'date-shift-days': { type: 'string' },
  format: { type: 'string' },
} as const;

export function renderPolicy(policy: PrivacyPolicy): string {
  const cells = policy.minCellCount > 0 ? `counts from 1 to ${policy.minCellCount - 1} shown as <${policy.minCellCount}, with complementary suppression` : 'every count shown (0)';
  return [
    `identifiers at import  ${policy.onIdentifiers}`,
    `minimum cell count     ${policy.minCellCount} (${cells})`,
    `date shift             ±${policy.dateShiftDays} days`,
  ].join('\n') + '\n';
}

export const policyCommand: Command = {
  name: NAME,
  summary: 'show or change the privacy policy (identifiers at import, minimum cell count)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    requirePositionals(NAME, positionals, []);
    const format = choiceOption(NAME, 'format', values.format, ['table', 'json'] as const, 'table');
    const change: Partial<PrivacyPolicy> = {};
    if (values['on-identifiers'] !== undefined) change.onIdentifiers = choiceOption(NAME, 'on-identifiers', values['on-identifiers'], ['warn', 'refuse', 'transform'] as const, 'warn');
    if (values['min-cell'] !== undefined) change.minCellCount = integerOption(NAME, 'min-cell', values['min-cell'], 5, 0, 1_000_000);
    if (values['date-shift-days'] !== undefined) change.dateShiftDays = integerOption(NAME, 'date-shift-days', values['date-shift-days'], 180, 1, 3650);
    const workspace = resolveWorkspacePath(values.workspace, currentPlatform(io.env));
    const policy = await withEngine(workspace, (engine) => (Object.keys(change).length > 0 ? engine.setPrivacyPolicy(change) : engine.privacyPolicy()));
    io.out(format === 'json' ? renderJson(policy) : renderPolicy(policy));
    return 0;
  },
};
