/**
 * The renderer's Content-Security-Policy. Everything is denied unless named: scripts, fonts and connections only
 * from our own `app://pmw` origin (never inline, never eval, never a remote host); styles from it plus inline
 * ones, because CodeMirror and Observable Plot insert <style> elements and style attributes; images may also be
 * data: or blob: URLs (exported charts). Set on every response of the app protocol and again on every response
 * the session sees (main/main.ts), so no page of ours runs without it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string | string[]>;

/** The headers of a response with our policy in place of any the response carried (any letter case). */
export function withContentSecurityPolicy(headers: ResponseHeaders = {}): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
