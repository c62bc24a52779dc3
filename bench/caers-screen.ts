import { fileURLToPath } from 'node:url';
import type { SignalResult } from '../workers/engine/api.js';
import { WorkspaceEngine } from '../workers/engine/engine.js';
import { removeDatabase } from './db-files.js';
import { timed } from './stats.js';
import { timedCall, type TimedCall } from './timed-call.js';

export const CAERS_CSV = fileURLToPath(new URL('../test/fixtures/caers.csv', import.meta.url));

export interface CaersScreens {
  /** The import, not part of any figure. */
  importMs: number;
  runs: TimedCall<SignalResult>[];
}

/**
 * openEBGM's CAERS example through the Engine: imported once as a report table (not timed), then the
 * whole MGPS workflow — counts, prior fit, every measure, result table, first page — `runs` times.
 */
export async function caersScreens(dbPath: string, runs: number): Promise<CaersScreens> {
  await removeDatabase(dbPath);
  const engine = new WorkspaceEngine();
  try {
    await engine.openWorkspace(dbPath);
    const imported = await timed(() => engine.importFile({
      path: CAERS_CSV,
      kind: 'reports',
      name: 'caers',
      reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', strataColumns: ['strat1'] },
    }));
    const screens: TimedCall<SignalResult>[] = [];
    for (let i = 0; i < runs; i++) {
      screens.push(await timedCall((progress) => engine.signals({ dataset: 'caers', names: 'verbatim' }, progress)));
    }
    return { importMs: imported.ms, runs: screens };
  } finally {
    await engine.close();
    await removeDatabase(dbPath);
  }
}
