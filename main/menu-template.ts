/**
 * The application menu as a template: File (workspaces, import, notebooks, report), Edit, View, Help (about,
 * data-source credits). Labels come from the renderer's catalogs (`menu.*` keys), so the menu speaks the UI's
 * language; each item only names a command, which main/main.ts carries out or forwards to the renderer.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from './bridge-api.js';
import type { MessageKey } from '../renderer/i18n/i18n.js';
import type { RecentFiles } from './recent-files.js';

/** What a menu item asks for; `path` is set for an entry of a recent-files list. */
export type MenuAction = { command: MenuCommand; path?: string } | { command: 'clear-recent' };

export interface MenuTemplateInput {
  translate: (key: MessageKey) => string;
  platform: NodeJS.Platform;
  recent: RecentFiles;
  /** Developer tools and reload only while developing (not in an installed app). */
  development: boolean;
  onAction: (action: MenuAction) => void;
}

function recentSubmenu(input: MenuTemplateInput, paths: string[], command: MenuCommand): MenuItemConstructorOptions[] {
  if (paths.length === 0) return [{ label: input.translate('menu.file.noRecent'), enabled: false }];
  return [
    ...paths.map((path): MenuItemConstructorOptions => ({ label: basename(path), toolTip: path, click: () => input.onAction({ command, path }) })),
    { type: 'separator' },
    { label: input.translate('menu.file.clearRecent'), click: () => input.onAction({ command: 'clear-recent' }) },
  ];
}

function fileMenu(input: MenuTemplateInput): MenuItemConstructorOptions {
  const { translate: tr, onAction } = input;
  const item = (key: MessageKey, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: tr(key), ...(accelerator ? { accelerator } : {}), click: () => onAction({ command }),
  });
  return {
    label: tr('menu.file'),
    submenu: [
      item('menu.file.newWorkspace', 'new-workspace', 'CmdOrCtrl+Shift+N'),
      item('menu.file.openWorkspace', 'open-workspace', 'CmdOrCtrl+Shift+O'),
      { label: tr('menu.file.recentWorkspaces'), submenu: recentSubmenu(input, input.recent.workspace, 'open-workspace') },
      { type: 'separator' },
      item('menu.file.import', 'import', 'CmdOrCtrl+I'),
      { type: 'separator' },
      item('menu.file.openNotebook', 'open-notebook', 'CmdOrCtrl+O'),
      { label: tr('menu.file.recentNotebooks'), submenu: recentSubmenu(input, input.recent.notebook, 'open-notebook') },
      item('menu.file.saveNotebook', 'save-notebook', 'CmdOrCtrl+S'),
      item('menu.file.exportReport', 'export-report', 'CmdOrCtrl+E'),
      // macOS quits from the application menu.
      ...(input.platform === 'darwin' ? [] : [{ type: 'separator' } as const, { label: tr('menu.file.quit'), role: 'quit' } as const]),
    ],
  };
}

export function buildMenuTemplate(input: MenuTemplateInput): MenuItemConstructorOptions[] {
  const { translate: tr, onAction } = input;
  const appMenu: MenuItemConstructorOptions[] = input.platform === 'darwin'
    ? [{ role: 'appMenu' }]
    : [];
  return [
    ...appMenu,
    fileMenu(input),
    {
      label: tr('menu.edit'),
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: tr('menu.view'),
      submenu: [
        ...(input.development ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
      ],
    },
    {
      label: tr('menu.help'),
      submenu: [
        { label: tr('menu.help.about'), click: () => onAction({ command: 'about' }) },
        { label: tr('menu.help.credits'), click: () => onAction({ command: 'credits' }) },
      ],
    },
  ];
}
