import { realpath } from 'node:fs/promises';
import { isAbsolute, sep } from 'node:path';

/**
 * The real path of `path` when it lies inside one of `roots` after resolving symlinks, else null.
 * Relative paths and `..` segments are refused outright, so nothing depends on the current folder.
 */
export async function resolveInside(path: string, roots: readonly string[]): Promise<string | null> {
  if (!isAbsolute(path) || path.split(/[/\\]/).includes('..') || path.includes('\0')) return null;
  const real = await realpath(path).catch(() => null);
  if (real === null) return null;
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (realRoot !== null && (real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep))) return real;
  }
  return null;
}
