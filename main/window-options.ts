/**
 * The main window's options. The security settings follow Electron's checklist and are not negotiable: the
 * page runs isolated from the preload (contextIsolation), in Chromium's sandbox, without Node, with web
 * security on and no mixed content. Tested as built (window-options.test.ts).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-state.js';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  bounds: WindowBounds;
  title: string;
}

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: input.title,
    // Shown once the first paint is ready, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
    },
  };
}
