import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendText } from './security-headers.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a file of the renderer bundle; `/` is index.html. Nothing outside `root` is reachable. */
export async function serveStatic(response: ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
  const realRoot = await realpath(root).catch(() => null);
  const path = realRoot && !relative.split(/[/\\]/).includes('..') ? await realpath(join(realRoot, relative)).catch(() => null) : null;
  const info = path ? await stat(path).catch(() => null) : null;
  if (!realRoot || !path || !path.startsWith(realRoot + sep) || !info?.isFile()) {
    sendText(response, 404, `not found: ${pathname}`);
    return;
  }
  response.statusCode = 200;
  response.setHeader('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
  response.setHeader('Content-Length', info.size);
  // The page is cheap to revalidate and must never be kept by a shared cache.
  response.setHeader('Cache-Control', 'no-cache, private');
  createReadStream(path).pipe(response);
}
