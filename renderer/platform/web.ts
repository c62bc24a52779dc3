/**
 * The browser platform: the Engine of `pmw serve` over a WebSocket (same origin, path /ws; the HttpOnly cookie
 * the first page load set authenticates it), files and notebooks over the server's HTTP API.
 */
import * as Comlink from 'comlink';
import type { NotebookFile, Platform } from './platform.js';
import { installErrorTransfer, pmwError, type ErrorData } from './pmw-error.js';
import { remoteEngineClient } from './remote-engine.js';
import { SocketEndpoint, type ChannelPair, type DisconnectError, type WebSocketLike } from './socket-endpoint.js';

export type WebPlatform = Platform & {
  /** Calls `listener` once when the connection to the server is lost; every call made after fails with it. */
  onDisconnect(listener: (error: DisconnectError) => void): () => void;
  /** Closes the connection (tests, page unload). */
  disconnect(): void;
};

function disconnectError(): DisconnectError {
  return {
    code: 'WORKSPACE_CLOSED',
    message: 'the connection to pmw serve was lost',
    hint: 'check that pmw serve is still running, then reload the page',
  };
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const failed = (): void => reject(pmwError({
      code: 'WORKSPACE_CLOSED', message: `could not connect to pmw serve at ${url}`,
      hint: 'start pmw serve again and open the address it prints (with ?token=)',
    }));
    socket.addEventListener('open', () => { socket.removeEventListener('error', failed); resolve(socket); }, { once: true });
    socket.addEventListener('error', failed, { once: true });
  });
}

async function checked(response: Response): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text();
  let data: ErrorData;
  try {
    data = JSON.parse(text) as ErrorData;
  } catch {
    data = { code: response.status === 404 ? 'FILE_NOT_FOUND' : 'INTERNAL', message: text.trim() || `the server answered ${response.status}` };
  }
  throw pmwError(data);
}

function newBatchId(): string {
  return crypto.randomUUID();
}

/** Uploads one file with progress; resolves to the server's `{ path, folder }`. */
function uploadFile(file: File, batch: string, onProgress: (sent: number) => void, signal: AbortSignal): Promise<{ path: string; folder: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ name: file.name, batch });
    request.open('POST', `/api/upload?${query}`);
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText) as { path: string; folder: string });
      else checked(new Response(request.responseText, { status: request.status })).catch(reject);
    });
    request.addEventListener('error', () => reject(pmwError({ code: 'INTERNAL', message: `the upload of ${file.name} failed`, hint: 'check that pmw serve is still running' })));
    request.addEventListener('abort', () => reject(pmwError({ code: 'CANCELLED', message: `the upload of ${file.name} was cancelled` })));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

async function stageFiles(files: File[], onProgress: (sent: number, total: number) => void, signal: AbortSignal): Promise<string> {
  const batch = newBatchId();
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  try {
    let last: { path: string; folder: string } | null = null;
    for (const file of files) {
      if (signal.aborted) throw pmwError({ code: 'CANCELLED', message: 'the upload was cancelled' });
      last = await uploadFile(file, batch, (sent) => onProgress(done + sent, total), signal);
      done += file.size;
      onProgress(done, total);
    }
    if (!last) throw pmwError({ code: 'BAD_REQUEST', message: 'no files were given to upload' });
    return files.length === 1 ? last.path : last.folder;
  } catch (error) {
    await fetch(`/api/upload?batch=${batch}`, { method: 'DELETE' }).catch(() => undefined);
    throw error;
  }
}

/** Connects to the `pmw serve` that served this page (`location` is the page's). */
export async function connectWeb(location: Pick<Location, 'protocol' | 'host'>): Promise<WebPlatform> {
  installErrorTransfer();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = await openSocket(`${scheme}//${location.host}/ws`);
  const endpoint = new SocketEndpoint(socket as WebSocketLike, () => new MessageChannel() as unknown as ChannelPair, disconnectError);
  return {
    kind: 'web',
    engine: remoteEngineClient(endpoint as unknown as Comlink.Endpoint),
    stageFiles,
    async listNotebooks() {
      return (await (await checked(await fetch('/api/notebooks'))).json()) as NotebookFile[];
    },
    async readNotebook(path) {
      return (await checked(await fetch(`/api/notebook?${new URLSearchParams({ path })}`))).text();
    },
    async writeNotebook(name, text) {
      const response = await fetch(`/api/notebook?${new URLSearchParams({ name })}`, {
        method: 'PUT', body: text, headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
      });
      return (await (await checked(response)).json()) as NotebookFile;
    },
    async saveDownload(name, data) {
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // The browser reads the object URL when the click is handled; revoke it after that turn.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    async info() {
      return (await (await checked(await fetch('/api/info'))).json()) as { workspace: string; appVersion: string };
    },
    onDisconnect: (listener) => endpoint.onDisconnect(listener),
    disconnect: () => endpoint.close(),
  };
}
