import type { ServerResponse } from 'node:http';

/**
 * Headers on every response. Scripts only from this server, never inline or eval; styles from this server
 * plus inline ones, because CodeMirror and Observable Plot put <style> elements and style attributes into
 * the page. `connect-src` names the WebSocket of this server explicitly (older browsers do not count ws: as
 * 'self'). Images may be data: or blob: URLs (exported charts).
 */
export function setSecurityHeaders(response: ServerResponse, hostHeader: string): void {
  response.setHeader('Content-Security-Policy', [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ws://${hostHeader}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** A short plain-text answer (errors, refusals), never cached. */
export function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(text.endsWith('\n') ? text : `${text}\n`);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(value));
}
