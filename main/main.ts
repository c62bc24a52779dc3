/**
 * The Electron main process: one window on the last workspace (the samples the first time), the menu, native
 * dialogs, and ports into the engine process. No data work here: the engine runs in a utility process
 * (main/engine-host.ts) and the window talks to it directly. Security (Electron's checklist): the page is
 * served from app://pmw with a strict CSP, isolated and sandboxed, with no navigation, windows, permissions
 * or network; every IPC call is checked for its origin and arguments. Built by main/build.ts to
 * dist/electron/main.cjs.
 */

import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, protocol, screen, session, utilityProcess, type MessagePortMain } from 'electron';
import { setLocale, t, type Locale } from '../renderer/i18n/i18n.js';
import { currentPlatform, samplesWorkspacePath } from '../cli/workspace-path.js';
import { APP_SCHEME, APP_START_URL } from './app-origin.js';
import { appLayout, startWorkspace } from './app-layout.js';
import { createAppProtocolHandler } from './app-protocol.js';
import type { MenuCommand } from './bridge-api.js';
import { withContentSecurityPolicy } from './content-security-policy.js';
import { DesktopState, fileExists } from './desktop-state.js';
import { createEngineHost, type EngineHost } from './engine-host.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { ENGINE_STATE_CHANNEL, MENU_CHANNEL } from './ipc-schemas.js';
import { chooseNotebookFile, ipcRoutes, type RouteContext } from './ipc-routes.js';
import { buildMenuTemplate, type MenuAction } from './menu-template.js';
import { NotebookAccess, notebookFoldersFor } from './notebook-files.js';
import { addRecentFile, emptyRecentFiles, type RecentFiles, type RecentKind } from './recent-files.js';
import { guardSession, guardWebContents } from './web-contents-guard.js';
import { buildWindowOptions } from './window-options.js';
import { restoreWindowState } from './window-state.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// The end-to-end test runs the app on its own folders, away from the user's.
if (process.env.PMW_USER_DATA) app.setPath('userData', process.env.PMW_USER_DATA);
const layout = appLayout(app.getAppPath());
const state = new DesktopState(app.getPath('userData'));
/** The menu's and dialogs' language: the system's (the page keeps its own preference). Known once ready. */
let locale: Locale = 'en';
let window: BrowserWindow | null = null;
let host: EngineHost<MessagePortMain>;
let workspace = '';
let notebooks: { folders: ReturnType<typeof notebookFoldersFor>; access: NotebookAccess };
let recent: RecentFiles = emptyRecentFiles();

function newEngineHost(path: string): EngineHost<MessagePortMain> {
  const engine = createEngineHost<MessagePortMain>({
    fork: (entry) => {
      const child = utilityProcess.fork(entry, [], { serviceName: 'pmw engine', stdio: 'inherit' });
      return {
        postMessage: (message, transfer) => child.postMessage(message, transfer),
        onMessage: (listener) => { child.on('message', listener); },
        onExit: (listener) => { child.on('exit', (code) => listener(code, null)); },
        kill: () => { child.kill(); },
      };
    },
    newChannel: () => new MessageChannelMain(),
  }, {
    entry: layout.engineEntry, workspace: path, samples: layout.samples,
    // The samples workspace (the first run, or File › Open of it) gets the bundled samples, as `pmw start` does.
    ...(path === samplesWorkspacePath(undefined, currentPlatform()) && layout.samples.length >= 2
      ? { importSamples: { directory: layout.samples[0]!, gibleed: layout.samples[1]! } } : {}),
  });
  engine.onState((next) => window?.webContents.send(ENGINE_STATE_CHANNEL, next));
  return engine;
}

async function remember(kind: RecentKind, path: string): Promise<void> {
  recent = addRecentFile(recent, kind, path);
  await state.saveRecent(recent);
  installMenu();
}

/** Opens `path` as the workspace: a new engine process on it, and the window starts over. */
async function openWorkspace(path: string): Promise<void> {
  if (host) await host.stop();
  workspace = path;
  notebooks = { folders: notebookFoldersFor(path, layout.bundledNotebooks), access: new NotebookAccess(notebookFoldersFor(path, layout.bundledNotebooks)) };
  host = newEngineHost(path);
  try {
    await host.start();
  } catch (error) {
    dialog.showErrorBox(t('app.title', {}, locale), t('menu.engineFailed', { detail: error instanceof Error ? error.message : String(error) }, locale));
    return;
  }
  await state.saveLastWorkspace(path);
  await remember('workspace', path);
  window?.webContents.reload();
}

