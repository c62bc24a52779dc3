/**
 * The messages between the desktop app's main process (main/engine-host.ts) and the engine process
 * (utility-process.ts). Main only starts, connects, grants and stops; every data request travels on the
 * ports it hands out, straight from the window to the engine.
 */
import type { PmwErrorData, WorkspaceInfo } from './api.js';

export type ToEngineProcess =
  /**
   * Opens the workspace file; `samples` are the bundled sample folders the window may import from. With
   * `importSamples` (the samples workspace, as on the first run) the bundled samples are imported before
   * `ready`, as `pmw start` does: new or changed ones imported, unchanged ones left.
   */
  | { type: 'open'; workspace: string; samples?: string[]; importSamples?: { directory: string; gibleed: string } }
  /** Carries one port (ports[0]) on which the engine serves one window. */
  | { type: 'connect' }
  /** Files or folders the user chose in a dialog or dropped on the window: they become importable. */
  | { type: 'grant'; paths: string[] }
  /** Closes the workspace cleanly, then the process exits. */
  | { type: 'close' };

export type FromEngineProcess =
  | { type: 'ready'; info: WorkspaceInfo }
  | { type: 'failed'; error: PmwErrorData }
  | { type: 'closed' };
