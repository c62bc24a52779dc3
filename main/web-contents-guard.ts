/**
 * What every web page of the app is denied: navigating anywhere (a link, a redirect, a dropped file), opening
 * windows, attaching <webview>s, and every permission (camera, notifications, clipboard reads, …). Applied to
 * each webContents as it is created (app 'web-contents-created'), so no window escapes it. The interfaces are the
 * few members of Electron's objects this touches, so the rules are tested under Node.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** The members of Electron's WebContents the guard uses. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The members of Electron's Session the guard uses. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export function preventEvent(event: PreventableEvent): void {
  event.preventDefault();
}

export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/** Navigation, redirects, new windows and <webview> are refused on `contents`. */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', preventEvent);
  contents.on('will-redirect', preventEvent);
  contents.on('will-attach-webview', preventEvent);
  contents.setWindowOpenHandler(denyWindowOpen);
}

/** Every permission request and check answered no. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
}
