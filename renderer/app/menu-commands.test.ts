import { describe, expect, it } from 'vitest';
import type { MenuCommand, NotebookEntry } from '../../main/bridge-api.js';
import { followMenu } from './menu-commands.js';

describe('followMenu', () => {
  it('turns each menu command into what the window does, choosing a notebook when none is given', async () => {
    let listener: ((command: MenuCommand, path?: string) => void) | null = null;
    const done: string[] = [];
    const stop = followMenu({
      onMenu: (l) => { listener = l; return () => { listener = null; }; },
      chooseNotebook: async (): Promise<NotebookEntry | null> => ({ path: '/w/notebooks/mine.md', name: 'mine.md', where: 'workspace' }),
    }, {
      importData: () => done.push('import'),
      openNotebook: (path, name) => done.push(`open ${path} ${name}`),
      saveNotebook: () => done.push('save'),
      showAbout: () => done.push('about'),
      exportReport: () => done.push('report'),
    });
    listener!('import');
    listener!('open-notebook', '/data/notebooks/cohort.md');
    listener!('open-notebook');
    listener!('save-notebook');
    listener!('about');
    listener!('export-report');
    listener!('credits');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toEqual(['import', 'open /data/notebooks/cohort.md cohort.md', 'save', 'about', 'report', 'open /w/notebooks/mine.md mine.md']);
    stop();
    expect(listener).toBeNull();
  });
});
