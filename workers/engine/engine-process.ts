/**
 * What the engine process does with the messages of its parent (engine-process-protocol.ts): open the
 * workspace, serve each window on the port it is given — every call checked by the call guard, files only
 * where the user granted them — and close cleanly on request.
 */
import { isAbsolute } from 'node:path';
import * as Comlink from 'comlink';
import type { Engine } from './api.js';
import { planSampleImports, sampleRequest } from '../import/bundled-samples.js';
import type { FromEngineProcess, ToEngineProcess } from './engine-process-protocol.js';
import { toPmwError } from './errors.js';
import { callReadsFiles, refusalReply, refuseCall, type CallerWording } from './guard/call-guard.js';
import { restrictFileAccess } from './guard/restrict-file-access.js';
import type { ParentChannel } from './parent-channel.js';
import { callListener, portEndpoint, type AnyPort } from '../../renderer/platform/port-endpoint.js';

const DESKTOP: CallerWording = {
  caller: 'the window',
  readOnlyHint: 'the desktop app opens and closes the workspace itself; the window may call',
  readableFolders: 'the files you chose or dropped, or the bundled samples',
  outsideHint: 'choose the file with File › Import… or drop it on the window first',
  pathHint: 'choose the file with File › Import… or drop it on the window, and pass its path',
};

/**
 * An endpoint that passes a message on only when the guard lets it; a refused call is answered with its
 * error at once. Checks resolve paths on disk, so they are chained to keep the window's calls in order.
 */
function guardedEndpoint(port: AnyPort, readableRoots: () => string[], beforeCall: (data: unknown) => Promise<void>): Comlink.Endpoint {
  const endpoint = portEndpoint(port);
  let checked = Promise.resolve();
  const wrapped = new Map<unknown, (event: { data: unknown }) => void>();
  return {
    postMessage: (message, transfer) => endpoint.postMessage(message, transfer),
    addEventListener(type, listener) {
      const receive = (event: { data: unknown }): void => {
        const { data } = event;
        checked = checked.then(async () => {
          const refusal = await refuseCall(data, readableRoots(), DESKTOP).catch((error: unknown) => toPmwError(error).toData());
          if (refusal === null) {
            await beforeCall(data).catch(() => undefined);
            callListener(listener, event);
          }
          else endpoint.postMessage(refusalReply((data as { id?: unknown } | null)?.id, refusal), []);
        });
      };
      wrapped.set(listener, receive);
      endpoint.addEventListener(type, receive as never);
    },
    removeEventListener(type, listener) {
      const receive = wrapped.get(listener);
      if (receive) endpoint.removeEventListener(type, receive as never);
      wrapped.delete(listener);
    },
    start: () => endpoint.start?.(),
  };
}

function isPathList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((path) => typeof path === 'string' && isAbsolute(path) && !path.includes('\0'));
}

/**
 * Imports the bundled samples into the open workspace; a sample that fails is reported on stderr (the
 * desktop app's log) and the others still load.
 */
async function importSamples(engine: Engine, folders: { directory: string; gibleed: string }): Promise<void> {
  const plan = await planSampleImports(folders.directory, folders.gibleed);
  for (const note of plan.notes) process.stderr.write(`pmw engine: ${note}\n`);
  for (const sample of plan.imports) {
    await engine.importFile(sampleRequest(sample)).catch((error: unknown) => {
      process.stderr.write(`pmw engine: sample ${sample.name} not imported: ${toPmwError(error).message}\n`);
    });
  }
}

/**
 * Serves the parent's messages with `engine` until `close`; then calls `exit`. Messages are handled one at
 * a time, so a `connect` sent right after `open` is served once the workspace is open.
 */
export function serveEngineProcess(channel: ParentChannel, engine: Engine, exit: (code: number) => void): void {
  const granted = new Set<string>();
  let samples: string[] = [];
  let workspace = '';
  const readableRoots = (): string[] => [...samples, ...granted];
  // What DuckDB itself may read (the page's SQL too): set when the workspace opens, and again — the workspace
  // reopened, since DuckDB keeps the list fixed once external access is off — before the first call that reads
  // files after the user granted new ones.
  let restrictedTo = '';
  const rootsKey = (): string => JSON.stringify(readableRoots().sort());
  async function limitFileAccess(): Promise<void> {
    await restrictFileAccess(engine, readableRoots());
    restrictedTo = rootsKey();
  }
  async function widenFileAccess(data: unknown): Promise<void> {
    if (restrictedTo === rootsKey() || !callReadsFiles(data)) return;
    await engine.close();
    await engine.openWorkspace(workspace);
    await limitFileAccess();
  }
  const post = (message: FromEngineProcess): void => channel.post(message);
  let queue = Promise.resolve();

  async function handle(message: ToEngineProcess, ports: readonly unknown[]): Promise<void> {
    switch (message.type) {
      case 'open':
        try {
          samples = isPathList(message.samples) ? message.samples : [];
          workspace = message.workspace;
          const info = await engine.openWorkspace(message.workspace);
          if (message.importSamples) await importSamples(engine, message.importSamples);
          await limitFileAccess();
          post({ type: 'ready', info: { ...info, datasets: (await engine.datasets()).length } });
        } catch (error) {
          post({ type: 'failed', error: toPmwError(error, 'WORKSPACE_CORRUPT').toData() });
        }
        return;
      case 'connect':
        if (ports[0]) Comlink.expose(engine, guardedEndpoint(ports[0] as AnyPort, readableRoots, widenFileAccess));
        return;
      case 'grant':
        if (isPathList(message.paths)) for (const path of message.paths) granted.add(path);
        return;
      case 'close':
        await engine.close().catch(() => undefined);
        post({ type: 'closed' });
        exit(0);
        return;
    }
  }

  channel.onMessage((message, ports) => {
    queue = queue.then(() => handle(message as ToEngineProcess, ports));
  });
}
