/**
 * The EngineClient on the far side of a Comlink endpoint, taking plain functions as callbacks the way the
 * UI passes them (each becomes a Comlink proxy, i.e. a MessagePort the socket bridges). DOM-free: the
 * browser (web.ts) and the Node tests of `pmw serve` build their client with it.
 */
import * as Comlink from 'comlink';
import { ENGINE_CLIENT_METHODS } from './engine-methods.js';
import type { EngineClient } from './platform.js';

export function remoteEngineClient(endpoint: Comlink.Endpoint): EngineClient {
  const remote = Comlink.wrap<EngineClient>(endpoint);
  const client: Record<string, unknown> = {};
  for (const method of ENGINE_CLIENT_METHODS) {
    const call = remote[method] as unknown as (...args: unknown[]) => Promise<unknown>;
    client[method] = (...args: unknown[]) => call(...args.map((arg) => (typeof arg === 'function' ? Comlink.proxy(arg) : arg)));
  }
  return client as unknown as EngineClient;
}
