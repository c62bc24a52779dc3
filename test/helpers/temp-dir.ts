import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  return () => {
    if (!dir) dir = mkdtempSync(join(tmpdir(), 'pmw-test-'));
    return dir;
  };
}

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
