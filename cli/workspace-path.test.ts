import { describe, expect, it } from 'vitest';
import { dataDirectory, resolveWorkspacePath, samplesWorkspacePath, type PlatformFacts } from './workspace-path.js';

const linux = (env: Record<string, string | undefined> = {}): PlatformFacts => ({ env, platform: 'linux', home: '/home/ada' });

describe('dataDirectory', () => {
  it('uses XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(dataDirectory(linux({ XDG_DATA_HOME: '/data/xdg' }))).toBe('/data/xdg/pmw');
    expect(dataDirectory(linux())).toBe('/home/ada/.local/share/pmw');
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec asks', () => {
    expect(dataDirectory(linux({ XDG_DATA_HOME: 'relative/dir' }))).toBe('/home/ada/.local/share/pmw');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(dataDirectory({ env: {}, platform: 'darwin', home: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/pmw');
    expect(dataDirectory({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\ada' }))
      .toBe('C:\\Users\\ada\\AppData\\Roaming\\pmw');
    expect(dataDirectory({ env: {}, platform: 'win32', home: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\pmw');
  });

  it('lets PMW_DATA_DIR override the folder on every platform', () => {
    expect(dataDirectory(linux({ PMW_DATA_DIR: '/tmp/pmw-test', XDG_DATA_HOME: '/data/xdg' }))).toBe('/tmp/pmw-test');
    expect(dataDirectory({ env: { PMW_DATA_DIR: '/tmp/x' }, platform: 'darwin', home: '/Users/ada' })).toBe('/tmp/x');
  });
});

describe('resolveWorkspacePath', () => {
  it('prefers --workspace, then PMW_WORKSPACE, then workspace.duckdb in the data folder', () => {
    const env = { PMW_WORKSPACE: '/srv/team.duckdb', PMW_DATA_DIR: '/tmp/d' };
    expect(resolveWorkspacePath('mine.duckdb', linux(env))).toBe('mine.duckdb');
    expect(resolveWorkspacePath(undefined, linux(env))).toBe('/srv/team.duckdb');
    expect(resolveWorkspacePath(undefined, linux({ PMW_DATA_DIR: '/tmp/d' }))).toBe('/tmp/d/workspace.duckdb');
  });
});

describe('samplesWorkspacePath', () => {
  it('is samples.duckdb in the data folder and never PMW_WORKSPACE', () => {
    const env = { PMW_WORKSPACE: '/srv/team.duckdb', PMW_DATA_DIR: '/tmp/d' };
    expect(samplesWorkspacePath(undefined, linux(env))).toBe('/tmp/d/samples.duckdb');
    expect(samplesWorkspacePath('/tmp/other.duckdb', linux(env))).toBe('/tmp/other.duckdb');
  });
});
