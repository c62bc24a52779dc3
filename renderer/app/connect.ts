/**
 * Picks how to reach the Engine: the desktop app's preload puts `window.pmw` in place; a browser talks to
 * `pmw serve` over a WebSocket.
 */
import { connectWeb, type WebPlatform } from '../platform/web.js';

export async function connectPlatform(): Promise<WebPlatform> {
  if ('pmw' in window) {
    throw { code: 'INTERNAL', message: 'the desktop bridge (window.pmw) is present but this build has no Electron platform', hint: 'open the workbench with pmw serve in a browser' };
  }
  return connectWeb(location);
}
