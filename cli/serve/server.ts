import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';
import { WebSocketServer } from 'ws';
import type { ErrorCode } from '../../workers/engine/api.js';
import { toPmwError } from '../../workers/engine/errors.js';
import { ENGINE_VERSION } from '../../workers/engine/version.js';
import { AccessPolicy, hostPort, isWildcard, newToken } from './access.js';
import type { ServeFolders } from './folders.js';
import { listNotebooks, readNotebook, writeNotebook } from './notebooks-api.js';
import { setSecurityHeaders, sendJson, sendText } from './security-headers.js';
import { relaySocket } from './socket-relay.js';
import { serveStatic } from './static-files.js';
import { deleteUploadBatch, receiveUpload } from './uploads-api.js';

export interface ServerOptions {
  /** Hands out a fresh port into the (opened) engine for each browser connection: EngineThread.openPort. */
  openEnginePort(): MessagePort;
  /** The workspace path, for /api/info. */
  workspace: string;
  folders: ServeFolders;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default: a new random one. */
  token?: string;
  /**
   * Settles when the engine has opened the workspace (and imported samples, and its file access is limited):
   * the server answers pages at once, so the browser paints while the engine starts, and WebSocket handshakes
   * wait for this. A rejection refuses them with 503.
   */
  engineReady?: Promise<unknown>;
}

export interface RunningServer {
  port: number;
  /** `http://127.0.0.1:PORT`, or the host it was started with. */
  origin: string;
  /** The address to open, with the token: `origin/?token=...`. */
  url: string;
  token: string;
  close(): Promise<void>;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400, FILE_NOT_FOUND: 404, DATASET_EXISTS: 409, CANCELLED: 400, READ_ONLY: 403,
};

/** A Host header fit to repeat in a header (the CSP): host name or address and port, nothing else. */
function safeHost(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return /^[A-Za-z0-9.:[\]-]{1,260}$/.test(host) ? host : 'invalid.invalid';
}

function refuseUpgrade(socket: Duplex, status: string, text: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/**
 * The HTTP and WebSocket server of `pmw serve`: the renderer bundle, the file API and a Comlink relay per
 * WebSocket. Every request needs the token (see docs/serve.md for the security model).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true });
  const readableRoots = [options.folders.uploads, ...options.folders.samples];
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const policy = new AccessPolicy(token, port, host);
  const origin = `http://${hostPort(isWildcard(host) ? '127.0.0.1' : host, port)}`;
  const missingToken = `pmw serve needs its token: open the address it printed (${origin}/?token=...)`;

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = request.method ?? 'GET';
    const { folders } = options;
    switch (`${method} ${url.pathname}`) {
      case 'GET /api/info': return sendJson(response, 200, { workspace: options.workspace, appVersion: ENGINE_VERSION });
      case 'GET /api/notebooks': return listNotebooks(response, folders);
      case 'GET /api/notebook': return readNotebook(response, url, folders);
      case 'PUT /api/notebook': return writeNotebook(request, response, url, folders);
      case 'POST /api/upload': return receiveUpload(request, response, url, folders.uploads);
      case 'DELETE /api/upload': return deleteUploadBatch(response, url, folders.uploads);
    }
    if (url.pathname.startsWith('/api/')) return sendText(response, 404, `no such API: ${method} ${url.pathname}`);
    if (method !== 'GET' && method !== 'HEAD') return sendText(response, 405, `${method} is not allowed here`);
    return serveStatic(response, options.rendererDir, url.pathname);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response, safeHost(request));
    if (!policy.hostAllowed(request)) return sendText(response, 403, `this server answers to ${origin} only`);
    const url = new URL(request.url ?? '/', origin);
    const offered = url.searchParams.get('token');
    if (offered !== null && request.method === 'GET' && !url.pathname.startsWith('/api/')) {
      if (!policy.matches(offered)) return sendText(response, 403, 'wrong token: open the address pmw serve printed');
      // The token leaves the address bar (and the history) at once; the cookie carries it from here on.
      url.searchParams.delete('token');
      response.statusCode = 302;
      response.setHeader('Set-Cookie', policy.cookie());
      response.setHeader('Location', url.pathname + url.search);
      response.setHeader('Cache-Control', 'no-store');
      response.end();
      return;
    }
    const access = policy.check(request);
    if (access === 'missing') return sendText(response, 401, missingToken);
    if (access === 'wrong') return sendText(response, 403, 'wrong token: open the address pmw serve printed');
    const writes = request.method !== 'GET' && request.method !== 'HEAD';
    if (writes && request.headers.origin !== undefined && !policy.originAllowed(request)) {
      return sendText(response, 403, `requests from ${request.headers.origin} are refused`);
    }
    await route(request, response, url);
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      const pmw = toPmwError(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      request.resume();
      sendJson(response, HTTP_STATUS[pmw.code] ?? (error instanceof URIError ? 400 : 500), pmw.toData());
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== '/ws') return refuseUpgrade(socket, '404 Not Found', 'the WebSocket is at /ws');
    if (!policy.originAllowed(request)) {
      return refuseUpgrade(socket, '403 Forbidden', `WebSocket connections from ${request.headers.origin ?? 'no origin'} are refused`);
    }
    const access = policy.check(request);
    if (access === 'missing') return refuseUpgrade(socket, '401 Unauthorized', missingToken);
    if (access === 'wrong') return refuseUpgrade(socket, '403 Forbidden', 'wrong token');
    (options.engineReady ?? Promise.resolve()).then(
      () => sockets.handleUpgrade(request, socket, head, (webSocket) => {
        relaySocket(webSocket, options.openEnginePort(), readableRoots);
      }),
      (error: unknown) => refuseUpgrade(socket, '503 Service Unavailable', `the engine did not start: ${toPmwError(error).message}`),
    );
  });

  return {
    port, origin, token, url: `${origin}/?token=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
