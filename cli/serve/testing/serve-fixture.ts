import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import WebSocket from 'ws';
import type { EngineClient } from '../../../renderer/platform/platform.js';
import { remoteEngineClient } from '../../../renderer/platform/remote-engine.js';
import { SocketEndpoint, type ChannelPair, type WebSocketLike } from '../../../renderer/platform/socket-endpoint.js';
import { EngineThread } from '../../../workers/engine/engine-thread.js';
import { serveFolders, type ServeFolders } from '../folders.js';
import { restrictFileAccess } from '../../../workers/engine/guard/restrict-file-access.js';
import { startServer, type RunningServer } from '../server.js';

/** A running `pmw serve` on a fresh workspace in a temporary folder, as the command starts it. */
export interface ServeFixture {
  server: RunningServer;
  engine: EngineThread;
  folders: ServeFolders;
  dir: string;
  stop(): Promise<void>;
}

export async function startServeFixture(rendererDir: string): Promise<ServeFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'pmw-serve-test-'));
  const workspace = join(dir, 'ws.duckdb');
  const engine = new EngineThread();
  await engine.openWorkspace(workspace);
  const folders = await serveFolders(workspace, process.env);
  await mkdir(folders.uploads, { recursive: true });
  await restrictFileAccess(engine, [folders.uploads, ...folders.samples]);
  const server = await startServer({ openEnginePort: () => engine.openPort(), workspace, folders, rendererDir });
  return {
    server, engine, folders, dir,
    async stop() {
      await server.close();
      await engine.terminate();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A WebSocket to the server as a page of `origin` would open it, authenticated by the cookie. */
export function openSocket(server: RunningServer, options: { origin?: string; token?: string | null } = {}): WebSocket {
  const headers: Record<string, string> = { Origin: options.origin ?? server.origin };
  const token = options.token === undefined ? server.token : options.token;
  if (token !== null) headers.Cookie = `pmw-token-${server.port}=${token}`;
  return new WebSocket(`${server.origin.replace('http:', 'ws:')}/ws`, { headers });
}

/** Resolves with the HTTP status a refused upgrade answered with. */
export function refusedStatus(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => reject(new Error('the socket was accepted')));
    socket.on('error', () => undefined);
  });
}

export interface RemoteEngine {
  engine: EngineClient;
  /** Any Engine method by name, including the ones the server refuses (straight through Comlink). */
  call(method: string, ...args: unknown[]): Promise<unknown>;
  endpoint: SocketEndpoint;
  socket: WebSocket;
}

/** The Engine over a WebSocket, as web.ts builds it in the browser (Node's ws and MessageChannel here). */
export async function connectEngine(server: RunningServer): Promise<RemoteEngine> {
  const socket = openSocket(server);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const endpoint = new SocketEndpoint(socket as unknown as WebSocketLike, () => new MessageChannel() as unknown as ChannelPair,
    () => ({ code: 'WORKSPACE_CLOSED', message: 'the connection to pmw serve was lost' }));
  const engine = remoteEngineClient(endpoint as unknown as Comlink.Endpoint);
  const raw = Comlink.wrap<Record<string, (...a: unknown[]) => Promise<unknown>>>(endpoint as unknown as Comlink.Endpoint);
  const call = (method: string, ...args: unknown[]): Promise<unknown> => raw[method]!(...args);
  return { engine, call, endpoint, socket };
}