async function pickWorkspace(create: boolean): Promise<string | null> {
  const filters = [{ name: t('menu.dialog.workspaceFilter', {}, locale), extensions: ['duckdb'] }];
  if (create) {
    const result = await dialog.showSaveDialog(window!, { title: t('menu.dialog.newWorkspace', {}, locale), defaultPath: 'workspace.duckdb', filters });
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const result = await dialog.showOpenDialog(window!, { title: t('menu.dialog.openWorkspace', {}, locale), properties: ['openFile'], filters });
  return result.canceled ? null : result.filePaths[0] ?? null;
}

function sendMenu(command: MenuCommand, path?: string): void {
  window?.webContents.send(MENU_CHANNEL, command, path);
}

async function onMenuAction(action: MenuAction): Promise<void> {
  switch (action.command) {
    case 'clear-recent':
      recent = emptyRecentFiles();
      await state.saveRecent(recent);
      installMenu();
      return;
    case 'new-workspace':
    case 'open-workspace': {
      const path = ('path' in action && action.path) || await pickWorkspace(action.command === 'new-workspace');
      if (path) await openWorkspace(path);
      return;
    }
    case 'open-notebook': {
      const entry = 'path' in action && action.path ? await notebooks.access.allow(action.path) : await chooseNotebookFile(routeContext);
      if (entry) sendMenu('open-notebook', entry.path);
      return;
    }
    case 'credits':
      await dialog.showMessageBox(window!, { type: 'info', title: t('menu.credits.title', {}, locale), message: t('menu.credits.title', {}, locale), detail: t('menu.credits.text', {}, locale) });
      return;
    default:
      sendMenu(action.command);
  }
}

function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
    translate: (key) => t(key, {}, locale),
    platform: process.platform,
    recent,
    development: !app.isPackaged,
    onAction: (action) => { onMenuAction(action).catch((error: unknown) => dialog.showErrorBox(t('app.title', {}, locale), String(error))); },
  })));
}

const routeContext: RouteContext = {
  window: () => window,
  host: () => host,
  notebooks: () => notebooks,
  workspace: () => workspace,
  downloads: app.getPath('downloads'),
  appVersion: app.getVersion(),
  rememberNotebook: (path) => { void remember('notebook', path); },
  setLanguage: (language) => {
    if (language === locale) return;
    locale = language;
    setLocale(language);
    installMenu();
  },
};

function secureSession(): void {
  const current = session.defaultSession;
  guardSession(current);
  current.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  // No network at all: only our own scheme and in-page data/blob URLs load.
  current.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(app|data|blob|devtools):/.test(details.url) }));
}

async function createWindow(): Promise<void> {
  const saved = restoreWindowState(await state.windowState(), screen.getAllDisplays().map((d) => d.workArea));
  window = new BrowserWindow(buildWindowOptions({ preload: layout.preload, bounds: saved.bounds, title: t('app.title', {}, locale) }));
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (!window) return;
    void state.saveWindowState({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => { window = null; });
  await window.loadURL(APP_START_URL);
}

async function start(): Promise<void> {
  locale = app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  protocol.handle(APP_SCHEME, createAppProtocolHandler(layout.rendererDir));
  secureSession();
  recent = await state.recent();
  registerIpcHandlers(ipcMain, ipcRoutes(routeContext));
  const last = await state.lastWorkspace();
  const first = process.env.PMW_WORKSPACE ?? startWorkspace(last, last !== null && await fileExists(last), samplesWorkspacePath(undefined, currentPlatform()));
  await openWorkspace(first);
  installMenu();
  await createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would find the workspace locked by the first: bring the first one forward instead.
  app.quit();
} else {
  app.on('second-instance', () => { window?.isMinimized() && window.restore(); window?.focus(); });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped || !host) return;
    event.preventDefault();
    host.stop().finally(() => { stopped = true; app.quit(); });
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(t('app.title', {}, locale), String(error instanceof Error ? error.stack ?? error.message : error));
    app.exit(1);
  });
}

