import { totalmem } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PmwError } from '../engine/errors.js';
import { duckDBErrorText } from './duckdb-errors.js';

/**
 * DuckDB's own default is 80% of the machine's memory, which lets one large import crowd out everything
 * else on a desktop; we cap it at half the memory and at most 6 GiB (DuckDB spills to disk beyond that).
 * `PMW_MEMORY_LIMIT` (e.g. `12GB`) overrides it.
 */
export function workspaceMemoryLimit(env: Record<string, string | undefined> = process.env): string {
  const override = env.PMW_MEMORY_LIMIT?.trim();
  if (override && /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(override)) return override;
  const mib = Math.floor(Math.min(totalmem() / 2, 6 * 1024 ** 3) / 1024 ** 2);
  return `${mib}MiB`;
}

/** Settings every workspace runs with. */
const WORKSPACE_CONFIG: Record<string, string> = {
  // Errors as JSON carry the character position of a SQL error, which we turn into line and column.
  errors_as_json: 'true',
  // No network: an extension that is not built in must fail at once, not try to download.
  autoinstall_known_extensions: 'false',
};

/** Opens (or creates) a DuckDB file, turning lock and corruption failures into errors a user can act on. */
export async function openDatabase(path: string): Promise<DuckDBInstance> {
  try {
    return await DuckDBInstance.create(path, { ...WORKSPACE_CONFIG, memory_limit: workspaceMemoryLimit() });
  } catch (error) {
    throw workspaceOpenError(path, duckDBErrorText(error));
  }
}

function workspaceOpenError(path: string, text: string): PmwError {
  if (/No such file or directory/i.test(text)) {
    return new PmwError({
      code: 'FILE_NOT_FOUND',
      message: `workspace ${path} cannot be created: its folder does not exist`,
      hint: 'create the folder first or choose another workspace path',
      file: path,
    });
  }
  if (/lock/i.test(text)) {
    const pid = /PID (\d+)/.exec(text)?.[1];
    return new PmwError({
      code: 'WORKSPACE_LOCKED',
      message: `workspace ${path} is in use by another program${pid ? ` (process ${pid})` : ''}`,
      hint: 'close the other pmw window or command using it, or open a different workspace',
      file: path,
    });
  }
  if (/not a valid DuckDB database|corrupt|checksum|invalid|Serialization|version/i.test(text)) {
    return new PmwError({
      code: 'WORKSPACE_CORRUPT',
      message: `workspace ${path} cannot be read: ${text.split('\n')[0]}`,
      hint: 'the file is damaged or not a pmw workspace; restore it from a backup or choose another file',
      file: path,
    });
  }
  return new PmwError({
    code: 'WORKSPACE_CORRUPT',
    message: `workspace ${path} could not be opened: ${text.split('\n')[0]}`,
    hint: 'check that the folder exists and is writable',
    file: path,
  });
}

/** A new connection whose query progress can be polled (DuckDB only tracks it when the bar is on). */
export async function connectWithProgress(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  return connection;
}
