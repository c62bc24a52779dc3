/**
 * The contract between the preload script (main/preload.ts, contextBridge) and the renderer
 * (renderer/platform/electron.ts): `window.pmw`. Named functions only, plain data only; every argument is
 * validated again in main (main/ipc-schemas.ts). The Engine itself is not here: the renderer talks to the
 * engine utility process over a MessagePort that main hands out (`requestEnginePort`), with Comlink.
 */

export type EngineStatus = 'starting' | 'ready' | 'crashed' | 'restarting';

export interface EngineState {
  status: EngineStatus;
  /** For `crashed`: the exit code or signal, in words. */
  detail?: string;
}

/** What the application menu asks the renderer to do. */
export type MenuCommand =
  | 'import' | 'open-notebook' | 'save-notebook' | 'export-report' | 'new-workspace' | 'open-workspace' | 'about' | 'credits';

export interface NotebookEntry {
  path: string;
  name: string;
  where: 'bundled' | 'workspace';
}

export interface PmwBridge {
  /**
   * Asks main for a fresh port into the engine; it arrives as a `window` message whose data is
   * `{ type: 'pmw:engine-port' }` with the MessagePort in `event.ports[0]` (ports cannot cross contextBridge).
   */
  requestEnginePort(): void;
  /** Engine process state changes (a crash, a restart); returns the unsubscribe function. */
  onEngineState(listener: (state: EngineState) => void): () => void;
  /** Starts a new engine process on the same workspace after a crash. */
  restartEngine(): Promise<void>;
  /** Native open dialog for data: files (`files`) or one folder (`folder`). Chosen paths become importable. */
  chooseDataPaths(kind: 'files' | 'folder'): Promise<string[]>;
  /** Paths of files dropped on the window (from webUtils.getPathForFile); they become importable. */
  grantDroppedFiles(files: File[]): Promise<string[]>;
  listNotebooks(): Promise<NotebookEntry[]>;
  readNotebook(path: string): Promise<string>;
  /** Native open dialog for a notebook anywhere on disk; the chosen file becomes readable. Null when cancelled. */
  chooseNotebook(): Promise<NotebookEntry | null>;
  /** Save dialog (suggesting `name`) or, with `path`, that earlier-chosen file; resolves to the entry or null when cancelled. */
  saveNotebook(name: string, text: string): Promise<NotebookEntry | null>;
  /** Save dialog for a download (CSV, HTML report); null when cancelled. */
  saveFile(name: string, data: ArrayBuffer): Promise<string | null>;
  info(): Promise<{ workspace: string; appVersion: string }>;
  /** The language chosen in the window, so the menu and dialogs follow it. */
  setLanguage(locale: 'en' | 'zh-CN'): Promise<void>;
  /** Menu commands; `path` is set when the user picked a file from a recent-files list (open-notebook). */
  onMenu(listener: (command: MenuCommand, path?: string) => void): () => void;
}
