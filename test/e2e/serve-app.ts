/**
 * End-to-end fixture: the real `pmw serve --samples` as a child process on a temporary workspace, and Debian's
 * Chromium driven by Playwright against it. Tests that need it skip (with the reason) where Chromium is absent;
 * CI installs it (.ci/run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.PMW_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots of every end-to-end test land here (git-ignored), kept as test artifacts. */
export const ARTIFACTS = join(REPO_ROOT, 'test-results', 'e2e');

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set PMW_CHROMIUM); the browser end-to-end tests are skipped`;
}

export interface ServedApp {
  url: string;
  origin: string;
  dir: string;
  workspace: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every line the server printed so far. */
  output(): string;
  screenshot(name: string): Promise<void>;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, lines: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pmw serve printed no address within ${timeoutMs} ms:\n${lines.join('')}`)), timeoutMs);
    const look = (chunk: string): void => {
      lines.push(chunk);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(lines.join(''));
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    };
    child.stdout!.setEncoding('utf8').on('data', look);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => lines.push(chunk));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`pmw serve exited with ${code}:\n${lines.join('')}`)); });
  });
}

export interface ServeProcess {
  url: string;
  /** Every line the server printed so far. */
  output(): string;
  /** Ctrl-C, then a kill if it has not stopped within 10 s. */
  stop(): Promise<void>;
}

/** `pmw serve` as a user starts it (tsx from the sources), resolved once it prints its address. */
export async function startServe(options: { workspace: string; dataDir: string; samples: boolean }): Promise<ServeProcess> {
  const args = ['--import', 'tsx', 'cli/pmw.ts', 'serve', '--workspace', options.workspace, '--no-open', ...(options.samples ? ['--samples'] : [])];
  const env: Record<string, string | undefined> = { ...process.env, PMW_DATA_DIR: options.dataDir };
  delete env.PMW_WORKSPACE;
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const url = await waitForUrl(child, lines, 180_000);
  return {
    url,
    output: () => lines.join(''),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
}

/** Starts `pmw serve --samples` on a fresh workspace and opens the app in Chromium. */
export async function serveApp(options: { samples?: boolean; locale?: string } = {}): Promise<ServedApp> {
  const dir = await mkdtemp(join(tmpdir(), 'pmw-e2e-'));
  const workspace = join(dir, 'ws.duckdb');
  const server = await startServe({ workspace, dataDir: dir, samples: options.samples !== false });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: options.locale ?? 'en-US' });
  const page = await context.newPage();
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    url: server.url, origin: new URL(server.url).origin, dir, workspace, browser, context, page,
    output: server.output,
    async screenshot(name) { await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }); },
    async stop() {
      await browser.close().catch(() => undefined);
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
