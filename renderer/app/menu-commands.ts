/**
 * The desktop app's menu, acted on in the window: main sends a command (File › Import…, Open/Save notebook,
 * Export report, Help › About) through the bridge, and the shell does what the same buttons do in the page. Workspace
 * commands and the data-source credits are handled in main.
 */
import type { PmwBridge } from '../../main/bridge-api.js';

export interface MenuTargets {
  /** Opens the import section and the file picker. */
  importData(): void;
  openNotebook(path: string, name: string): void;
  saveNotebook(): void;
  showAbout(): void;
  exportReport(): void;
}

export function followMenu(bridge: Pick<PmwBridge, 'onMenu' | 'chooseNotebook'>, targets: MenuTargets): () => void {
  return bridge.onMenu((command, path) => {
    switch (command) {
      case 'import': targets.importData(); return;
      case 'save-notebook': targets.saveNotebook(); return;
      case 'about': targets.showAbout(); return;
      case 'export-report': targets.exportReport(); return;
      case 'open-notebook':
        if (path) targets.openNotebook(path, baseName(path));
        else void bridge.chooseNotebook().then((entry) => { if (entry) targets.openNotebook(entry.path, entry.name); });
        return;
      default: // the workspace commands and the credits are main's own
    }
  });
}

function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}
