/**
 * The desktop app end to end (Playwright `_electron`): launch the built app on a temporary workspace, check the
 * window's security settings and CSP in the running app, import a bundled sample, run a notebook cell, see its
 * plot. Runs where Electron's binary is installed; where it is not (our build machines cannot download it) it
 * skips, saying so — main's logic, the preload's channels and the engine host are tested under Node beside them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPmw } from '../../cli/dispatch.js';
import { capturedIo } from '../../cli/testing/captured-io.js';
import { buildDesktop } from '../../main/build.js';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy.js';
import { findElectronBinary } from '../../main/electron-binary.js';
import { cellsOfKind, openNotebook, runAll } from '../e2e/page-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const electron = findElectronBinary();
if (electron.missing) console.warn(`desktop end-to-end test skipped: ${electron.missing}`);

describe.skipIf(electron.path === null)('the desktop app in Electron', () => {
  let dir: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    await buildDesktop();
    dir = await mkdtemp(join(tmpdir(), 'pmw-electron-e2e-'));
    // cohort-basics reads Eunomia GiBleed: imported beforehand with the CLI; the window imports another sample itself.
    const io = capturedIo();
    const code = await runPmw(['import', join(ROOT, 'samples', 'gibleed'), '--kind', 'omop', '--name', 'gibleed', '--workspace', join(dir, 'e2e.duckdb')], io);
    if (code !== 0) throw new Error(`importing gibleed failed: ${io.stderrText()}`);
    app = await _electron.launch({
      executablePath: electron.path!,
      args: [ROOT],
      env: { ...process.env, PMW_WORKSPACE: join(dir, 'e2e.duckdb'), PMW_USER_DATA: join(dir, 'user-data') },
    });
    page = await app.firstWindow();
    await page.getByTestId('dataset-browser').waitFor({ timeout: 120_000 });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs the page from app://pmw, isolated, sandboxed, without Node, under our CSP', async () => {
    expect(page.url()).toBe('app://pmw/index.html');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0]!;
      // Electron's own record of the preferences the page runs with (not in its typings).
      return (window.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { pmw: object }).pmw).sort())).toEqual(
      ['chooseDataPaths', 'chooseNotebook', 'grantDroppedFiles', 'info', 'listNotebooks', 'onEngineState', 'onMenu', 'readNotebook', 'requestEnginePort', 'restartEngine', 'saveFile', 'saveNotebook', 'setLanguage'],
    );
    const policy = await page.evaluate(async () => (await fetch('app://pmw/index.html')).headers.get('content-security-policy'));
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    // An inline script is refused by the policy; navigation away and new windows are denied.
    expect(await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); return (window as { __inline?: number }).__inline; })).toBeUndefined();
    await page.evaluate(() => { window.open('https://example.org/'); location.href = 'https://example.org/'; });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://pmw/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  it('imports a bundled sample, runs a notebook cell and shows its plot', async () => {
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-input').setInputFiles(join(ROOT, 'samples', 'small', 'vcf', 'phenotype.tsv'));
    await page.getByTestId('import-name').fill('phenotype');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=dataset-item][data-dataset="phenotype"]').waitFor();
    await openNotebook(page, 'cohort-basics.md');
    await runAll(page);
    const plot = cellsOfKind(page, 'plot').first();
    await plot.locator('svg').first().waitFor({ timeout: 120_000 });
    expect(await plot.locator('svg [aria-label]').count()).toBeGreaterThan(0);
  });
});
