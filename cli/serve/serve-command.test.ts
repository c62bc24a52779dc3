import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/run-pmw-process.js';
import { request } from './testing/http-request.js';

/** Starts the real `pmw serve` and resolves once it printed its address. */
function startServe(args: string[], env: Record<string, string>): Promise<{ url: string; out: () => string; err: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/pmw.ts', 'serve', '--no-open', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /http:\/\/\S+\?token=[0-9a-f]+/.exec(stdout)?.[0];
      if (url) resolve({ url, out: () => stdout, err: () => stderr, stop: () => { child.kill('SIGINT'); return exited; } });
    });
    exited.then((code) => reject(new Error(`pmw serve exited (${code}) before printing its address:\n${stdout}\n${stderr}`)));
  });
}

describe('pmw serve (the command)', () => {
  let dir = '';
  afterEach(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('prints the address with its token once, warns about --host 0.0.0.0, serves, and stops cleanly on Ctrl-C', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pmw-serve-cmd-'));
    const workspace = join(dir, 'mine.duckdb');
    const serve = await startServe(['--workspace', workspace, '--host', '0.0.0.0', '--samples'],
      { PMW_SAMPLES_DIR: join(dir, 'no-samples'), PMW_GIBLEED_DIR: join(dir, 'no-gibleed') });
    const token = serve.url.split('token=')[1]!;
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    expect(serve.out().split(token).length - 1).toBe(1);
    expect(serve.err()).toMatch(/warning: --host 0\.0\.0\.0 serves the workspace to every machine/);
    // The engine opens the workspace (and looks for samples) while the server already answers.
    await expect.poll(() => serve.out(), { timeout: 30_000 }).toMatch(/No synthetic sample data yet/);
    const info = await request(`${new URL(serve.url).origin}/api/info`, { headers: { Authorization: `Bearer ${token}` } });
    expect(JSON.parse(info.body)).toMatchObject({ workspace });
    expect(await serve.stop()).toBe(0);
    // A fresh clone compiles every source on the first run (tsx): allow for it on a busy machine.
  }, 180_000);

  it('ends with the error when the workspace cannot be opened, after printing the address', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pmw-serve-cmd-'));
    const workspace = join(dir, 'broken.duckdb');
    await writeFile(workspace, 'this is not a DuckDB file, just text that happens to sit at the path\n'.repeat(200));
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/pmw.ts', 'serve', '--workspace', workspace, '--no-open'],
      { cwd: REPO_ROOT, env: { ...process.env, PMW_DATA_DIR: dir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.duckdb/);
  });
});
