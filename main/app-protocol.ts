/**
 * Serves the renderer bundle on `app://pmw/…` (registered privileged, standard and secure in main/main.ts).
 * Only files inside the bundle folder are answered, only GET, each with our Content-Security-Policy; anything
 * else is a 404, so the page can load nothing from disk that was not built for it.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

/** What the renderer bundle holds (renderer/build.ts): the page, its script and styles, source maps, licences. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `rendererDir` that `url` names, or null when it is not an app URL or leaves the folder. */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, relative));
  return file.startsWith(root) ? file : null;
}

export function contentTypeOf(file: string): string | null {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? null;
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}

/** The handler for `protocol.handle('app', …)`. */
export function createAppProtocolHandler(rendererDir: string, read: (path: string) => Promise<Uint8Array> = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return new Response('method not allowed', { status: 405 });
    const file = resolveAppFile(request.url, rendererDir);
    const type = file ? contentTypeOf(file) : null;
    if (!file || !type) return notFound();
    const body = await read(file).catch(() => null);
    if (!body) return notFound();
    return new Response(Buffer.from(body.buffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  };
}
