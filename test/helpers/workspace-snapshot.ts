import type { Engine } from '../../workers/engine/api.js';
import { cellValue } from '../../workers/db/columnar.js';

/** Everything a failed operation must leave as it was: tables, catalog rows and the audit trail. */
export async function workspaceSnapshot(engine: Engine): Promise<string> {
  const tables = await engine.query(
    "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables ORDER BY 1",
    { limit: 100_000 },
  );
  const catalog = await engine.datasets();
  const audit = await engine.audit({ limit: 100_000 });
  // Queries (this snapshot's own among them) are audited as they run; compare the entries that change data.
  const auditWithoutSnapshots = audit.filter((e) => e.action !== 'query');
  const names = Array.from({ length: tables.rowCount }, (_, i) => cellValue(tables.columns[0]!, i));
  return JSON.stringify({ names, catalog, audit: auditWithoutSnapshots.map((e) => [e.seq, e.action, e.detail]) });
}
