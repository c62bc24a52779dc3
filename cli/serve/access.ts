import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret for one server run: 32 random bytes as 64 hex characters. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Who may talk to the server: the token, the Host names it answers to, the origins its pages come from. */
export class AccessPolicy {
  /** Per port, so two servers on one machine do not overwrite each other's cookie. */
  readonly cookieName: string;
  private readonly hosts: Set<string> | null;

  constructor(readonly token: string, readonly port: number, host: string) {
    this.cookieName = `pmw-token-${port}`;
    // Bound to every interface, the server cannot know the names it is reached by; the token still guards it.
    this.hosts = isWildcard(host) ? null : new Set([hostPort('127.0.0.1', port), hostPort('localhost', port), hostPort('::1', port), hostPort(host, port)]);
  }

  /** The Host header names this server (a page of another site rebound to 127.0.0.1 does not). */
  hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host;
    return host !== undefined && (this.hosts === null || this.hosts.has(host.toLowerCase()));
  }

  /** A WebSocket or a write comes from a page of this server: the Origin is exactly http://HOST:PORT. */
  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    const host = request.headers.host;
    return origin !== undefined && host !== undefined && this.hostAllowed(request) && origin.toLowerCase() === `http://${host.toLowerCase()}`;
  }

  /** `missing`: no token offered; `wrong`: one that does not match; `ok`. */
  check(request: IncomingMessage): 'ok' | 'missing' | 'wrong' {
    const offered = bearerToken(request) ?? cookieValue(request, this.cookieName);
    if (offered === undefined) return 'missing';
    return this.matches(offered) ? 'ok' : 'wrong';
  }

  matches(offered: string): boolean {
    const a = Buffer.from(offered);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The cookie the first page load sets: not readable by scripts, never sent by other sites. */
  cookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** `host:port` as a Host header writes it (IPv6 in brackets). */
export function hostPort(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`.toLowerCase();
}

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
