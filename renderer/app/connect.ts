/**
 * Picks how to reach the Engine: the desktop app's preload puts `window.pmw` in place (the engine process,
 * over a MessagePort); a browser talks to `pmw serve` over a WebSocket.
 */
import type { PmwBridge } from '../../main/bridge-api.js';
import { connectElectron } from '../platform/electron.js';
import type { Platform } from '../platform/platform.js';
import { connectWeb } from '../platform/web.js';
import type { ErrorData } from '../platform/pmw-error.js';
import { createEngineBanner } from './engine-banner.js';
import { locale, onLocaleChange } from '../i18n/i18n.js';

export type ConnectedPlatform = Platform & {
  /** The connection is gone for good: nothing on the page works any more. */
  onDisconnect(listener: (error: ErrorData) => void): () => void;
};

export async function connectPlatform(): Promise<ConnectedPlatform> {
  if (!('pmw' in window)) return connectWeb(location);
  const platform = await connectElectron((window as unknown as { pmw: PmwBridge }).pmw);
  // A crashed engine process can be restarted on the same workspace: a banner above the app offers it, so
  // the page stays as it is instead of turning into the full-page error.
  document.body.prepend(createEngineBanner(platform).element);
  // The menu and native dialogs follow the language chosen in the window.
  const bridge = (window as unknown as { pmw: PmwBridge }).pmw;
  void bridge.setLanguage(locale()).catch(() => undefined);
  onLocaleChange((next) => { void bridge.setLanguage(next).catch(() => undefined); });
  return { ...platform, onDisconnect: () => () => undefined };
}
