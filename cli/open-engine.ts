import type { WorkspaceEngine } from '../workers/engine/engine.js';

/**
 * Opens the workspace, runs `work`, and closes the engine whatever happens, so DuckDB writes its
 * file out and releases the lock before the process exits. The engine (DuckDB and every analysis) is loaded
 * here, on first use, so `pmw --help` and commands that host the engine elsewhere (`pmw serve`) start fast.
 */
export async function withEngine<T>(workspacePath: string, work: (engine: WorkspaceEngine) => Promise<T>): Promise<T> {
  const { WorkspaceEngine: Engine } = await import('../workers/engine/engine.js');
  const engine = new Engine();
  try {
    await engine.openWorkspace(workspacePath);
    return await work(engine);
  } finally {
    await engine.close();
  }
}
