import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaersScreen, readReferencePriors } from '../../workers/analysis/signals/reference/caers-fixture.js';
import { REPO_ROOT, runPmwProcess } from '../testing/run-pmw-process.js';

// Expected prior: the independent R fit in workers/analysis/signals/reference/caers_prior.json.
const CAERS = join(REPO_ROOT, 'test/fixtures/caers.csv');

describe('pmw signals', () => {
  let dataDir: string;
  let workspace: string;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-signals-cli-'));
    workspace = join(dataDir, 'ws.duckdb');
    const imported = await pmw('import', CAERS, '--kind', 'reports', '--report-col', 'id', '--drug-col', 'var1', '--event-col', 'var2', '--strata-col', 'strat1');
    expect(imported.code).toBe(0);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('screens, prints the top pairs, writes every row and a JSON summary with the fitted prior', async () => {
    const out = join(dataDir, 'signals.csv');
    const summaryPath = join(dataDir, 'summary.json');
    const result = await pmw('signals', '--dataset', 'caers', '--names', 'verbatim', '--min-count', '3', '--sort', 'eb05 desc', '--limit', '3', '--out', out, '--json', summaryPath);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^drug\s+event\s+n\s+e\s+prr/);
    expect(result.stdout).toContain('REUMOFAN PLUS');
    const [policyLine, ...csv] = (await readFile(out, 'utf8')).trim().split('\n');
    // The export states the small-cell policy it was made under (the same line as on stderr), as a # comment.
    expect(result.stderr).toContain(`${policyLine!.replace(/^# /, '')}\n`);
    expect(csv[0]).toBe('drug,event,n,e,prr,prr_lo,prr_hi,chisq,p_chisq,ror,ror_lo,ror_hi,ic,ic025,ic975,ebgm,eb05,eb95,prr_signal,ror_signal,ic_signal,ebgm_signal,ror_corrected,n_drug,n_event,n_total');
    const reference = await loadCaersScreen();
    expect(csv.length - 1).toBe(Array.from(reference.reference.n).filter((n) => n >= 3).length);
    const summary = JSON.parse(await readFile(summaryPath, 'utf8'));
    expect(result.stderr).toContain(`wrote ${(csv.length - 1).toLocaleString('en-US')} rows`);
    // the workspace's default minimum cell count, 5: counts of 1–4 reports (pair, drug or event) among the rows kept
    const { n, n_drug: nDrug, n_event: nEvent } = reference.counts;
    const small = (x: number) => x > 0 && x < 5;
    const hidden = Array.from(n).reduce((sum, count, i) => sum + (count >= 3 ? [count, nDrug[i]!, nEvent[i]!].filter(small).length : 0), 0);
    expect(result.stderr).toContain(`small-cell policy: counts below 5 shown as <5, with counts that would reveal them hidden too (minimum cell count 5); ${hidden} small counts hidden\n`);
    const prior = readReferencePriors().higherMaximum; // the default starts reach R's higher maximum
    expect(summary).toMatchObject({ dataset: 'caers', reports: 3356, pairs: 17189, converged: true });
    for (const key of ['alpha1', 'beta1', 'alpha2', 'beta2', 'p'] as const) {
      expect(Math.abs(summary.prior[key] - prior[key]) / prior[key]).toBeLessThan(1e-3);
    }
  });

  it('prints hidden counts as <5', async () => {
    const result = await pmw('signals', '--dataset', 'caers', '--names', 'verbatim', '--sort', 'n nulls first, drug, event', '--limit', '2', '--format', 'csv');
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    // drug,event,n,e,…: the hidden n reads <5, its measures are empty
    for (const row of rows) expect(row).toMatch(/^[^,]+,[^,]+,<5,[^,]*,,,,/);
  });

  it('reproduces openEBGM\'s published prior with its five starts', async () => {
    const summaryPath = join(dataDir, 'openebgm.json');
    const result = await pmw('signals', '--dataset', 'caers', '--names', 'verbatim', '--mgps-starts', 'openebgm', '--limit', '0', '--json', summaryPath);
    expect(result.code).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, 'utf8'));
    expect(summary.starts).toHaveLength(5);
    expect(summary.logLik).toBeCloseTo(readReferencePriors().unstratified.logLik, 4);
  });

  it('takes thresholds and other settings from a JSON spec file, flags winning over it', async () => {
    const specPath = join(dataDir, 'spec.json');
    await writeFile(specPath, JSON.stringify({ dataset: 'caers', names: 'verbatim', minCount: 100, thresholds: { ebgm: { eb05: 1 } } }));
    const strict = join(dataDir, 'strict.csv');
    const loose = join(dataDir, 'loose.csv');
    expect((await pmw('signals', '--spec', specPath, '--min-count', '1', '--out', loose)).code).toBe(0);
    expect((await pmw('signals', '--dataset', 'caers', '--names', 'verbatim', '--out', strict)).code).toBe(0);
    // The exports' data lines: after the # policy line and the header.
    const dataLines = async (path: string) => (await readFile(path, 'utf8')).trim().split('\n').filter((line) => !line.startsWith('# ')).slice(1);
    const flagged = async (path: string) => (await dataLines(path))
      .filter((line) => line.split(',').at(-5) === 'true').length; // ebgm_signal, counted from the end (names may hold commas)
    const [looseCount, strictCount] = [await flagged(loose), await flagged(strict)];
    expect(looseCount).toBeGreaterThan(strictCount); // EB05 ≥ 1 flags more pairs than EB05 ≥ 2
    expect((await dataLines(loose)).length).toBe(17189); // --min-count 1 beat the file's 100
    const broken = join(dataDir, 'broken.json');
    await writeFile(broken, '{ not json');
    const failed = await pmw('signals', '--spec', broken);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/broken.json is not valid JSON at line 1, column 3: Expected property name/);
  });

  it('exits 2 without a dataset, and 1 with one line for an unknown dataset or a trend without dates', async () => {
    const usage = await pmw('signals');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--dataset is required/);
    const unknown = await pmw('signals', '--dataset', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const trend = await pmw('signals', '--dataset', 'caers', '--drug', 'PREVAGEN', '--event', 'DEATH', '--trend', 'quarter');
    expect(trend.code).toBe(1);
    expect(trend.stderr).toMatch(/has no quarter/);
  });
});
