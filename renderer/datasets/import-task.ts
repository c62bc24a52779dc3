/**
 * One import from the user's files: stage them where the Engine can read them (upload in the browser), then
 * import with progress. `cancel()` stops whichever step is running. No DOM, so it is tested under Node.
 */
import type { ImportRequest, ImportResult, Progress } from '../../workers/engine/api.js';
import type { Platform } from '../platform/platform.js';

export type ImportKind = NonNullable<ImportRequest['kind']>;

/** The kinds the import panel offers; `reports` needs a column mapping the panel does not ask for. */
export const PANEL_KINDS: readonly ImportKind[] = ['auto', 'table', 'faers', 'omop', 'vcf'];

export interface ImportTaskOptions {
  platform: Pick<Platform, 'engine' | 'stageFiles'>;
  files: File[];
  kind: ImportKind;
  /** Empty: the Engine derives the name from the file name. */
  name: string;
  /** The folder the files were dropped as, if one was. */
  droppedFolder?: string | null;
  onUpload(sent: number, total: number): void;
  onProgress(progress: Progress): void;
}

export interface ImportTask {
  taskId: string;
  result: Promise<ImportResult>;
  /** True once `cancel()` was called; the result then rejects. */
  readonly cancelled: boolean;
  cancel(): Promise<void>;
}

export function newTaskId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `import-${random}`;
}

/**
 * The dataset name when the user gave none. One file: none (the Engine derives it from the file name, which
 * staging keeps). A picked folder: the folder's name. Several loose files: the kind, else `upload` — staging
 * puts them in a folder with a random name the user should never see as a dataset name.
 */
export function defaultDatasetName(files: readonly Pick<File, 'name' | 'webkitRelativePath'>[], kind: ImportKind): string | undefined {
  if (files.length <= 1) return undefined;
  // Files from a drop or a plain pick have an empty relative path (and none at all outside browsers).
  const roots = new Set(files.map((file) => (file.webkitRelativePath || '').split('/').slice(0, -1)[0] ?? ''));
  const [root] = roots;
  if (roots.size === 1 && root) return root;
  return kind === 'auto' ? 'upload' : kind;
}

export function startImport(options: ImportTaskOptions): ImportTask {
  const taskId = newTaskId();
  const upload = new AbortController();
  let step: 'upload' | 'import' | 'done' = 'upload';
  let cancelled = false;

  async function run(): Promise<ImportResult> {
    const path = await options.platform.stageFiles(options.files, options.onUpload, upload.signal);
    if (cancelled) throw { code: 'CANCELLED', message: 'import cancelled during upload' };
    step = 'import';
    const request: ImportRequest = { path, kind: options.kind, taskId };
    const name = options.name.trim() || options.droppedFolder || defaultDatasetName(options.files, options.kind);
    if (name) request.name = name;
    try {
      return await options.platform.engine.importFile(request, options.onProgress);
    } finally {
      step = 'done';
    }
  }

  return {
    taskId,
    result: run(),
    get cancelled() { return cancelled; },
    async cancel() {
      cancelled = true;
      if (step === 'upload') upload.abort();
      else if (step === 'import') await options.platform.engine.cancel(taskId);
    },
  };
}
