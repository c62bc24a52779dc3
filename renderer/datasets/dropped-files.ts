/**
 * What was dropped on the window, folders included: `DataTransfer.files` lists a dropped folder as one empty
 * file, so folders are walked through their entries (an OMOP folder, a folder of FAERS quarters).
 */

export interface DroppedFiles {
  files: File[];
  /** The name of the one folder dropped, to name the dataset after it. */
  folder: string | null;
}

function readFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function collect(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (entry.isFile) {
    into.push(await readFile(entry as FileSystemFileEntry));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands a directory out in batches (100 at a time in Chrome) until an empty one.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of batch) await collect(child, into);
  }
}

/**
 * Must be called during the drop event: the browser empties `DataTransfer` once the handler returns. The
 * entries taken here stay readable afterwards.
 */
export function takeDroppedFiles(transfer: Pick<DataTransfer, 'files' | 'items'>): Promise<DroppedFiles> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  const plainFiles = [...transfer.files];
  if (!entries.some((entry) => entry.isDirectory)) return Promise.resolve({ files: plainFiles, folder: null });
  const only = entries.length === 1 ? entries[0] : undefined;
  return (async () => {
    const files: File[] = [];
    for (const entry of entries) await collect(entry, files);
    return { files, folder: only?.isDirectory ? only.name : null };
  })();
}
