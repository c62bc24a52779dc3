/**
 * Where the renderer is loaded from: a privileged custom scheme (`app://pmw/index.html`), never http and never
 * a remote origin. Every IPC message must come from a frame of this origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pmw';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL on our own origin (`app://pmw/...`); anything unparsable is not ours. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
