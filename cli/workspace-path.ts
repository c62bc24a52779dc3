import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const DEFAULT_WORKSPACE_FILE = 'workspace.duckdb';
export const SAMPLES_WORKSPACE_FILE = 'samples.duckdb';

/** What the data folder depends on; the real process by default, fixed values in tests. */
export interface PlatformFacts {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

/** This process's platform and home folder, with the environment a command was given. */
export function currentPlatform(env: Record<string, string | undefined> = process.env): PlatformFacts {
  return { env, platform: process.platform, home: homedir() };
}

/**
 * The folder pmw keeps its workspaces in: `PMW_DATA_DIR` when set, else the platform's per-user data
 * folder — Linux `$XDG_DATA_HOME/pmw` (or `~/.local/share/pmw`), macOS `~/Library/Application Support/pmw`,
 * Windows `%APPDATA%\pmw`.
 */
export function dataDirectory(facts: PlatformFacts = currentPlatform()): string {
  const { env, platform, home } = facts;
  const path = platform === 'win32' ? win32 : posix;
  if (env.PMW_DATA_DIR) return path.resolve(env.PMW_DATA_DIR);
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'pmw');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'pmw');
    default: {
      // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
      const xdg = env.XDG_DATA_HOME;
      return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share'), 'pmw');
    }
  }
}

/**
 * The workspace a command opens: `--workspace`, else `PMW_WORKSPACE`, else `fileName` in the data folder.
 * Relative paths stay relative to the current folder; `:memory:` passes through.
 */
export function resolveWorkspacePath(
  flag: string | undefined,
  facts: PlatformFacts = currentPlatform(),
  fileName: string = DEFAULT_WORKSPACE_FILE,
): string {
  if (flag) return flag;
  if (facts.env.PMW_WORKSPACE) return facts.env.PMW_WORKSPACE;
  const path = facts.platform === 'win32' ? win32 : posix;
  return path.join(dataDirectory(facts), fileName);
}

/**
 * The workspace `pmw start` fills with the bundled samples: `--workspace`, else `samples.duckdb` in the
 * data folder. `PMW_WORKSPACE` is not consulted, so the samples never land in someone's real workspace.
 */
export function samplesWorkspacePath(flag: string | undefined, facts: PlatformFacts = currentPlatform()): string {
  if (flag) return flag;
  const path = facts.platform === 'win32' ? win32 : posix;
  return path.join(dataDirectory(facts), SAMPLES_WORKSPACE_FILE);
}
