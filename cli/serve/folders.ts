import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gibleedDirectory, samplesDirectory } from '../../workers/import/bundled-samples.js';

/** The folders `pmw serve` reads and writes besides the workspace file. */
export interface ServeFolders {
  /** Uploads land in `<batch>/<file>` below this: `<workspace dir>/<workspace name>.uploads`. */
  uploads: string;
  /** Notebooks the user saves: `<workspace dir>/notebooks`. */
  workspaceNotebooks: string;
  /** The notebooks that come with pmw (read-only). */
  bundledNotebooks: string;
  /** Bundled sample data the page may import by path. */
  samples: string[];
}

export const BUNDLED_NOTEBOOKS = fileURLToPath(new URL('../../notebooks', import.meta.url));

/**
 * Beside the workspace file; an in-memory workspace has no folder, so it gets a fresh temporary one.
 */
export async function serveFolders(workspacePath: string, env: Record<string, string | undefined>): Promise<ServeFolders> {
  let folder: string;
  let name: string;
  if (workspacePath === ':memory:') {
    folder = await mkdtemp(join(tmpdir(), 'pmw-serve-'));
    name = 'memory';
  } else {
    const absolute = resolve(workspacePath);
    folder = dirname(absolute);
    name = basename(absolute, extname(absolute));
  }
  return {
    uploads: join(folder, `${name}.uploads`),
    workspaceNotebooks: join(folder, 'notebooks'),
    bundledNotebooks: BUNDLED_NOTEBOOKS,
    samples: [samplesDirectory(env), gibleedDirectory(env)],
  };
}
