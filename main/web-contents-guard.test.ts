import { describe, expect, it } from 'vitest';
import { guardSession, guardWebContents, type GuardedContents, type PreventableEvent } from './web-contents-guard.js';

function fakeContents() {
  const listeners = new Map<string, (event: PreventableEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on(event, listener) { listeners.set(event, listener); return contents; },
    setWindowOpenHandler(handler) { openHandler = handler; },
  };
  const fire = (name: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => { prevented = true; } });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('the web contents guard', () => {
  it('prevents navigation, redirects and <webview>, and denies new windows of any URL', () => {
    const { contents, fire, open } = fakeContents();
    guardWebContents(contents);
    expect(fire('will-navigate')).toBe(true);
    expect(fire('will-redirect')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open('app://pmw/index.html')).toEqual({ action: 'deny' });
  });

  it('answers every permission request and check with no', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((contents: unknown, permission: string) => boolean) | null = null;
    guardSession({ setPermissionRequestHandler: (h) => { request = h; }, setPermissionCheckHandler: (h) => { check = h; } });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      request!(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(check!(null, permission), permission).toBe(false);
    }
  });
});
