/**
 * The import panel with a real engine: files dropped on the window are staged (here: written to a temporary
 * folder, as `pmw serve` does with uploads), imported with progress, refused with file and line, reported as
 * duplicates; Cancel stops the upload or reaches the engine with the import's task id.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';
import type { ImportRequest, Progress } from '../../workers/engine/api.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { byTestId, installDom, waitFor } from '../../renderer/app/test-dom.node.js';
import type { EngineClient, Platform } from '../../renderer/platform/platform.js';
import { createImportPanel } from '../../renderer/datasets/import-panel.js';

const REPO = new URL('../..', import.meta.url).pathname;
const PERSON_CSV = join(REPO, 'samples/small/omop/person.csv');

type Stager = Platform['stageFiles'];

describe('import panel', () => {
  const engine = new WorkspaceEngine();
  const tempDir = useTempDir();

  /** Writes the files into a fresh folder, reporting bytes; one file → its path, several → the folder. */
  const stageToDisk: Stager = async (files, onProgress) => {
    const folder = join(tempDir(), `upload-${Math.random().toString(36).slice(2)}`);
    mkdirSync(folder);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let sent = 0;
    for (const file of files) {
      writeFileSync(join(folder, file.name), Buffer.from(await file.arrayBuffer()));
      sent += file.size;
      onProgress(sent, total);
    }
    return files.length === 1 ? join(folder, files[0]!.name) : folder;
  };

  /** Drops files on the window and waits until the panel lists them. */
  async function drop(panel: HTMLElement, files: File[]): Promise<void> {
    const items = files.map((file) => ({
      kind: 'file',
      webkitGetAsEntry: () => ({ isFile: true, isDirectory: false, name: file.name, file: (resolve: (file: File) => void) => resolve(file) }),
    }));
    window.dispatchEvent(Object.assign(new Event('drop'), { dataTransfer: { files, items, types: ['Files'] } }));
    const listed = () => byTestId(panel, 'import-files')[0]?.textContent;
    await waitFor(() => listed() === files.map((file) => file.name).join(''), 'the dropped files');
  }

  function choose(select: HTMLElement, value: string): void {
    // linkedom's <select> has no settable value; the browser's has.
    Object.defineProperty(select, 'value', { value, configurable: true });
  }

  /** Drops the files, picks the kind, starts the import and waits for its outcome: the error view, or the result. */
  async function importThrough(panel: HTMLElement, files: File[], kind: string): Promise<HTMLElement> {
    await drop(panel, files);
    choose(byTestId(panel, 'import-kind')[0]!, kind);
    byTestId(panel, 'import-start')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(panel, 'import-error').length + byTestId(panel, 'import-result').length === 1, 'the outcome');
    return byTestId(panel, 'import-error')[0] ?? byTestId(panel, 'import-result')[0]!;
  }

  beforeAll(async () => {
    installDom();
    await engine.openWorkspace(':memory:');
  });
  afterAll(async () => engine.close());

  it('imports dropped files, refreshes the catalog, then reports the same bytes as a duplicate', async () => {
    const imported: string[] = [];
    const uploads: number[] = [];
    const panel = createImportPanel({
      engine,
      stageFiles: (files, onProgress, signal) => stageToDisk(files, (sent, total) => { uploads.push(sent / total); onProgress(sent, total); }, signal),
    }, async (name) => { imported.push(name); });
    const file = new File([readFileSync(PERSON_CSV)], 'person.csv');
    await drop(panel.element, [file]);
    choose(byTestId(panel.element, 'import-kind')[0]!, 'table');
    byTestId(panel.element, 'import-start')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(panel.element, 'import-result').length === 1, 'the import result');
    expect(uploads).toEqual([1]);
    expect(imported).toEqual(['person']);
    // 1,000 data lines in person.csv (wc -l counts 1,001 with the header).
    expect(readFileSync(PERSON_CSV, 'utf8').trimEnd().split('\n').length - 1).toBe(1000);
    expect(byTestId(panel.element, 'import-result')[0]?.querySelector('p')?.textContent).toMatch(/^Imported person: 1,000 rows in [\d.]+ s\.$/);
    expect((await engine.datasets()).map((dataset) => dataset.name)).toEqual(['person']);
    expect(byTestId(panel.element, 'import-cancel')[0]?.hasAttribute('hidden')).toBe(true);

    await drop(panel.element, [new File([readFileSync(PERSON_CSV)], 'person.csv')]);
    byTestId(panel.element, 'import-start')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(panel.element, 'import-result').length === 1, 'the duplicate result');
    expect(byTestId(panel.element, 'import-result')[0]?.textContent).toBe('These files were already imported as person; nothing was changed.');
    expect((await engine.datasets()).map((dataset) => dataset.name)).toEqual(['person']);
    panel.destroy();
  });

  it('shows the engine’s refusal with the file, the line and what to do', async () => {
    const panel = createImportPanel({ engine, stageFiles: stageToDisk }, async () => {});
    const error = await importThrough(panel.element, [new File([readFileSync(PERSON_CSV)], 'person.csv')], 'vcf');
    expect(error.dataset.code).toBe('FILE_FORMAT');
    expect(error.querySelector('.error-location')?.textContent).toBe('person.csv, line 1');
    expect(error.querySelector('.error-hint')?.textContent).toMatch(/^What to do: /);
    // The Import button is usable again for another try.
    expect(byTestId(panel.element, 'import-start')[0]?.hasAttribute('disabled')).toBe(false);
    panel.destroy();
  });

  it('cancels an upload by aborting it, and an import by its task id', async () => {
    const hangingUpload: Stager = (_files, onProgress, signal) => new Promise((_resolve, reject) => {
      onProgress(10, 100);
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const before = (await engine.datasets()).length;
    const uploadPanel = createImportPanel({ engine, stageFiles: hangingUpload }, async () => {});
    await drop(uploadPanel.element, [new File(['a,b\n1,2\n'], 'tiny.csv')]);
    byTestId(uploadPanel.element, 'import-start')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(uploadPanel.element, 'import-upload-progress')[0]?.dataset.fraction === '0.1', 'upload progress');
    byTestId(uploadPanel.element, 'import-cancel')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(uploadPanel.element, 'import-cancelled').length === 1, 'the cancelled upload');
    uploadPanel.destroy();

    // An engine whose import waits for its cancel: what reaches `cancel` must be the import's own task id.
    let request: ImportRequest | null = null;
    let release: () => void = () => {};
    const cancelled: string[] = [];
    const slowEngine = {
      ...engine,
      datasets: () => engine.datasets(),
      importFile: (req: ImportRequest, progress?: (p: Progress) => void) => {
        request = req;
        progress?.({ taskId: req.taskId ?? '', phase: 'reading', fraction: 0.25, message: 'reading tiny.csv' });
        return new Promise<never>((_resolve, reject) => { release = () => reject({ code: 'CANCELLED', message: 'import cancelled' }); });
      },
      cancel: async (taskId: string) => { cancelled.push(taskId); release(); },
    } as unknown as EngineClient;
    const importPanel = createImportPanel({ engine: slowEngine, stageFiles: stageToDisk }, async () => {});
    await drop(importPanel.element, [new File(['a,b\n1,2\n'], 'tiny.csv')]);
    byTestId(importPanel.element, 'import-start')[0]!.dispatchEvent(new Event('click'));
    const progress = () => byTestId(importPanel.element, 'import-progress')[0]!;
    await waitFor(() => progress().dataset.fraction === '0.25', 'import progress');
    expect(progress().textContent).toBe('Reading: reading tiny.csv');
    byTestId(importPanel.element, 'import-cancel')[0]!.dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(importPanel.element, 'import-cancelled').length === 1, 'the cancelled import');
    expect(request).not.toBeNull();
    expect(cancelled).toEqual([request!.taskId]);
    expect(request!.taskId).toMatch(/^import-/);
    expect(progress().hasAttribute('hidden')).toBe(true);
    importPanel.destroy();
    expect((await engine.datasets()).length).toBe(before);
  });

  /**
   * A clinic export with planted identifiers: Chinese resident ID numbers made valid by their ISO 7064 MOD 11-2
   * check character (GB 11643-1999: weights 2^(17-i) mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the sum mod 11
   * indexes '10X98765432'), mobile numbers, names; the visit data is not identifying.
   */
  function clinicCsv(): string {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const withCheck = (first17: string) => first17 + '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11];
    // The standard's own example, 11010519491231002X, comes out of the same rule.
    expect(withCheck('11010519491231002')).toBe('11010519491231002X');
    const lines = ['patient_name,mobile,id_card,visit_date,dx'];
    for (let i = 0; i < 40; i++) {
      const id = withCheck(`110105${1950 + i}0${(i % 9) + 1}1${i % 10}${String(100 + i).slice(-3)}`);
      lines.push(`Patient ${i},1380013${String(i).padStart(4, '0')},${id},2023-0${(i % 9) + 1}-15,K92.${i % 3}`);
    }
    return lines.join('\n') + '\n';
  }

  it('warns of the identifier columns it found, examples masked; under a refusing policy the import fails and says why', async () => {
    const text = clinicCsv();
    const panel = createImportPanel({ engine, stageFiles: stageToDisk }, async () => {});
    expect((await importThrough(panel.element, [new File([text], 'clinic.csv')], 'table')).dataset.testid).toBe('import-result');
    const found = byTestId(panel.element, 'import-privacy-column');
    expect(Object.fromEntries(found.map((li) => [li.dataset.column, li.dataset.verdict]))).toMatchObject({
      'clinic.patient_name': 'identifier', 'clinic.mobile': 'identifier', 'clinic.id_card': 'identifier',
    });
    expect(found.some((li) => li.dataset.column === 'clinic.dx')).toBe(false);
    // Masked: no planted value appears whole in what the panel shows.
    const shown = byTestId(panel.element, 'import-privacy')[0]!.textContent ?? '';
    for (const value of text.split('\n').slice(1, -1).flatMap((line) => line.split(',').slice(0, 3))) expect(shown).not.toContain(value);
    expect(byTestId(panel.element, 'import-quality')[0]?.dataset.failed).toBe('0');

    await engine.setPrivacyPolicy({ onIdentifiers: 'refuse' });
    try {
      const datasets = (await engine.datasets()).length;
      const error = await importThrough(panel.element, [new File([text.replace('Patient 0', 'Patient zero')], 'clinic2.csv')], 'table');
      expect(error.dataset.code).toBe('IDENTIFIERS_FOUND');
      expect(error.querySelector('.error-message')?.textContent).toContain('id_card');
      expect(error.querySelector('.error-hint')?.textContent).toMatch(/^What to do: /);
      expect((await engine.datasets()).length).toBe(datasets);
    } finally {
      await engine.setPrivacyPolicy({ onIdentifiers: 'warn' });
      panel.destroy();
    }
  });

  it('under a transforming policy lists the transforms applied, and the scan of the result finds no identifier left', async () => {
    const panel = createImportPanel({ engine, stageFiles: stageToDisk }, async () => {});
    await engine.setPrivacyPolicy({ onIdentifiers: 'transform' });
    try {
      const outcome = await importThrough(panel.element, [new File([clinicCsv().replace('Patient 1,', 'Patient one,')], 'clinic3.csv')], 'table');
      expect(outcome.dataset.testid).toBe('import-result');
      const applied = byTestId(panel.element, 'dataset-transform').map((row) => [row.dataset.kind, row.querySelectorAll('td')[2]?.textContent]);
      // The documented choice (docs/privacy.md): names and phones dropped, ID numbers hashed (still linkable).
      expect(applied).toEqual(expect.arrayContaining([['drop', 'patient_name'], ['drop', 'mobile'], ['hash', 'id_card']]));
      expect(byTestId(panel.element, 'import-privacy')).toHaveLength(0);
      const [dataset] = (await engine.datasets()).filter((d) => d.name === 'clinic3');
      expect(dataset?.tables[0]?.columns.map((c) => c.name)).toEqual(['id_card', 'visit_date', 'dx']);
    } finally {
      await engine.setPrivacyPolicy({ onIdentifiers: 'warn' });
      panel.destroy();
    }
  });
});
