import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../workers/engine/api.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import { capturedIo } from '../testing/captured-io.js';
import { REPO_ROOT, runPmwProcess } from '../testing/run-pmw-process.js';
import { runCommand } from './run.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The report's sections, one per cell: kind, status and the markup inside. */
function sections(html: string): { kind: string; status: string; body: string }[] {
  return [...html.matchAll(/<section class="cell code [^"]*" data-kind="([^"]+)" data-status="([^"]+)">([\s\S]*?)<\/section>/g)]
    .map((m) => ({ kind: m[1]!, status: m[2]!, body: m[3]! }));
}

describe('pmw run', () => {
  let dataDir: string;
  let workspace: string;
  let catalog: Dataset[];
  /** Persons of the celecoxib cohort, built from samples/cohorts by the Engine directly. */
  let celecoxibPersons: number;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-run-'));
    workspace = join(dataDir, 'ws.duckdb');
    const engine = new WorkspaceEngine();
    await engine.openWorkspace(workspace);
    await engine.importFile({ path: join(REPO_ROOT, 'samples/gibleed'), kind: 'omop', name: 'gibleed' });
    await engine.importFile({ path: join(REPO_ROOT, 'samples/small/faers'), kind: 'faers', name: 'faers' });
    await engine.importFile({ path: join(REPO_ROOT, 'samples/small/vcf/cohort.vcf'), kind: 'vcf', name: 'vcf', vcf: { samples: join(REPO_ROOT, 'samples/small/vcf/samples.tsv') } });
    catalog = await engine.datasets();
    const definition = JSON.parse(await readFile(join(REPO_ROOT, 'samples/cohorts/celecoxib-new-users.json'), 'utf8'));
    celecoxibPersons = (await engine.cohort(definition)).persons;
    await engine.close();
  }, 120_000);
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it.each([
    ['cohort-basics.md', ['gibleed']],
    ['adr-signal-screen.md', ['faers']],
    ['genotype-association.md', ['vcf']],
  ])('writes a self-contained report of %s with a plot per plot cell and the catalog checksums', async (file, datasets) => {
    const out = join(dataDir, `${file}.html`);
    const text = await readFile(join(REPO_ROOT, 'notebooks', file), 'utf8');
    const result = await pmw('run', `notebooks/${file}`, '--out', out);
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.code).toBe(0);
    const html = await readFile(out, 'utf8');
    const plotCells = parseNotebook(text).cells.filter((c) => c.kind === 'plot').length;
    const plots = sections(html).filter((s) => s.kind === 'plot');
    expect(plots.length).toBe(plotCells);
    for (const plot of plots) expect(plot.body).toMatch(/<svg[\s>]/);
    expect(sections(html).every((s) => s.status === 'done')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|iframe|img)\b/i);
    const footer = html.slice(html.indexOf('<footer'));
    const shown = [...footer.matchAll(/<tr><td>([^<]+)<\/td><td>[^<]+<\/td><td class="sha256"><code>([0-9a-f]{64})<\/code>/g)].map((m) => [m[1], m[2]]);
    expect(shown).toEqual(datasets.map((name) => [name, catalog.find((d) => d.name === name)!.sha256]));
    expect(footer).toContain(sha256(text));
    if (file === 'cohort-basics.md') {
      expect(html).toContain(`Cohort celecoxib new users: ${celecoxibPersons.toLocaleString('en')} persons`);
      expect(html).toMatch(/Log-rank: χ² = [\d.]+ on 1 df, p = /);
      expect(html).toMatch(/Cox \(efron\): hazard ratio [\d.]+/);
    }
    expect(result.stderr).toMatch(new RegExp(`\\[${parseNotebook(text).cells.filter((c) => c.kind !== 'markdown').length}/\\d+\\] .*: done`));
  });

  it('shows a failing cell in the report, escapes raw HTML in prose, and exits 1', async () => {
    const notebook = join(dataDir, 'bad.md');
    await writeFile(notebook, '---\ntitle: Bad <b>one</b>\nminCellCount: 11\n---\n<script>alert(1)</script>\n\nSee [a link](https://example.org) and [a local one](#top).\n\n```sql name=a\nselect 1 as x\n```\n\n```sql\nselect x,\n  missing from a\n```\n');
    const out = join(dataDir, 'bad.html');
    const result = await pmw('run', notebook, '--out', out, '--lang', 'zh-CN');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[2\/2\] sql: failed at line 2, column 3 of the cell: .*missing/);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|example\.org/);
    expect(html).toContain('See a link and <a href="#top">a local one</a>.');
    expect(html).toContain('<title>Bad &lt;b&gt;one&lt;/b&gt;</title>');
    expect(sections(html).map((s) => s.status)).toEqual(['done', 'error']);
    expect(html).toContain('此单元格运行失败（第 2 行，第 3 列）'.replace('（', ' (').replace('）', ')'));
    expect(html).toContain('本笔记本要求 11；工作区最小计数为 5。'); // the notebook's 11 over the workspace's default 5
  });

  it('refuses a notebook with a bad fence, naming the line, and needs --out', async () => {
    const notebook = join(dataDir, 'unclosed.md');
    await writeFile(notebook, '# x\n```sql\nselect 1\n');
    const result = await pmw('run', notebook, '--out', join(dataDir, 'never.html'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unclosed\.md line 2, column 1: the fenced block opened on line 2/);
    expect((await pmw('run', notebook)).code).toBe(2);
  });

  it('Ctrl-C cancels the running cell in the engine; the report says so and the exit code is 1', async () => {
    const notebook = join(dataDir, 'slow.md');
    await writeFile(notebook, '```sql name=slow\nselect sum(a.range * b.range) as s from range(300000) a, range(300000) b\n```\n');
    const out = join(dataDir, 'slow.html');
    let interrupt: () => void = () => undefined;
    const io = capturedIo();
    io.onInterrupt = (handler) => { interrupt = handler; return () => undefined; };
    const started = Date.now();
    const exit = runCommand.run([notebook, '--out', out, '--workspace', workspace], io);
    while (!io.stderrText().includes('running')) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    interrupt();
    expect(await exit).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(io.stderrText()).toMatch(/\[1\/1\] sql slow: cancelled/);
    expect(sections(await readFile(out, 'utf8')).map((s) => s.status)).toEqual(['cancelled']);
  });
});
