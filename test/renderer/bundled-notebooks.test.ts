/**
 * The teaching notebooks run end to end on the bundled samples, and their numbers equal the Engine's own
 * answers to the same questions asked directly (cohort definitions read from samples/cohorts/, not from the
 * notebook) or independent SQL over the tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationResult, CohortResult, CohortSpec, QualityReport, SignalResult, SurvivalResult } from '../../workers/engine/api.js';
import type { PrivacyCellResult } from '../../renderer/notebook/privacy-cell.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { pageRows } from '../helpers/page-rows.js';
import { parseNotebook } from '../../renderer/notebook/format.js';
import type { Cell, NotebookRuntimeApi } from '../../renderer/notebook/notebook.js';
import { createNotebookRuntime } from '../../renderer/notebook/runtime.js';

const REPO = new URL('../..', import.meta.url).pathname;
const readJson = (path: string) => JSON.parse(readFileSync(join(REPO, path), 'utf8')) as CohortSpec;

describe('bundled notebooks on the bundled samples', () => {
  const engine = new WorkspaceEngine();
  /** Cells whose state carried Engine progress while they ran. */
  const progressed = new Set<string>();
  const open = async (file: string): Promise<{ runtime: NotebookRuntimeApi; cells: Cell[]; named: (name: string) => Cell }> => {
    const notebook = parseNotebook(readFileSync(join(REPO, 'notebooks', file), 'utf8'));
    const runtime = createNotebookRuntime(engine, { taskIdPrefix: `${file}-` });
    runtime.load(notebook);
    runtime.subscribe((id, state) => { if (state.status === 'running' && state.progress?.taskId.startsWith(file)) progressed.add(id); });
    await runtime.run();
    for (const cell of notebook.cells) expect(runtime.state(cell.id), `${file}: ${cell.source.slice(0, 60)}`).toMatchObject({ status: 'done' });
    return { runtime, cells: notebook.cells, named: (name) => notebook.cells.find((c) => c.name === name)! };
  };
  const resultOf = <T>(runtime: NotebookRuntimeApi, cell: Cell): T => {
    const output = runtime.state(cell.id).output;
    if (output?.type !== 'analysis') throw new Error('not an analysis');
    return output.result as T;
  };

  beforeAll(async () => {
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: join(REPO, 'samples/gibleed'), kind: 'omop', name: 'gibleed' });
    await engine.importFile({ path: join(REPO, 'samples/small/faers'), kind: 'faers', name: 'faers' });
    await engine.importFile({ path: join(REPO, 'samples/small/vcf/cohort.vcf'), kind: 'vcf', name: 'vcf', vcf: { samples: join(REPO, 'samples/small/vcf/samples.tsv') } });
  }, 120_000);
  afterAll(async () => engine.close());

  it('cohort-basics: cohorts and Kaplan–Meier rows equal the Engine run on samples/cohorts', async () => {
    const { runtime, named, cells } = await open('cohort-basics.md');
    const direct = {
      celecoxib: await engine.cohort(readJson('samples/cohorts/celecoxib-new-users.json')),
      diclofenac: await engine.cohort(readJson('samples/cohorts/diclofenac-new-users.json')),
      gi_bleed: await engine.cohort(readJson('samples/cohorts/gi-bleed.json')),
    };
    for (const [name, result] of Object.entries(direct)) expect(resultOf<CohortResult>(runtime, named(name)).persons, name).toBe(result.persons);
    const ref = (name: keyof typeof direct) => ({ cohortTable: direct[name].cohortTable, dataset: 'gibleed', name });
    const survival = await engine.survival({ target: ref('celecoxib'), comparator: ref('diclofenac'), outcome: ref('gi_bleed'), tar: { start: 0, end: 1095 }, minCellCount: 5 });
    const points = survival.curves.reduce((sum, c) => sum + c.time.length, 0);
    const km = await runtime.page(named('km').id, { offset: 0, limit: 100_000, orderBy: [{ column: 'label', descending: false }, { column: 'time', descending: false }] });
    expect(km.totalRows).toBe(points);
    const rows = pageRows(km);
    let row = 0;
    for (const curve of [...survival.curves].sort((a, b) => a.label.localeCompare(b.label))) {
      for (let i = 0; i < curve.time.length; i++, row++) {
        expect(rows[row]!.slice(0, 3)).toEqual([curve.label, curve.time[i], curve.nRisk[i]]);
        expect(rows[row]![5]).toBeCloseTo(curve.surv[i]!, 12);
      }
    }
    const own = resultOf<SurvivalResult>(runtime, named('km'));
    expect(own.logRank!.chisq).toBeCloseTo(survival.logRank!.chisq, 10);
    expect(own.cox!.hazardRatio).toBeCloseTo(survival.cox!.hazardRatio, 10);
    // The step plot draws every curve point; the SQL cell reading km has one row per cohort.
    const plot = runtime.state(cells.filter((c) => c.kind === 'plot').at(-1)!.id).output;
    expect(plot?.type === 'plot' && plot.data.rowCount).toBe(points);
    const last = runtime.state(cells.filter((c) => c.kind === 'sql').at(-1)!.id).output;
    expect(last?.type === 'table' && last.totalRows).toBe(2);

    // The quality checks, summed per category by the SQL cell below them, add up to the report. As the prose says,
    // what fails is conformance, uniqueness of some ids and the observation periods of persons not in the sample,
    // while every drug and condition record belongs to a person.
    const report = resultOf<QualityReport>(runtime, named('checks'));
    const summary = cells.slice(cells.indexOf(named('checks'))).find((c) => c.kind === 'sql')!;
    const perCategory = pageRows(await runtime.page(summary.id, { offset: 0, limit: 10 })).map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
    expect(perCategory.reduce((sum, r) => sum + (r[1] as number), 0)).toBe(report.checks.length);
    expect(perCategory.reduce((sum, r) => sum + (r[2] as number), 0)).toBe(report.failed);
    expect(report.failed).toBeGreaterThan(0);
    const failed = report.checks.filter((c) => c.status === 'fail');
    expect(new Set(failed.map((c) => c.category))).toEqual(new Set(['conformance', 'uniqueness', 'integrity']));
    expect(failed.filter((c) => c.category === 'integrity').map((c) => c.table)).toEqual(['gibleed.observation_period']);
    const eventIntegrity = report.checks.filter((c) => c.category === 'integrity' && /drug_exposure|condition_occurrence/.test(c.table));
    expect(eventIntegrity.length).toBeGreaterThan(0);
    expect(eventIntegrity.every((c) => c.status === 'pass')).toBe(true);
    // The privacy cell: no direct identifiers, the exact birth datetime a quasi-identifier, the source value a hash.
    const privacy = resultOf<PrivacyCellResult>(runtime, cells.find((c) => c.kind === 'privacy')!);
    expect(privacy.scan.identifierColumns).toBe(0);
    expect(Object.fromEntries(privacy.scan.columns.map((c) => [c.column, c.verdict]))).toMatchObject({ birth_datetime: 'quasi_identifier', person_source_value: 'pseudonymous' });
    expect(privacy.kAnonymity?.columns).toEqual(['year_of_birth', 'gender_concept_id', 'race_concept_id']);
  });

  it('adr-signal-screen: the brushed volcano holds exactly the pairs inside the brush', async () => {
    const { runtime, named, cells } = await open('adr-signal-screen.md');
    expect(progressed.has(named('screen').id)).toBe(true);
    const table = resultOf<{ resultTable: string }>(runtime, named('screen')).resultTable;
    const reader = cells[cells.findIndex((c) => c.name === 'picked') + 2]!;
    const count = async (where: string) => Number(pageRows(await engine.query(`select count(*) from ${table} where ror > 0 and p_chisq is not null ${where}`))[0]![0]);
    const shown = () => { const o = runtime.state(reader.id).output; return o?.type === 'table' ? o.totalRows : null; };
    expect(shown()).toBe(await count(''));
    // The volcano's axes computed here from the result table itself: log2 ROR in [1, 10], -log10 p in [2, 1000].
    await runtime.setBrush(named('picked').id, { x: [1, 10], y: [2, 1000] });
    const inside = await count('and log2(ror) between 1 and 10 and -log10(greatest(p_chisq, 1e-300)) between 2 and 1000');
    expect(inside).toBeGreaterThan(0);
    expect(shown()).toBe(inside);
    // The workspace minimum (5) hides the count of every pair with fewer reports, and the measures that would reveal
    // it: such pairs stay in the screen with n hidden and no dot of the volcano rests on fewer than 5 reports.
    const screen = resultOf<SignalResult>(runtime, named('screen'));
    expect(screen.suppression.minCellCount).toBe(5);
    const hiddenPairs = Number(pageRows(await engine.query(`select count(*) from ${table} where n is null`))[0]![0]);
    const volcano = await runtime.page(cells.find((c) => c.name === 'volcano')!.id, { offset: 0, limit: 1, orderBy: [{ column: 'n', descending: false }] });
    expect(Number(pageRows(volcano)[0]![2])).toBeGreaterThanOrEqual(5);
    // Independent of the suppression: the same screen with every count shown (policy 0 for a moment).
    await engine.setPrivacyPolicy({ minCellCount: 0 });
    let below: number;
    try {
      const everyCount = await engine.signals({ dataset: 'faers', minCount: 3 });
      expect(everyCount.suppression.primary).toBe(0);
      below = Number(pageRows(await engine.query(`select count(*) from ${everyCount.resultTable} where n < 5`))[0]![0]);
    } finally {
      await engine.setPrivacyPolicy({ minCellCount: 5 });
    }
    expect(below).toBeGreaterThan(0);
    expect(hiddenPairs).toBe(below);
    const trend = await engine.signalTrend({ dataset: 'faers', drugs: ['diclofenac'], events: ['gastrointestinal haemorrhage'], period: 'quarter' });
    const own = runtime.state(named('over_time').id).output;
    expect(own?.type === 'analysis' && pageRows(own.result as never)).toEqual(pageRows(trend));
    expect(trend.rowCount).toBe(2);
  });

  it('genotype-association: Manhattan rows, QQ rows and carriers equal independent queries', async () => {
    const { runtime, named, cells } = await open('genotype-association.md');
    const table = resultOf<AssociationResult>(runtime, named('assoc')).resultTable;
    const scalar = async (sql: string) => Number(pageRows(await engine.query(sql))[0]![0]);
    const tested = await scalar(`select count(*) from ${table} where p_chisq is not null`);
    for (const name of ['manhattan', 'qq']) {
      const output = runtime.state(named(name).id).output;
      expect(output?.type === 'table' && output.totalRows, name).toBe(tested);
    }
    // QQ: the smallest p-value sits at expected −log10(0.5 / n).
    const qq = await runtime.page(named('qq').id, { offset: 0, limit: 1, orderBy: [{ column: 'expected', descending: true }] });
    expect(pageRows(qq)[0]![0]).toBeCloseTo(-Math.log10(0.5 / tested), 10);
    expect(pageRows(qq)[0]![1]).toBeCloseTo(-Math.log10(await scalar(`select min(p_chisq) from ${table}`)), 10);
    // Dots are the variants with a p value shown: the workspace minimum (5) hides the statistics of every variant
    // whose alternate alleles number 1 to 4 in cases or in controls (docs/privacy.md). Checked against the same
    // association run with every count shown (policy 0 for a moment).
    expect(resultOf<AssociationResult>(runtime, named('assoc')).suppression.minCellCount).toBe(5);
    await engine.setPrivacyPolicy({ minCellCount: 0 });
    let everyCount: AssociationResult;
    try {
      everyCount = await engine.association({ dataset: 'vcf', phenotype: { file: 'samples/small/vcf/phenotype.tsv' } });
    } finally {
      await engine.setPrivacyPolicy({ minCellCount: 5 });
    }
    const openTested = await scalar(`select count(*) from ${everyCount.resultTable} where p_chisq is not null`);
    expect(tested).toBe(await scalar(`select count(*) from ${everyCount.resultTable} where p_chisq is not null and not (ac_cases between 1 and 4 or ac_controls between 1 and 4)`));
    expect(tested).toBeLessThan(openTested);
    const top = await scalar(`select variant_id from ${table} order by p_chisq limit 1`);
    const carriers = await scalar(`select count(*) from vcf.genotype where variant_id = ${top} and alt_count > 0`);
    const last = runtime.state(cells.filter((c) => c.kind === 'sql').at(-1)!.id).output;
    expect(last?.type === 'table' && last.totalRows).toBe(carriers);
    expect(carriers).toBeGreaterThan(10);
  });
});
