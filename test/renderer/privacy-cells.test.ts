/**
 * The `quality` and `privacy` notebook cells on the Eunomia GiBleed sample in a real engine: their results, the
 * rows later SQL cells read from them, and the report's HTML and provenance — numbers checked against SQL written
 * here over the Parquet files themselves (not the imported tables the Engine checked).
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../workers/engine/api.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { pageRows } from '../helpers/page-rows.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import type { Cell, NotebookRuntimeApi } from '../../renderer/notebook/notebook.js';
import type { PrivacyCellResult } from '../../renderer/notebook/privacy-cell.js';
import { createNotebookRuntime } from '../../renderer/notebook/runtime.js';
import { reportHtml, type ReportDocument } from '../../renderer/report/report-html.js';

const GIBLEED = new URL('../../samples/gibleed/', import.meta.url).pathname;
const parquet = (table: string) => `read_parquet('${join(GIBLEED, `${table.toUpperCase()}.parquet`)}')`;

const NOTEBOOK = `---
title: Quality and privacy
minCellCount: 11
---
\`\`\`quality name=checks
{ "dataset": "gibleed" }
\`\`\`

\`\`\`sql name=failed
select check_id, failing, denominator from checks where status = 'fail' order by failing desc, check_id
\`\`\`

\`\`\`privacy name=findings
{ "dataset": "gibleed", "table": "gibleed.person", "kAnonymity": { "quasiIdentifiers": ["year_of_birth", "gender_concept_id"], "k": 5 } }
\`\`\`

\`\`\`sql
select column_name, verdict, kind, evidence from findings order by column_name, kind
\`\`\`
`;

describe('quality and privacy cells on GiBleed', () => {
  const engine = new WorkspaceEngine();
  let runtime: NotebookRuntimeApi;
  let cells: Cell[];
  const scalar = async (sql: string) => Number(pageRows(await engine.query(sql))[0]![0]);
  /** A cell by name, or the last SQL cell (it has none). */
  const cell = (name: string) => cells.find((c) => c.name === name) ?? cells.filter((c) => c.kind === 'sql').at(-1)!;
  const resultOf = <T>(name: string): T => {
    const output = runtime.state(cell(name).id).output;
    if (output?.type !== 'analysis') throw new Error(`${name}: ${JSON.stringify(runtime.state(cell(name).id).error)}`);
    return output.result as T;
  };

  beforeAll(async () => {
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: GIBLEED, kind: 'omop', name: 'gibleed' });
    cells = parseNotebook(NOTEBOOK).cells;
    runtime = createNotebookRuntime(engine, { taskIdPrefix: 'privacy-cells-' });
    runtime.load({ meta: { title: 'Quality and privacy', minCellCount: 11 }, cells });
    await runtime.run();
  }, 120_000);
  afterAll(async () => engine.close());

  it('runs every cell', () => {
    expect(cells.map((c) => runtime.state(c.id).status)).toEqual(cells.map(() => 'done'));
  });

  it('a quality cell holds the report; its failing counts are the rows its SQL lists and the rows SQL over the Parquet files finds', async () => {
    const report = resultOf<QualityReport>('checks');
    expect(report.datasetName).toBe('gibleed');
    expect(report.passed + report.failed).toBe(report.checks.length);
    // Each check's SQL lists exactly its failing rows (the first failed checks, to keep the test short).
    const failed = report.checks.filter((c) => c.status === 'fail');
    expect(failed.length).toBe(report.failed);
    for (const check of failed.slice(0, 5)) expect(await scalar(`select count(*) from (${check.sql})`), check.id).toBe(check.failing);
    // Independent: condition source concepts (not 0) that the CONCEPT table does not hold, straight from the files.
    const missing = await scalar(`select count(*) from ${parquet('condition_occurrence')} c
      where c.condition_source_concept_id is not null and c.condition_source_concept_id <> 0
        and c.condition_source_concept_id not in (select concept_id from ${parquet('concept')})`);
    const check = report.checks.find((c) => c.id === 'conformance.concept_id.condition_occurrence.condition_source_concept_id');
    expect(check?.failing).toBe(missing);
    expect(check?.denominator).toBe(await scalar(`select count(*) from ${parquet('condition_occurrence')}`));
  });

  it('a later SQL cell reads the checks as rows', async () => {
    const report = resultOf<QualityReport>('checks');
    const output = runtime.state(cell('failed').id).output;
    expect(output?.type === 'table' && output.totalRows).toBe(report.failed);
    const expected = report.checks.filter((c) => c.status === 'fail')
      .sort((a, b) => b.failing - a.failing || (a.id < b.id ? -1 : 1)).map((c) => [c.id, c.failing, c.denominator]);
    const page = await runtime.page(cell('failed').id, { offset: 0, limit: 1000 });
    expect(pageRows(page).map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)))).toEqual(expected);
  });

  it('a privacy cell scans the table and counts k-anonymity as GROUP BY over the Parquet file does', async () => {
    const { scan, kAnonymity } = resultOf<PrivacyCellResult>('findings');
    expect(scan.identifierColumns).toBe(0);
    // Eunomia's synthetic birth datetimes are exact: a quasi-identifier, not a direct one; its source values are hashes.
    expect(scan.columns.map((c) => [c.column, c.verdict])).toEqual(expect.arrayContaining([['birth_datetime', 'quasi_identifier']]));
    expect(scan.columns.every((c) => c.table === 'gibleed.person')).toBe(true);
    const classes = `select year_of_birth, gender_concept_id, count(*) as size from ${parquet('person')} group by all`;
    const [count, smallest, below, classesBelow] = pageRows(await engine.query(
      `select count(*), min(size), coalesce(sum(size) filter (where size < 5), 0), count(*) filter (where size < 5) from (${classes})`))[0]!.map(Number);
    expect(kAnonymity).toMatchObject({ k: 5, records: 2694, classes: count, smallestClass: smallest, recordsBelowK: below, classesBelowK: classesBelow });
    const rows = pageRows((await runtime.page(cell('last').id, { offset: 0, limit: 100 })));
    expect(rows).toContainEqual(['birth_datetime', 'quasi_identifier', 'birth_date', 'name']);
    expect(rows.length).toBe(scan.columns.reduce((sum, c) => sum + c.findings.length, 0));
  });

  it('the report shows both cells and states the workspace policy with the notebook’s larger minimum', async () => {
    const policy = await engine.privacyPolicy();
    expect(policy.minCellCount).toBe(5);
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const html = reportHtml({ meta: { title: 'Quality and privacy', minCellCount: 11 }, cells }, (c) => runtime.state(c.id), {
      datasets: await engine.datasets(), appVersion: 'test', duckdbVersion: 'test', time: '2024-01-01T00:00:00Z',
      notebookFile: 'q.md', notebookSha256: '0'.repeat(64), minCellCount: 11, policy,
    }, document as unknown as ReportDocument);
    const report = parseHTML(html).document;
    const section = (kind: string) => report.querySelector(`section[data-kind="${kind}"]`);
    expect(section('quality')?.querySelectorAll('tbody tr').length).toBe(resultOf<QualityReport>('checks').checks.length);
    expect(section('privacy')?.textContent).toContain('k = 5 over year_of_birth, gender_concept_id in gibleed.person (2,694 records)');
    const facts = [...report.querySelectorAll('.provenance dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(Object.fromEntries(facts)['Small-cell policy']).toBe('counts from 1 to 10 are hidden in every analysis output (shown as <11), with complementary suppression so that totals cannot reveal them. '
      + 'This notebook asks for 11; the workspace minimum is 5. SQL cells show their rows as their query returns them.');
    expect(Object.fromEntries(facts)['De-identification policy']).toBe('direct identifiers at import: warn and import; date shifting by up to ±180 days');
  });
});
