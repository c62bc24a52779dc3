import type { ImportResult, SignalResult } from '../workers/engine/api.js';
import { WorkspaceEngine } from '../workers/engine/engine.js';
import { removeDatabase } from './db-files.js';
import { loadLine } from './machine.js';
import { timed } from './stats.js';
import { timedCall, type TimedCall } from './timed-call.js';

export interface FaersScaleRuns {
  importRun: TimedCall<ImportResult>;
  screenRun: TimedCall<SignalResult>;
  /** `engine.close()` at the end (DuckDB checkpoints then); not part of either figure. */
  closeMs: number;
  /** The machine's load right after the import and after the screen. */
  loadAfterImport: string;
  loadAfterScreen: string;
}

/**
 * A FAERS folder imported into a fresh workspace (hashing, staging every file, dedup, canonical tables:
 * all timed), then one screen of every pair with the defaults (suspect roles, normalized names, all four
 * measures).
 */
export async function faersImportAndScreen(folder: string, dbPath: string): Promise<FaersScaleRuns> {
  await removeDatabase(dbPath);
  const engine = new WorkspaceEngine();
  try {
    await engine.openWorkspace(dbPath);
    const importRun = await timedCall((progress) => engine.importFile({ path: folder, kind: 'faers', name: 'faers' }, progress));
    const loadAfterImport = loadLine();
    const screenRun = await timedCall((progress) => engine.signals({ dataset: 'faers' }, progress));
    const loadAfterScreen = loadLine();
    const closed = await timed(() => engine.close());
    return { importRun, screenRun, closeMs: closed.ms, loadAfterImport, loadAfterScreen };
  } finally {
    await engine.close();
    await removeDatabase(dbPath);
  }
}
