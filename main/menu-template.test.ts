import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { t } from '../renderer/i18n/i18n.js';
import { buildMenuTemplate, type MenuAction, type MenuTemplateInput } from './menu-template.js';

function template(overrides: Partial<MenuTemplateInput> = {}) {
  const actions: MenuAction[] = [];
  const menu = buildMenuTemplate({
    translate: (key) => t(key), platform: 'linux', development: false,
    recent: { workspace: ['/data/trial.duckdb'], notebook: [] },
    onAction: (action) => actions.push(action), ...overrides,
  });
  return { menu, actions };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label} in ${items.map((i) => i.label ?? i.role ?? i.type).join(', ')}`);
  return item;
}

const click = (item: MenuItemConstructorOptions): void => (item.click as () => void)();

describe('the application menu', () => {
  it('has File, Edit, View and Help, in the catalog\'s language', () => {
    expect(template().menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const chinese = template({ translate: (key) => t(key, {}, 'zh-CN') }).menu;
    expect(chinese.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('File: each item sends its command; shortcuts for the frequent ones; Quit on Linux and Windows', () => {
    const { menu, actions } = template();
    const file = submenu(menu[0]);
    const expected: [string, MenuAction['command'], string | undefined][] = [
      ['New Workspace…', 'new-workspace', 'CmdOrCtrl+Shift+N'],
      ['Open Workspace…', 'open-workspace', 'CmdOrCtrl+Shift+O'],
      ['Import Data…', 'import', 'CmdOrCtrl+I'],
      ['Open Notebook…', 'open-notebook', 'CmdOrCtrl+O'],
      ['Save Notebook', 'save-notebook', 'CmdOrCtrl+S'],
      ['Export Report…', 'export-report', 'CmdOrCtrl+E'],
    ];
    for (const [label, command, accelerator] of expected) {
      const item = find(file, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
      expect(actions.at(-1)).toEqual({ command });
    }
    expect(find(file, 'Quit').role).toBe('quit');
  });

  it('lists recent workspaces by file name (full path as tooltip) and opens the one picked', () => {
    const { menu, actions } = template();
    const recent = submenu(find(submenu(menu[0]), 'Open Recent Workspace'));
    const entry = find(recent, 'trial.duckdb');
    expect(entry.toolTip).toBe('/data/trial.duckdb');
    click(entry);
    expect(actions).toEqual([{ command: 'open-workspace', path: '/data/trial.duckdb' }]);
    click(find(recent, 'Clear Recent'));
    expect(actions.at(-1)).toEqual({ command: 'clear-recent' });
    const none = submenu(find(submenu(menu[0]), 'Open Recent Notebook'));
    expect(none).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('Help: about and data-source credits', () => {
    const { menu, actions } = template();
    const help = submenu(menu[3]);
    click(find(help, 'About Precision Medicine Workbench'));
    click(find(help, 'Data-Source Credits'));
    expect(actions).toEqual([{ command: 'about' }, { command: 'credits' }]);
  });

  it('offers developer tools only while developing, and puts Quit in the macOS app menu', () => {
    const roles = (menu: MenuItemConstructorOptions[]) => submenu(menu.find((m) => m.label === 'View')).map((i) => i.role);
    expect(roles(template().menu)).not.toContain('toggleDevTools');
    expect(roles(template({ development: true }).menu)).toContain('toggleDevTools');
    const mac = template({ platform: 'darwin' }).menu;
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(submenu(mac[1]).some((i) => i.role === 'quit')).toBe(false);
  });
});
