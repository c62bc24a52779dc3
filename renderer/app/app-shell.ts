/**
 * The app's frame: top bar, a sidebar (import, datasets, notebooks) and the notebook view in the main area.
 */
import { createDatasetBrowser } from '../datasets/dataset-browser.js';
import { createImportPanel } from '../datasets/import-panel.js';
import { t } from '../i18n/i18n.js';
import { createNotebookView } from '../notebook-view/notebook-view.js';
import type { Platform } from '../platform/platform.js';
import { el } from './dom.js';
import { createNotebookList } from './notebook-list.js';
import { createTopBar } from './top-bar.js';
import type { PmwBridge } from '../../main/bridge-api.js';
import { followMenu } from './menu-commands.js';
import { ENGINE_RESTARTED_EVENT } from './engine-banner.js';
import { createPolicyControl } from '../privacy/policy-dialog.js';

export interface AppShell {
  destroy(): void;
}

export async function mountApp(root: HTMLElement, platform: Platform): Promise<AppShell> {
  const info = await platform.info();
  const notebookView = createNotebookView(platform);
  const datasets = createDatasetBrowser(platform.engine);
  const importPanel = createImportPanel(platform, (name) => datasets.refresh(name));
  const notebooks = createNotebookList(platform, (file) => void notebookView.open(file));
  const importSection = el('details', { className: 'import-section', testid: 'import-section' }, [
    el('summary', { testid: 'import-open', label: () => t('app.import.title') }),
    importPanel.element,
  ]);
  root.replaceChildren(el('div', { className: 'app' }, [
    createTopBar(info, [createPolicyControl(platform.engine)]),
    el('aside', { className: 'sidebar', localizedAttrs: { 'aria-label': () => t('app.sidebar') } }, [importSection, datasets.element, notebooks.element]),
    el('main', { className: 'main-area' }, [notebookView.element]),
  ]));
  // After an engine restart (desktop app) the catalog is read again from the new engine.
  const onRestarted = (): void => void datasets.refresh();
  window.addEventListener(ENGINE_RESTARTED_EVENT, onRestarted);
  // A dropped file opens the import section so the user sees the kind and name to choose.
  window.addEventListener('drop', () => { importSection.open = true; });
  // The desktop app's menu (main sends the commands through the bridge).
  const bridge = (window as { pmw?: PmwBridge }).pmw;
  const stopMenu = bridge ? followMenu(bridge, {
    importData: () => {
      importSection.open = true;
      importPanel.element.querySelector<HTMLInputElement>('[data-testid=import-input]')?.click();
    },
    openNotebook: (path, name) => void notebookView.open({ path, name, where: 'workspace' }),
    saveNotebook: () => void notebookView.save(),
    exportReport: () => void notebookView.exportReport(),
    showAbout: () => root.querySelector<HTMLButtonElement>('[data-testid=about-button]')?.click(),
  }) : () => undefined;
  await Promise.all([datasets.refresh(), notebooks.refresh()]);
  return {
    destroy() {
      window.removeEventListener(ENGINE_RESTARTED_EVENT, onRestarted);
      stopMenu();
      importPanel.destroy();
      notebookView.destroy();
    },
  };
}
