/**
 * Recently opened workspaces and notebooks: newest first, each path once, at most `RECENT_LIMIT` of each kind.
 * Kept as JSON in the user-data folder (main/main.ts); files that no longer exist are dropped when read.
 */
export type RecentKind = 'workspace' | 'notebook';

export interface RecentFiles {
  workspace: string[];
  notebook: string[];
}

export const RECENT_LIMIT = 10;

export function emptyRecentFiles(): RecentFiles {
  return { workspace: [], notebook: [] };
}

function pathList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}

/** A list read back from JSON; anything malformed becomes empty rather than an error at start-up. */
export function parseRecentFiles(value: unknown): RecentFiles {
  const record = typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
  return {
    workspace: dedupe(pathList(record.workspace)).slice(0, RECENT_LIMIT),
    notebook: dedupe(pathList(record.notebook)).slice(0, RECENT_LIMIT),
  };
}

function dedupe(paths: string[]): string[] {
  return [...new Set(paths)];
}

/** The list with `path` moved (or added) to the front of its kind, trimmed to the limit. */
export function addRecentFile(recent: RecentFiles, kind: RecentKind, path: string): RecentFiles {
  return { ...recent, [kind]: dedupe([path, ...recent[kind]]).slice(0, RECENT_LIMIT) };
}

/** The list without the paths `exists` says are gone (a moved or deleted file). */
export async function withoutMissing(recent: RecentFiles, exists: (path: string) => Promise<boolean>): Promise<RecentFiles> {
  const keep = async (paths: string[]): Promise<string[]> => {
    const flags = await Promise.all(paths.map(exists));
    return paths.filter((_, i) => flags[i]);
  };
  return { workspace: await keep(recent.workspace), notebook: await keep(recent.notebook) };
}
