import { describe, expect, it } from 'vitest';
import { takeDroppedFiles } from './dropped-files.js';

/** Stand-ins for the browser's FileSystemEntry objects: a folder hands out its children in batches of two. */
function fileEntry(file: File) {
  return { isFile: true, isDirectory: false, name: file.name, file: (resolve: (file: File) => void) => resolve(file) };
}

function folderEntry(name: string, children: unknown[]) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (batch: unknown[]) => void) => {
          resolve(children.slice(next, next + 2));
          next += 2;
        },
      };
    },
  };
}

function transfer(entries: unknown[], files: File[]) {
  return {
    files: files as unknown as FileList,
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })) as unknown as DataTransferItemList,
  };
}

describe('takeDroppedFiles', () => {
  it('walks a dropped folder, sub-folders and batches included, and names it', async () => {
    const [demo, drug, reac, deleted] = ['DEMO24Q1.txt', 'DRUG24Q1.txt', 'REAC24Q1.txt', 'DELETED.txt'].map((name) => new File([name], name)) as [File, File, File, File];
    const folder = folderEntry('faers', [fileEntry(demo), fileEntry(drug), fileEntry(reac), folderEntry('extra', [fileEntry(deleted)])]);
    // The browser lists a dropped folder in `files` as one empty file.
    const dropped = await takeDroppedFiles(transfer([folder], [new File([], 'faers')]));
    expect(dropped.folder).toBe('faers');
    expect(dropped.files.map((file) => file.name)).toEqual(['DEMO24Q1.txt', 'DRUG24Q1.txt', 'REAC24Q1.txt', 'DELETED.txt']);
  });

  it('passes plain files through, without a folder name', async () => {
    const files = [new File(['a'], 'a.csv'), new File(['b'], 'b.csv')];
    const dropped = await takeDroppedFiles(transfer(files.map(fileEntry), files));
    expect(dropped).toEqual({ files, folder: null });
  });
});
