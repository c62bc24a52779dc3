/**
 * What each IPC channel does in the desktop app: ports into the engine, native dialogs, notebooks, saved
 * files. Paths reach the engine (`grantPaths`) only from a dialog here or from a drop (the preload turned the
 * dropped File objects into paths). Arguments arrive validated (main/ipc-handlers.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent, MessagePortMain } from 'electron';
import { dialog } from 'electron';
import { t, type Locale } from '../renderer/i18n/i18n.js';
import type { NotebookEntry } from './bridge-api.js';
import type { EngineHost } from './engine-host.js';
import type { IpcHandlers } from './ipc-handlers.js';
import { ENGINE_PORT_CHANNEL } from './ipc-schemas.js';
import { listNotebooks, type NotebookAccess, type NotebookFolders } from './notebook-files.js';

export interface RouteContext {
  window(): BrowserWindow | null;
  host(): EngineHost<MessagePortMain>;
  notebooks(): { folders: NotebookFolders; access: NotebookAccess };
  workspace(): string;
  downloads: string;
  appVersion: string;
  rememberNotebook(path: string): void;
  /** The window's language: the menu and dialogs are drawn again in it. */
  setLanguage(locale: Locale): void;
}

const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'gz', 'parquet', 'vcf', 'bgz', 'zip'];

export async function chooseNotebookFile(context: RouteContext): Promise<NotebookEntry | null> {
  const window = context.window();
  const options = {
    title: t('menu.dialog.openNotebook'),
    defaultPath: context.notebooks().folders.workspace,
    properties: ['openFile' as const],
    filters: [{ name: t('menu.dialog.notebookFilter'), extensions: ['md'] }],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = result.canceled ? undefined : result.filePaths[0];
  if (!path) return null;
  context.rememberNotebook(path);
  return context.notebooks().access.allow(path);
}

async function saveDialog(context: RouteContext, title: string, defaultPath: string): Promise<string | null> {
  const window = context.window();
  const result = window ? await dialog.showSaveDialog(window, { title, defaultPath }) : await dialog.showSaveDialog({ title, defaultPath });
  return result.canceled || !result.filePath ? null : result.filePath;
}

export function ipcRoutes(context: RouteContext): IpcHandlers<IpcMainInvokeEvent> {
  return {
    'pmw:request-engine-port': (event: IpcMainInvokeEvent) => {
      event.sender.postMessage(ENGINE_PORT_CHANNEL, null, [context.host().openRendererPort()]);
    },
    'pmw:restart-engine': async () => { await context.host().restart(); },
    'pmw:choose-data-paths': async (_event: IpcMainInvokeEvent, kind: 'files' | 'folder') => {
      const window = context.window();
      const options = kind === 'folder'
        ? { title: t('menu.dialog.dataFolder'), properties: ['openDirectory' as const] }
        : {
          title: t('menu.dialog.dataFiles'),
          properties: ['openFile' as const, 'multiSelections' as const],
          filters: [{ name: t('menu.dialog.dataFilter'), extensions: DATA_EXTENSIONS }, { name: t('menu.dialog.allFiles'), extensions: ['*'] }],
        };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return [];
      context.host().grantPaths(result.filePaths);
      return result.filePaths;
    },
    'pmw:grant-dropped-paths': (_event: IpcMainInvokeEvent, paths: string[]) => {
      context.host().grantPaths(paths);
      return paths;
    },
    'pmw:list-notebooks': () => listNotebooks(context.notebooks().folders),
    'pmw:read-notebook': (_event: IpcMainInvokeEvent, path: string) => context.notebooks().access.read(path),
    'pmw:choose-notebook': () => chooseNotebookFile(context),
    'pmw:save-notebook': async (_event: IpcMainInvokeEvent, name: string, text: string) => {
      const { access } = context.notebooks();
      const target = access.knownTarget(name) ?? await saveDialog(context, t('menu.dialog.saveNotebook'), access.defaultTarget(name));
      if (!target) return null;
      const saved = await access.write(target, text);
      context.rememberNotebook(target);
      return saved;
    },
    'pmw:save-file': async (_event: IpcMainInvokeEvent, name: string, data: ArrayBuffer | ArrayBufferView) => {
      const target = await saveDialog(context, t('menu.dialog.saveFile', { name }), join(context.downloads, name));
      if (!target) return null;
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      await writeFile(target, bytes);
      return target;
    },
    'pmw:info': () => ({ workspace: context.workspace(), appVersion: context.appVersion }),
    'pmw:set-language': (_event: IpcMainInvokeEvent, language: Locale) => context.setLanguage(language),
  };
}
