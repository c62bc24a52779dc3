/**
 * The preload: puts `window.pmw` (main/bridge-api.ts) into the page through contextBridge — named functions
 * only, each forwarding plain data to one IPC channel. It runs sandboxed (bundled to one CommonJS file by
 * main/build.ts), so it may use only contextBridge, ipcRenderer and webUtils. The page never sees ipcRenderer,
 * and File objects become paths here (webUtils), so paths reach main only from a real pick or drop.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { EngineState, MenuCommand, NotebookEntry, PmwBridge } from './bridge-api.js';
import { ENGINE_PORT_CHANNEL, ENGINE_STATE_CHANNEL, MENU_CHANNEL, type IpcChannel } from './ipc-schemas.js';

function invoke<T>(channel: IpcChannel, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args) as Promise<T>;
}

/** Subscribes `listener` to a main → page channel; returns the unsubscribe function. */
function subscribe(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): () => void {
  ipcRenderer.on(channel, listener);
  return () => { ipcRenderer.removeListener(channel, listener); };
}

// Ports cannot cross contextBridge: the page receives its engine port as a window message of our own origin.
ipcRenderer.on(ENGINE_PORT_CHANNEL, (event) => {
  window.postMessage({ type: 'pmw:engine-port' }, window.location.origin, [...event.ports]);
});

const bridge: PmwBridge = {
  requestEnginePort: () => { void invoke('pmw:request-engine-port'); },
  onEngineState: (listener) => subscribe(ENGINE_STATE_CHANNEL, (_event, state) => listener(state as EngineState)),
  restartEngine: () => invoke('pmw:restart-engine'),
  chooseDataPaths: (kind) => invoke('pmw:choose-data-paths', kind),
  grantDroppedFiles: (files) => {
    const list = Array.from(files);
    if (!list.every((file) => file instanceof File)) return Promise.reject(new TypeError('grantDroppedFiles takes the File objects of a drop or a file input'));
    // A File the page made itself (new File(...)) has no path: it was not picked or dropped, so it is refused.
    const paths = list.map((file) => webUtils.getPathForFile(file));
    if (paths.some((path) => path === '')) return Promise.reject(new TypeError('only files picked in a dialog or dropped on the window can be imported'));
    return invoke('pmw:grant-dropped-paths', paths);
  },
  listNotebooks: () => invoke<NotebookEntry[]>('pmw:list-notebooks'),
  readNotebook: (path) => invoke('pmw:read-notebook', path),
  chooseNotebook: () => invoke('pmw:choose-notebook'),
  saveNotebook: (name, text) => invoke('pmw:save-notebook', name, text),
  saveFile: (name, data) => invoke('pmw:save-file', name, data),
  info: () => invoke('pmw:info'),
  setLanguage: (language) => invoke('pmw:set-language', language),
  onMenu: (listener) => subscribe(MENU_CHANNEL, (_event, command, path) => {
    listener(command as MenuCommand, typeof path === 'string' ? path : undefined);
  }),
};

contextBridge.exposeInMainWorld('pmw', bridge);
