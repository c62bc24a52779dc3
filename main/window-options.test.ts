import { describe, expect, it } from 'vitest';
import { buildWindowOptions, MIN_HEIGHT, MIN_WIDTH } from './window-options.js';

describe('the main window options', () => {
  const options = buildWindowOptions({ preload: '/app/dist/electron/preload.cjs', bounds: { x: 10, y: 20, width: 1200, height: 800 }, title: 'pmw' });

  it('follow Electron\'s security checklist: isolated, sandboxed, no Node, web security on', () => {
    const prefs = options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('open at the remembered bounds, hidden until the first paint, never below the minimum size', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT, title: 'pmw' });
  });
});
