/** The grid's "Export CSV" button, with progress and Cancel while the chunks arrive. */
import { el } from '../app/dom.js';
import { createProgressBar } from '../app/progress-bar.js';
import { t } from '../i18n/i18n.js';
import { ExportCancelled, exportCsv, type CsvExportOptions } from './csv-export.js';

export interface GridExportControl {
  element: HTMLElement;
  destroy(): void;
}

export function createGridExport(
  request: () => Omit<CsvExportOptions, 'signal' | 'onProgress'>,
  fileName: () => string,
  saveDownload: (name: string, data: Blob) => Promise<void>,
  onError: (error: unknown) => void,
): GridExportControl {
  let controller: AbortController | null = null;
  const progress = createProgressBar('grid-export-progress');
  const cancel = el('button', { testid: 'grid-export-cancel', attrs: { type: 'button', hidden: '' }, label: () => t('app.common.cancel'), on: { click: () => controller?.abort() } });
  const button = el('button', { testid: 'grid-export', attrs: { type: 'button' }, label: () => t('app.grid.exportCsv'), on: { click: () => void run() } });

  async function run(): Promise<void> {
    controller = new AbortController();
    button.disabled = true;
    cancel.removeAttribute('hidden');
    progress.show(true);
    progress.set(0, () => t('app.grid.exportStarting'));
    try {
      const blob = await exportCsv({
        ...request(),
        signal: controller.signal,
        onProgress: (done, total) => progress.set(total ? done / total : null, () => t('app.grid.exportProgress', { done, total })),
      });
      await saveDownload(fileName(), blob);
    } catch (error) {
      if (!(error instanceof ExportCancelled)) onError(error);
    } finally {
      controller = null;
      button.disabled = false;
      cancel.setAttribute('hidden', '');
      progress.show(false);
    }
  }

  return {
    element: el('div', { className: 'grid-export' }, [button, progress.element, cancel]),
    destroy() { controller?.abort(); },
  };
}
