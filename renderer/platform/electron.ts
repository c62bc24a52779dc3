/**
 * The desktop platform: the Engine in its utility process over a MessagePort that main hands out through the
 * preload (`window.pmw`, main/bridge-api.ts), with Comlink; files, notebooks and downloads through the bridge.
 * The engine process may die: `engine` stays the same object and forwards to the current port, calls in
 * flight fail with a clear error, and after `restartEngine()` a new port carries on. DOM-free apart from the
 * `message` event the port arrives in (the window, or any EventTarget in tests).
 */
import type { EngineState, PmwBridge } from '../../main/bridge-api.js';
import { ENGINE_CLIENT_METHODS } from './engine-methods.js';
import type { NotebookFile, Platform, EngineClient } from './platform.js';
import { installErrorTransfer, pmwError, type ErrorData } from './pmw-error.js';
import { portEndpoint, type AnyPort } from './port-endpoint.js';
import { remoteEngineClient } from './remote-engine.js';
import { commonFolder } from './common-folder.js';

export type ElectronPlatform = Platform & {
  /** Engine process states as main reports them (`crashed` with its detail, `restarting`, `ready`). */
  onEngineState(listener: (state: EngineState) => void): () => void;
  /** Calls `listener` each time the engine stops unasked, with the error calls then fail with. */
  onDisconnect(listener: (error: ErrorData) => void): () => void;
  /** A new engine process on the same workspace, and a new port into it. */
  restartEngine(): Promise<void>;
};

/** Where the port arrives: `window` in the app. */
export type PortMessageTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export const ENGINE_PORT_MESSAGE = 'pmw:engine-port';

function stoppedError(detail?: string): ErrorData {
  return {
    code: 'WORKSPACE_CLOSED',
    message: detail ? `the engine stopped (${detail})` : 'the engine stopped',
    hint: 'press Restart in the banner at the top; the workspace and saved notebooks are kept',
  };
}

/** Asks main for a port and waits for the window message that brings it. */
function requestPort(bridge: PmwBridge, target: PortMessageTarget): Promise<AnyPort> {
  return new Promise((resolve) => {
    const receive = (event: Event): void => {
      const { data, ports } = event as MessageEvent;
      if ((data as { type?: unknown } | null)?.type !== ENGINE_PORT_MESSAGE || !ports?.[0]) return;
      target.removeEventListener('message', receive);
      resolve(ports[0] as unknown as AnyPort);
    };
    target.addEventListener('message', receive);
    bridge.requestEnginePort();
  });
}

export async function connectElectron(bridge: PmwBridge, target: PortMessageTarget = window): Promise<ElectronPlatform> {
  installErrorTransfer();
  const stateListeners = new Set<(state: EngineState) => void>();
  const disconnectListeners = new Set<(error: ErrorData) => void>();
  const inFlight = new Set<(error: Error) => void>();
  let port = await requestPort(bridge, target);
  let client = remoteEngineClient(portEndpoint(port));
  let stopped: ErrorData | null = null;

  bridge.onEngineState((state) => {
    if (state.status === 'crashed' && !stopped) {
      stopped = stoppedError(state.detail);
      for (const fail of [...inFlight]) fail(pmwError(stopped));
      for (const listener of disconnectListeners) listener(stopped);
    }
    for (const listener of stateListeners) listener(state);
  });

  /** Runs a call on the current connection; it fails at once, or when the engine stops, instead of hanging. */
  function forward(method: (typeof ENGINE_CLIENT_METHODS)[number], args: unknown[]): Promise<unknown> {
    if (stopped) return Promise.reject(pmwError(stopped));
    return new Promise((resolve, reject) => {
      inFlight.add(reject);
      const call = client[method] as (...args: unknown[]) => Promise<unknown>;
      call(...args).then(resolve, reject).finally(() => inFlight.delete(reject));
    });
  }

  const engine = Object.fromEntries(ENGINE_CLIENT_METHODS.map((method) => [method, (...args: unknown[]) => forward(method, args)])) as unknown as EngineClient;

  return {
    kind: 'electron',
    engine,
    async stageFiles(files, onProgress, signal) {
      if (files.length === 0) throw pmwError({ code: 'BAD_REQUEST', message: 'no files were given to import' });
      const paths = await bridge.grantDroppedFiles(files);
      if (signal.aborted) throw pmwError({ code: 'CANCELLED', message: 'the import was cancelled' });
      const total = files.reduce((sum, file) => sum + file.size, 0);
      // Nothing is copied: the engine reads the files where they are.
      onProgress(total, total);
      if (paths.length === 1) return paths[0]!;
      const folder = commonFolder(paths);
      if (folder === null) {
        throw pmwError({
          code: 'BAD_REQUEST', message: `the ${paths.length} files do not lie in one folder`,
          hint: 'put the files of one dataset (an OMOP folder, FAERS quarters) in one folder and drop or choose that folder',
        });
      }
      return folder;
    },
    listNotebooks: () => bridge.listNotebooks(),
    readNotebook: (path) => bridge.readNotebook(path),
    async writeNotebook(name, text): Promise<NotebookFile> {
      const saved = await bridge.saveNotebook(name, text);
      if (!saved) throw pmwError({ code: 'CANCELLED', message: `saving ${name} was cancelled`, hint: 'nothing was written' });
      return saved;
    },
    async saveDownload(name, data) {
      await bridge.saveFile(name, await data.arrayBuffer());
    },
    info: () => bridge.info(),
    onEngineState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    async restartEngine() {
      await bridge.restartEngine();
      const fresh = await requestPort(bridge, target);
      port.close();
      port = fresh;
      client = remoteEngineClient(portEndpoint(port));
      stopped = null;
    },
  };
}
