import { describe, expect, it } from 'vitest';
import { addRecentFile, emptyRecentFiles, parseRecentFiles, RECENT_LIMIT, withoutMissing } from './recent-files.js';

describe('recent files', () => {
  it('put the newest first, keep each path once, and hold at most the limit per kind', () => {
    let recent = emptyRecentFiles();
    for (let i = 1; i <= RECENT_LIMIT + 3; i++) recent = addRecentFile(recent, 'notebook', `/n/${i}.md`);
    recent = addRecentFile(recent, 'notebook', '/n/5.md');
    expect(recent.notebook).toHaveLength(RECENT_LIMIT);
    expect(recent.notebook.slice(0, 3)).toEqual(['/n/5.md', '/n/13.md', '/n/12.md']);
    expect(recent.notebook.filter((p) => p === '/n/5.md')).toHaveLength(1);
    // The oldest fell off: 1, 2, 3 (and 5 moved to the front).
    expect(recent.notebook).not.toContain('/n/3.md');
    expect(recent.workspace).toEqual([]);
  });

  it('read back from JSON, ignoring what is not a path list', () => {
    expect(parseRecentFiles({ workspace: ['/a.duckdb', 3, '', '/a.duckdb', '/b.duckdb'], notebook: 'x' })).toEqual({ workspace: ['/a.duckdb', '/b.duckdb'], notebook: [] });
    expect(parseRecentFiles(null)).toEqual(emptyRecentFiles());
  });

  it('drop files that no longer exist', async () => {
    const recent = { workspace: ['/gone.duckdb', '/here.duckdb'], notebook: ['/here.md'] };
    const exists = async (path: string): Promise<boolean> => path.startsWith('/here');
    expect(await withoutMissing(recent, exists)).toEqual({ workspace: ['/here.duckdb'], notebook: ['/here.md'] });
  });
});
