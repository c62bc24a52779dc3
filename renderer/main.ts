/** The browser bundle's entry: language first, then the Engine connection, then the app. */
import { mountApp } from './app/app-shell.js';
import { connectPlatform } from './app/connect.js';
import { showFatalError } from './app/fatal-error.js';
import { startLanguage } from './app/language.js';
import { el } from './app/dom.js';
import { t } from './i18n/i18n.js';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function start(root: HTMLElement): Promise<void> {
  // Painted at once: the engine may still be opening the workspace (pmw serve answers before it is ready).
  root.replaceChildren(el('p', { className: 'app-connecting', testid: 'app-connecting', label: () => t('app.connecting') }));
  const platform = await connectPlatform();
  platform.onDisconnect((error) => showFatalError(root, 'disconnect', error));
  await mountApp(root, platform);
}

startLanguage(safeLocalStorage(), document, navigator.languages ?? [navigator.language]);
const root = document.getElementById('app') ?? document.body;
// Failing to connect, or to load what the first screen shows, leaves nothing usable: say so on the whole page.
start(root).catch((error: unknown) => showFatalError(root, 'connect', error));
