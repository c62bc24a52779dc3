/**
 * Worker-thread host of the Engine: `pmw serve` and the tests talk to it over Comlink, so the thread that
 * owns a UI or a socket never waits on DuckDB.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { QueryOptions, ResultPage } from './api.js';
import { WorkspaceEngine } from './engine.js';
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
Comlink.expose(new TransferringEngine(), nodeEndpoint(parentPort));
