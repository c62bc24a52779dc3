import { mkdir, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Engine } from '../../workers/engine/api.js';
import { cellValue } from '../../workers/db/columnar.js';

function withSeparator(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Keeps the browser's SQL inside the folders it may read: DuckDB's `allowed_directories` (the upload folder,
 * the bundled samples and DuckDB's own spill folder), then `enable_external_access = false`. After that no
 * query reads or writes another file (read_csv('/etc/passwd'), COPY TO, ATTACH), and neither setting can be
 * changed back while the workspace is open. Runs once, after the server's own imports.
 */
export async function restrictFileAccess(engine: Pick<Engine, 'query'>, uploads: string, samples: readonly string[]): Promise<string[]> {
  await mkdir(uploads, { recursive: true });
  const temp = await engine.query("SELECT current_setting('temp_directory') AS dir");
  const tempDirectory = String(cellValue(temp.columns[0]!, 0) ?? '');
  const folders = new Set<string>();
  for (const folder of [uploads, ...samples, ...(tempDirectory ? [tempDirectory] : [])]) {
    folders.add(withSeparator(folder));
    const real = await realpath(folder).catch(() => null);
    if (real) folders.add(withSeparator(real));
  }
  const list = [...folders];
  await engine.query(`SET allowed_directories = [${list.map(sqlString).join(', ')}]`, { write: true });
  await engine.query('SET enable_external_access = false', { write: true });
  return list;
}
