import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotebooks, NotebookAccess, notebookFoldersFor } from './notebook-files.js';

describe('notebook files in the desktop app', () => {
  let dir: string;
  let bundled: string;
  let folders: ReturnType<typeof notebookFoldersFor>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pmw-notebook-files-'));
    bundled = join(dir, 'app', 'notebooks');
    await mkdir(bundled, { recursive: true });
    await writeFile(join(bundled, 'cohort-basics.md'), '# bundled');
    await writeFile(join(bundled, 'README.md'), 'not a notebook');
    folders = notebookFoldersFor(join(dir, 'work', 'samples.duckdb'), bundled);
    await mkdir(folders.workspace, { recursive: true });
    await writeFile(join(folders.workspace, 'mine.md'), '# mine');
    await writeFile(join(dir, 'elsewhere.md'), '# elsewhere');
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('lists the bundled notebooks, then the workspace\'s, without READMEs', async () => {
    expect(await listNotebooks(folders)).toEqual([
      { path: join(bundled, 'cohort-basics.md'), name: 'cohort-basics.md', where: 'bundled' },
      { path: join(folders.workspace, 'mine.md'), name: 'mine.md', where: 'workspace' },
    ]);
  });

  it('reads from the two folders, and elsewhere only after the user picked the file', async () => {
    const access = new NotebookAccess(folders);
    expect(await access.read(join(bundled, 'cohort-basics.md'))).toBe('# bundled');
    await expect(access.read(join(dir, 'elsewhere.md'))).rejects.toThrow(/was not opened through File › Open Notebook/);
    await expect(access.read(join(bundled, '..', '..', 'elsewhere.md'))).rejects.toThrow(/was not opened/);
    await expect(access.read(join(dir, 'missing.md'))).rejects.toThrow(/there is no notebook/);
    await expect(access.read('/etc/passwd')).rejects.toThrow(/is not a notebook/);
    expect(await access.allow(join(dir, 'elsewhere.md'))).toEqual({ path: join(dir, 'elsewhere.md'), name: 'elsewhere.md', where: 'workspace' });
    expect(await access.read(join(dir, 'elsewhere.md'))).toBe('# elsewhere');
  });

  it('saves where the user said, then again there without asking; never over a bundled notebook', async () => {
    const access = new NotebookAccess(folders);
    expect(access.knownTarget('study.md')).toBeNull();
    expect(access.defaultTarget('study.md')).toBe(join(folders.workspace, 'study.md'));
    const target = join(dir, 'study.md');
    expect(await access.write(target, '# v1')).toEqual({ path: target, name: 'study.md', where: 'workspace' });
    expect(access.knownTarget('study.md')).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('# v1');
    await access.allow(join(bundled, 'cohort-basics.md'));
    expect(access.knownTarget('cohort-basics.md')).toBeNull();
    await expect(access.write(join(bundled, 'cohort-basics.md'), '# overwritten')).rejects.toThrow(/cannot be overwritten/);
    expect(await readFile(join(bundled, 'cohort-basics.md'), 'utf8')).toBe('# bundled');
  });
});
