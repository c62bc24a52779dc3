import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * The real path of `path` when it lies inside one of `roots` after resolving symlinks, else null.
 * `..` segments are refused outright. A relative path is read from the folder pmw serve runs in, as the engine
 * (same process folder) would read it — so a notebook naming `samples/small/vcf/phenotype.tsv` works when the
 * server runs in the repository, as `pmw run` does — and must still land inside a root.
 */
export async function resolveInside(path: string, roots: readonly string[], base: string = process.cwd()): Promise<string | null> {
  if (path.split(/[/\\]/).includes('..') || path.includes('\0')) return null;
  const real = await realpath(resolve(base, path)).catch(() => null);
  if (real === null) return null;
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (realRoot !== null && (real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep))) return real;
  }
  return null;
}
