/**
 * Worker-thread host of the Engine: `pmw serve` and the tests talk to it over Comlink, so the thread that
 * owns a UI or a socket never waits on DuckDB.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { QueryOptions, ResultPage } from './api.js';
import { WorkspaceEngine } from './engine.js';
import { EXPOSE_ON_PORT } from './expose-on-port.js';
import { installErrorTransfer } from './transfer.js';

/** Result pages move their typed arrays to the other thread instead of copying them. */
class TransferringEngine extends WorkspaceEngine {
  override async query(sql: string, opts?: QueryOptions): Promise<ResultPage> {
    const page = await super.query(sql, opts);
    return Comlink.transfer(page, pageBuffers(page));
  }
}

function pageBuffers(page: ResultPage): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { data } of page.columns) {
    if (data.kind === 'string' || data.kind === 'json') continue;
    buffers.add(data.values.buffer as ArrayBuffer);
    buffers.add(data.valid.buffer as ArrayBuffer);
  }
  return [...buffers];
}

if (!parentPort) throw new Error('workers/engine/worker.ts must be started as a worker thread');
installErrorTransfer();
const engine = new TransferringEngine();
Comlink.expose(engine, nodeEndpoint(parentPort));

// `pmw serve` gives each browser connection a port of its own into this same engine, so one tab's replies
// never reach another; Comlink ignores this message type on the parent port.
parentPort.on('message', (message: { type?: unknown; port?: MessagePort }) => {
  if (message?.type === EXPOSE_ON_PORT && message.port) Comlink.expose(engine, nodeEndpoint(message.port));
});
