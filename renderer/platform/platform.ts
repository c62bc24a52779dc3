/**
 * How the renderer reaches the Engine and the files around it. Two implementations: `web.ts` (a WebSocket to
 * `pmw serve`, Comlink messages over it) and `electron.ts` (a MessagePort from the preload; desktop issue).
 * The renderer imports only `import type` from workers/.
 */
import type { Engine } from '../../workers/engine/api.js';

/** The Engine as the UI sees it: every method is async already, progress callbacks work across the channel. */
export type EngineClient = Omit<Engine, 'openWorkspace' | 'close' | 'exportResult'>;

export interface NotebookFile {
  /** Opaque handle understood by this platform (a path for the server or Electron). */
  path: string;
  /** File name shown to the user, e.g. `cohort-basics.md`. */
  name: string;
  /** `bundled` notebooks come with the app (read-only); `workspace` ones sit beside the workspace. */
  where: 'bundled' | 'workspace';
}

export interface Platform {
  kind: 'web' | 'electron';
  engine: EngineClient;
  /**
   * Makes files the user picked or dropped readable by the engine and returns the path to import:
   * one file → its path; several files (an OMOP folder, FAERS quarters) → the folder holding them.
   * Reports bytes sent; aborting stops the transfer and removes what was staged.
   */
  stageFiles(files: File[], onProgress: (sent: number, total: number) => void, signal: AbortSignal): Promise<string>;
  listNotebooks(): Promise<NotebookFile[]>;
  readNotebook(path: string): Promise<string>;
  /** Saves beside the workspace (never over a bundled notebook); returns the saved file. */
  writeNotebook(name: string, text: string): Promise<NotebookFile>;
  /** Hands a file to the user (a download in the browser, a save dialog in Electron). */
  saveDownload(name: string, data: Blob): Promise<void>;
  /** Workspace path, app version and the like, for the about box and the provenance footer. */
  info(): Promise<{ workspace: string; appVersion: string }>;
}
