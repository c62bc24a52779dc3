import type { AuditEntry, AuditVerification } from '../../workers/engine/api.js';
import type { WorkspaceEngine } from '../../workers/engine/engine.js';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine, requirePositionals } from '../arguments.js';
import { WORKSPACE_HELP, type Command } from '../command.js';
import { withEngine } from '../open-engine.js';
import { formatCount } from '../output/format.js';
import { renderJson } from '../output/json.js';
import { renderTable } from '../output/table.js';
import { tabularFromNamedRows } from '../output/tabular.js';
import { currentPlatform, resolveWorkspacePath } from '../workspace-path.js';

const NAME = 'audit';
const DEFAULT_LIMIT = 20;

const HELP = `Usage: pmw audit [--verify] [--limit N] [--offset N] [--format table|json]

Shows the workspace's audit trail, newest first: every import, query and profile, with the hash that
chains each entry to the one before it.

Options:
  --verify          recompute every hash and link; exit 0 when the trail is intact, 1 when an entry
                    was changed, inserted or removed (and say which)
  --limit N         entries to list (default ${DEFAULT_LIMIT})
  --offset N        skip the newest N entries
  --format F        table (default) or json
${WORKSPACE_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  verify: { type: 'boolean' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  format: { type: 'string' },
} as const;

/** The one line `--verify` prints when the trail holds. */
export function intactMessage(verification: AuditVerification, head: string): string {
  return `audit trail intact: ${formatCount(verification.entries)} entries, head ${head}\n`;
}

/** The one line (for stderr) when it does not. */
export function brokenMessage(verification: AuditVerification): string {
  const bad = verification.firstBad;
  const where = bad ? `entry ${bad.seq}: ${bad.problem}` : 'an unknown entry';
  return `pmw: the audit trail is broken at ${where} — ${formatCount(verification.entries)} entries before it are intact; ` +
    'the workspace was changed outside pmw, restore it from a backup if that was not intended\n';
}

/** Entries with dataset ids shown as names where the dataset still exists. */
export function renderAuditTable(entries: AuditEntry[], datasetNames: Map<string, string>): string {
  const rows = entries.map((e) => [
    e.seq, e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), e.action,
    e.dataset === null ? '' : (datasetNames.get(e.dataset) ?? e.dataset.slice(0, 8)),
    e.rows === null ? '' : formatCount(e.rows), e.detail, e.hash.slice(0, 12),
  ]);
  return renderTable(tabularFromNamedRows(['seq#', 'at', 'action', 'dataset', 'rows#', 'detail', 'hash'], rows), { maxCellWidth: 60 });
}

async function verify(engine: WorkspaceEngine, json: boolean): Promise<{ code: number; out: string; err: string }> {
  const verification = await engine.verifyAudit();
  const head = engine.auditHead();
  if (json) return { code: verification.ok ? 0 : 1, out: renderJson({ ...verification, head }), err: '' };
  return verification.ok
    ? { code: 0, out: intactMessage(verification, head), err: '' }
    : { code: 1, out: '', err: brokenMessage(verification) };
}

export const auditCommand: Command = {
  name: NAME,
  summary: 'list or verify the tamper-evident audit trail',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    requirePositionals(NAME, positionals, []);
    const format = choiceOption(NAME, 'format', values.format, ['table', 'json'] as const, 'table');
    const limit = integerOption(NAME, 'limit', values.limit, DEFAULT_LIMIT, 0, 100_000);
    const offset = integerOption(NAME, 'offset', values.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const result = await withEngine(resolveWorkspacePath(values.workspace, currentPlatform(io.env)), async (engine) => {
      if (values.verify) return verify(engine, format === 'json');
      const entries = await engine.audit({ limit, offset });
      if (format === 'json') return { code: 0, out: renderJson(entries), err: '' };
      const names = new Map((await engine.datasets()).map((d) => [d.id, d.name]));
      return { code: 0, out: renderAuditTable(entries, names), err: '' };
    });
    if (result.out) io.out(result.out);
    if (result.err) io.err(result.err);
    return result.code;
  },
};
