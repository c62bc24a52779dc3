/**
 * Main's side of the engine process: starts it on the workspace, hands out ports into it, passes on the
 * paths the user granted, and watches it — a process that exits while not asked to stop is a crash, which
 * the window learns as `crashed` and answers with a restart. Pure logic: Electron's `utilityProcess.fork`
 * and `MessageChannelMain` come in as `deps` (under Node, tests pass child_process and worker_threads
 * stand-ins). No data passes through here.
 */
import type { EngineState } from './bridge-api.js';
import type { PmwErrorData, WorkspaceInfo } from '../workers/engine/api.js';
import type { FromEngineProcess, ToEngineProcess } from '../workers/engine/engine-process-protocol.js';

/** The engine process as the host uses it. */
export interface EngineChild<Port> {
  postMessage(message: ToEngineProcess, transfer?: Port[]): void;
  onMessage(listener: (message: unknown) => void): void;
  /** `signal` is null where the platform gives only a code (Electron). */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export interface EngineHostDeps<Port> {
  fork(entry: string): EngineChild<Port>;
  newChannel(): { port1: Port; port2: Port };
}

export interface EngineHostOptions {
  /** The built engine entry (workers/engine/utility-process). */
  entry: string;
  workspace: string;
  /** Bundled sample folders the window may import from. */
  samples?: string[];
  /** Import the bundled samples (synthetic folder, GiBleed) on opening: the samples workspace. */
  importSamples?: { directory: string; gibleed: string };
  /** How long `stop` waits for a clean close before killing. Default 5 s. */
  stopTimeoutMs?: number;
}

export interface EngineHost<Port> {
  readonly state: EngineState;
  /** Starts the process and opens the workspace; rejects with the engine's error when it cannot. */
  start(): Promise<WorkspaceInfo>;
  /** A new port into the engine for one window; the other end goes to the engine. */
  openRendererPort(): Port;
  /** Makes files or folders importable (kept, and given again to a restarted engine). */
  grantPaths(paths: readonly string[]): void;
  onState(listener: (state: EngineState) => void): () => void;
  /** After a crash: a new process on the same workspace. */
  restart(): Promise<WorkspaceInfo>;
  /** Closes the workspace, waits for the process to end, kills it after the timeout. */
  stop(): Promise<void>;
}

function exitDetail(code: number | null, signal: string | null): string {
  if (signal) return `killed by ${signal}`;
  return `exit code ${code ?? 'unknown'}`;
}

function engineError(error: PmwErrorData): Error {
  return Object.assign(new Error(error.message), { name: 'PmwError' }, error);
}

export function createEngineHost<Port>(deps: EngineHostDeps<Port>, options: EngineHostOptions): EngineHost<Port> {
  const listeners = new Set<(state: EngineState) => void>();
  const granted = new Set<string>();
  let state: EngineState = { status: 'starting' };
  let child: EngineChild<Port> | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;

  function setState(next: EngineState): void {
    state = next;
    for (const listener of listeners) listener(next);
  }

  function launch(status: 'starting' | 'restarting'): Promise<WorkspaceInfo> {
    stopping = false;
    setState({ status });
    const current = deps.fork(options.entry);
    child = current;
    return new Promise<WorkspaceInfo>((resolve, reject) => {
      let settled = false;
      let markExited: () => void = () => undefined;
      exited = new Promise((done) => { markExited = done; });
      current.onMessage((raw) => {
        const message = raw as FromEngineProcess;
        if (message?.type === 'ready' && !settled) {
          settled = true;
          setState({ status: 'ready' });
          resolve(message.info);
        } else if (message?.type === 'failed' && !settled) {
          settled = true;
          setState({ status: 'crashed', detail: message.error.message });
          reject(engineError(message.error));
          current.kill();
        }
      });
      current.onExit((code, signal) => {
        markExited();
        if (child === current) child = null;
        if (!settled) {
          settled = true;
          reject(engineError({ code: 'WORKSPACE_CLOSED', message: `the engine process ended before the workspace opened (${exitDetail(code, signal)})` }));
        }
        if (!stopping && state.status !== 'crashed') setState({ status: 'crashed', detail: exitDetail(code, signal) });
      });
      current.postMessage({ type: 'open', workspace: options.workspace, samples: options.samples ?? [], ...(options.importSamples ? { importSamples: options.importSamples } : {}) });
      if (granted.size > 0) current.postMessage({ type: 'grant', paths: [...granted] });
    });
  }

  async function stop(): Promise<void> {
    const current = child;
    if (!current) return;
    stopping = true;
    const done = exited;
    current.postMessage({ type: 'close' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), options.stopTimeoutMs ?? 5000); });
    if ((await Promise.race([done, timeout])) === 'timeout') {
      current.kill();
      await done;
    }
    clearTimeout(timer);
  }

  return {
    get state() { return state; },
    start: () => launch('starting'),
    openRendererPort() {
      if (!child) throw engineError({ code: 'WORKSPACE_CLOSED', message: 'the engine is not running', hint: 'restart the engine' });
      const { port1, port2 } = deps.newChannel();
      child.postMessage({ type: 'connect' }, [port2]);
      return port1;
    },
    grantPaths(paths) {
      const fresh = paths.filter((path) => !granted.has(path));
      for (const path of fresh) granted.add(path);
      if (fresh.length > 0) child?.postMessage({ type: 'grant', paths: fresh });
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async restart() {
      await stop();
      return launch('restarting');
    },
    stop,
  };
}
