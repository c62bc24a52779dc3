import { WorkspaceEngine } from '../workers/engine/engine.js';
import { removeDatabase } from './db-files.js';
import { PhaseRecorder, type ImportPhases } from './import-phases.js';
import { timed } from './stats.js';

export interface EngineImportRun {
  /** Wall time of `importFile`, ms. */
  ms: number;
  cpuMs: number;
  rows: number;
  phases: ImportPhases;
  /** `engine.close()` afterwards (DuckDB checkpoints then); not part of `ms`. */
  closeMs: number;
}

/**
 * One import through the Engine into a fresh workspace: `importFile` timed whole (hashing, checks,
 * CREATE TABLE, catalog, audit). `whileOpen` runs on the imported workspace before it is closed and deleted.
 */
export async function engineImport(
  csvPath: string,
  dbPath: string,
  whileOpen?: (engine: WorkspaceEngine) => Promise<void>,
): Promise<EngineImportRun> {
  await removeDatabase(dbPath);
  const engine = new WorkspaceEngine();
  try {
    await engine.openWorkspace(dbPath);
    const recorder = new PhaseRecorder();
    const { ms, cpuMs, result } = await timed(() => engine.importFile({ path: csvPath, name: 'bench' }, recorder.listener));
    if (whileOpen) await whileOpen(engine);
    const closed = await timed(() => engine.close());
    return { ms, cpuMs, rows: result.dataset.rows, phases: recorder.phases(ms), closeMs: closed.ms };
  } finally {
    await engine.close();
    await removeDatabase(dbPath);
  }
}
