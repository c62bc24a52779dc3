import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../workers/engine/api.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { capturedIo } from '../testing/captured-io.js';
import { REPO_ROOT } from '../testing/run-pmw-process.js';
import { percent, qualityCommand, renderQualityReport } from './quality.js';

const QUALITY = join(REPO_ROOT, 'test/fixtures/quality');

describe('pmw quality', () => {
  let dataDir: string;
  let workspace: string;

  async function pmwQuality(...args: string[]) {
    const io = capturedIo();
    const code = await qualityCommand.run([...args, '--workspace', workspace], io);
    return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-quality-cli-'));
    workspace = join(dataDir, 'ws.duckdb');
    const engine = new WorkspaceEngine();
    await engine.openWorkspace(workspace);
    await engine.importFile({ path: join(QUALITY, 'plain-bad.csv'), name: 'bad' });
    await engine.importFile({ path: join(QUALITY, 'plain-good.csv'), name: 'good' });
    await engine.close();
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('prints every check with its counts, share, threshold and result, the SQL of each failure, and exits 1', async () => {
    const { code, stdout } = await pmwQuality('bad');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^bad \(table\): 23 checks, 13 passed, 10 failed in \d+\.\d s$/);
    expect(lines[2]).toMatch(/^category\s+check\s+table\.column\s+failing \/ rows\s+share\s+threshold\s+result$/);
    const future = lines.find((l) => l.includes('visit_date is after today'))!;
    expect(future.split(/\s{2,}/)).toEqual(['plausibility', 'visit_date is after today', 'bad.visit_date', '2 / 7', '28.57%', '1%', 'FAIL']);
    const note = lines.find((l) => l.startsWith('completeness') && l.includes('bad.note'))!;
    expect(note.split(/\s{2,}/).slice(3)).toEqual(['2 / 7', '28.57%', '100%', 'PASS']);
    expect(stdout).toContain('-- plausibility.future_date.bad.visit_date: visit_date is after today (2 rows)\nSELECT t.* FROM "bad" t\nWHERE');
    expect(stdout.match(/^-- /gm)).toHaveLength(10);
  });

  it('--fail-only lists only the failed checks; a clean dataset prints its heading and exits 0', async () => {
    const failOnly = await pmwQuality('bad', '--fail-only');
    const rows = failOnly.stdout.split('\n\n')[1]!.trim().split('\n').slice(2);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.endsWith('FAIL'))).toBe(true);
    const clean = await pmwQuality('good', '--fail-only');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^good \(table\): 23 checks, 23 passed, 0 failed in \d+\.\d s\n$/);
  });

  it('--json prints the report the engine returned', async () => {
    const { code, stdout } = await pmwQuality('bad', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as QualityReport;
    expect(report).toMatchObject({ datasetName: 'bad', kind: 'table', passed: 13, failed: 10 });
    expect(report.checks.find((c) => c.id === 'uniqueness.duplicate_rows.bad')).toMatchObject({ failing: 2, denominator: 7, status: 'fail' });
  });

  it('refuses a missing name and an unknown dataset', async () => {
    await expect(pmwQuality()).rejects.toMatchObject({ message: 'missing NAME' });
    await expect(pmwQuality('nope')).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
  });

  it('writes shares as percentages a reader can compare with the threshold', () => {
    expect([0, 1, 0.01, 0.05, 2 / 7, 0.0012556, 0.00004].map(percent)).toEqual(['0%', '100%', '1%', '5%', '28.57%', '0.13%', '<0.01%']);
    const report = { dataset: 'x', datasetName: 'x', kind: 'table', ranAt: '', checks: [], passed: 0, failed: 0, elapsedMs: 1234 };
    expect(renderQualityReport(report)).toBe('x (table): 0 checks, 0 passed, 0 failed in 1.2 s\n');
  });
});
