import { WorkspaceEngine } from '../workers/engine/engine.js';

/**
 * Opens the workspace, runs `work`, and closes the engine whatever happens, so DuckDB writes its
 * file out and releases the lock before the process exits.
 */
export async function withEngine<T>(workspacePath: string, work: (engine: WorkspaceEngine) => Promise<T>): Promise<T> {
  const engine = new WorkspaceEngine();
  try {
    await engine.openWorkspace(workspacePath);
    return await work(engine);
  } finally {
    await engine.close();
  }
}
