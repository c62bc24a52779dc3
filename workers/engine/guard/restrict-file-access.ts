import { realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Engine } from '../api.js';
import { cellValue } from '../../db/columnar.js';

function withSeparator(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Keeps the SQL of a page (pmw serve) or a window (the desktop app) inside the files it may read: DuckDB's
 * `allowed_directories` (the given folders and DuckDB's own spill folder) and `allowed_paths` (the given files),
 * then `enable_external_access = false`. After that no query reads or writes another file
 * (read_csv('/etc/passwd'), COPY TO, ATTACH), and none of these settings can be changed while the workspace is
 * open: a longer list needs the workspace opened again. Paths that do not exist are left out.
 */
export async function restrictFileAccess(engine: Pick<Engine, 'query'>, readable: readonly string[]): Promise<string[]> {
  const temp = await engine.query("SELECT current_setting('temp_directory') AS dir");
  const tempDirectory = String(cellValue(temp.columns[0]!, 0) ?? '');
  const folders = new Set<string>();
  const files = new Set<string>();
  for (const path of [...readable, ...(tempDirectory ? [tempDirectory] : [])]) {
    const info = await stat(path).catch(() => null);
    const real = await realpath(path).catch(() => null);
    if (info?.isFile()) {
      files.add(path);
      if (real) files.add(real);
    } else {
      // The spill folder may not exist yet; DuckDB creates it when it spills.
      folders.add(withSeparator(path));
      if (real) folders.add(withSeparator(real));
    }
  }
  await engine.query(`SET allowed_directories = [${[...folders].map(sqlString).join(', ')}]`, { write: true });
  if (files.size > 0) await engine.query(`SET allowed_paths = [${[...files].map(sqlString).join(', ')}]`, { write: true });
  await engine.query('SET enable_external_access = false', { write: true });
  return [...folders, ...files];
}
