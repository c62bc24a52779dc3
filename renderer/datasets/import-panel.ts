/**
 * Importing data from the UI: pick files (or drop them anywhere on the window), choose the kind and a name,
 * then two progress bars (upload, import) with one Cancel; errors say where and what to do (a refusal by the
 * privacy policy, IDENTIFIERS_FOUND, too); on success the identifier columns the scan found and the quality
 * summary are shown, and the catalog refreshes and unfolds the new dataset.
 */
import type { ImportResult, ProgressPhase } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { createProgressBar } from '../app/progress-bar.js';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.js';
import type { Platform } from '../platform/platform.js';
import { takeDroppedFiles } from './dropped-files.js';
import { importPrivacyWarnings, importQualitySummary, importTransforms } from './import-findings.js';
import { PANEL_KINDS, startImport, type ImportKind, type ImportTask } from './import-task.js';

const KIND_LABEL: Record<ImportKind, MessageKey> = {
  auto: 'app.import.kind.auto',
  table: 'app.import.kind.table',
  faers: 'app.import.kind.faers',
  omop: 'app.import.kind.omop',
  vcf: 'app.import.kind.vcf',
  reports: 'app.import.kind.reports',
};

const PHASE_LABEL: Record<ProgressPhase, MessageKey> = {
  checking: 'app.import.phase.checking',
  reading: 'app.import.phase.reading',
  finishing: 'app.import.phase.finishing',
};

const megabytes = (bytes: number): string => formatNumber(bytes / 1e6, { maximumFractionDigits: 1 });

export interface ImportPanel {
  element: HTMLElement;
  destroy(): void;
}

function resultView(result: ImportResult): HTMLElement {
  const name = result.dataset.name;
  return el('div', { className: 'import-result', testid: 'import-result', dataset: { dataset: name } }, [
    el('p', {
      label: () => (result.duplicateOf
        ? t('app.import.duplicate', { name })
        : t('app.import.done', { name, rows: result.dataset.rows, seconds: formatNumber(result.elapsedMs / 1000, { maximumFractionDigits: 1 }) })),
    }),
    (result.warnings?.length ?? 0) > 0 && el('div', { className: 'import-warnings', testid: 'import-warnings' }, [
      el('h4', { label: () => t('app.import.warnings') }),
      el('ul', {}, (result.warnings ?? []).map((warning) => el('li', { text: warning }))),
    ]),
    importPrivacyWarnings(result),
    importTransforms(result),
    importQualitySummary(result),
  ]);
}

export function createImportPanel(platform: Pick<Platform, 'engine' | 'stageFiles'>, onImported: (name: string) => Promise<void>): ImportPanel {
  let files: File[] = [];
  let droppedFolder: string | null = null;
  let task: ImportTask | null = null;
  const input = el('input', { testid: 'import-input', attrs: { type: 'file', multiple: '' }, on: { change: () => chooseFiles([...(input.files ?? [])]) } });
  // An OMOP folder or a folder of FAERS quarters in one pick (its files are staged side by side).
  const folderInput = el('input', {
    testid: 'import-folder-input',
    attrs: { type: 'file', multiple: '', webkitdirectory: '' },
    on: { change: () => chooseFiles([...(folderInput.files ?? [])]) },
  });
  const fileList = el('ul', { className: 'import-files', testid: 'import-files' });
  const kind = el('select', { testid: 'import-kind' }, PANEL_KINDS.map((value) => el('option', { attrs: { value }, label: () => t(KIND_LABEL[value]) })));
  const name = el('input', { testid: 'import-name', attrs: { type: 'text', spellcheck: 'false' }, localizedAttrs: { placeholder: () => t('app.import.namePlaceholder') } });
  const start = el('button', { testid: 'import-start', attrs: { type: 'button', disabled: '' }, label: () => t('app.import.start'), on: { click: () => void run() } });
  const cancel = el('button', { testid: 'import-cancel', attrs: { type: 'button', hidden: '' }, label: () => t('app.common.cancel'), on: { click: () => void task?.cancel() } });
  const upload = createProgressBar('import-upload-progress');
  const progress = createProgressBar('import-progress');
  const outcome = el('div', { className: 'import-outcome' });

  function chooseFiles(chosen: File[], folder: string | null = null): void {
    if (task || chosen.length === 0) return;
    files = chosen;
    droppedFolder = folder;
    replaceChildren(fileList, files.map((file) => el('li', { text: file.name })));
    start.disabled = false;
    replaceChildren(outcome, []);
  }

  async function run(): Promise<void> {
    if (files.length === 0 || task) return;
    start.disabled = true;
    cancel.removeAttribute('hidden');
    replaceChildren(outcome, []);
    upload.show(true);
    upload.set(0, () => t('app.import.uploading'));
    // Progress can arrive after the result when it crosses the connection: once settled, late reports are ignored.
    let settled = false;
    const current = startImport({
      platform,
      files,
      kind: kind.value as ImportKind,
      name: name.value,
      droppedFolder,
      onUpload: (sent, total) => !settled && upload.set(total ? sent / total : null, () => t('app.import.uploaded', { sent: megabytes(sent), total: megabytes(total) })),
      onProgress: (p) => {
        if (settled) return;
        progress.show(true);
        progress.set(p.fraction, () => t('app.import.phaseMessage', { phase: t(PHASE_LABEL[p.phase]), message: p.message }));
      },
    });
    task = current;
    try {
      const result = await current.result;
      replaceChildren(outcome, [resultView(result)]);
      files = [];
      replaceChildren(fileList, []);
      input.value = '';
      folderInput.value = '';
      name.value = '';
      await onImported(result.dataset.name);
    } catch (error) {
      replaceChildren(outcome, [current.cancelled
        ? el('p', { className: 'muted', testid: 'import-cancelled', label: () => t('app.import.cancelled') })
        : createErrorView(toErrorData(error), 'import-error')]);
      start.disabled = false;
    } finally {
      settled = true;
      task = null;
      cancel.setAttribute('hidden', '');
      upload.show(false);
      progress.show(false);
    }
  }

  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    document.body.classList.add('dragging-files');
  };
  const onDragEnd = (): void => { document.body.classList.remove('dragging-files'); };
  const onDrop = (event: DragEvent): void => {
    onDragEnd();
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    void takeDroppedFiles(event.dataTransfer).then(({ files: dropped, folder }) => chooseFiles(dropped, folder));
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('dragleave', onDragEnd);
  window.addEventListener('drop', onDrop);

  const element = el('section', { className: 'import-panel', testid: 'import-panel' }, [
    el('label', { className: 'field' }, [el('span', { label: () => t('app.import.files') }), input]),
    el('label', { className: 'field' }, [el('span', { label: () => t('app.import.folder') }), folderInput]),
    el('p', { className: 'muted small', label: () => t('app.import.dropHint') }),
    fileList,
    el('label', { className: 'field' }, [el('span', { label: () => t('app.import.kind') }), kind]),
    el('label', { className: 'field' }, [el('span', { label: () => t('app.import.name') }), name]),
    el('div', { className: 'button-row' }, [start, cancel]),
    upload.element,
    progress.element,
    outcome,
  ]);
  return {
    element,
    destroy() {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragEnd);
      window.removeEventListener('drop', onDrop);
      void task?.cancel();
    },
  };
}
