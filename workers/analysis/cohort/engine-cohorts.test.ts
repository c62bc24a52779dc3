import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortSpec } from '../../engine/api.js';
import { EngineThread } from '../../engine/engine-thread.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { expectClose, expectCurveLikeR } from '../../stats/survival/reference/expect-like-r.js';
import { readSurvivalReference } from '../../stats/survival/reference/load-reference.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { GIBLEED_DIR } from './testing.js';

// The whole path — OMOP import of the bundled GiBleed, cohort definitions, engine analyses — against
// R survival on cohorts rebuilt independently in base R (workers/stats/survival/reference/survival_reference.R):
// new users of celecoxib / diclofenac (first exposure, kept when inside an observation period, followed to
// the end of that period) and each person's first GI bleed (192671 and descendants).

const SAMPLE_COHORTS = new URL('../../../samples/cohorts/', import.meta.url).pathname;
const reference = readSurvivalReference().gibleed;

const newUsers = (name: string, ingredient: number): CohortSpec => ({
  name, dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [{ id: ingredient, descendants: true }] } },
});
const CELECOXIB = newUsers('celecoxib', 1118084);
const DICLOFENAC = newUsers('diclofenac', 1124300);
const GI_BLEED: CohortSpec = { name: 'GI bleed', dataset: 'gibleed', entry: { domain: 'condition', codes: { concepts: [{ id: 192671, descendants: true }] } } };

const tempDir = useTempDir();

describe('cohort analyses through the engine on the imported GiBleed sample', () => {
  const engine = new WorkspaceEngine();
  let workspace: string;
  beforeAll(async () => {
    workspace = join(tempDir(), 'ws.duckdb');
    await engine.openWorkspace(workspace);
    await engine.importFile({ path: GIBLEED_DIR, kind: 'omop', name: 'gibleed' });
    await engine.importFile({ path: new URL('../../../test/fixtures/caers.csv', import.meta.url).pathname, kind: 'reports', reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2' } });
  });
  afterAll(() => engine.close());

  it('builds a bundled definition, keeps its members and audits the run', async () => {
    const spec = JSON.parse(readFileSync(join(SAMPLE_COHORTS, 'celecoxib-new-users.json'), 'utf8')) as CohortSpec;
    const result = await engine.cohort(spec);
    expect(result.attrition.map((s) => s.step)).toEqual([
      'entry: first drug (celecoxib) event', 'index date in an observation period',
      'at least 365 days observed before and 0 after index', 'aged 18 or more', 'no GI bleed before',
    ]);
    expect(result.attrition[0]!.persons).toBe(1844); // Eunomia createCohorts: celecoxib
    expect(result.persons).toBe(result.attrition.at(-1)!.persons);
    const page = await engine.query(`SELECT count(*)::INTEGER AS n, count(DISTINCT person_id)::INTEGER AS persons FROM ${result.cohortTable}`);
    expect(page.columns.map((c) => (c.data.kind === 'number' ? c.data.values[0] : null))).toEqual([result.persons, result.persons]);
    const audited = (await engine.audit({ limit: 1000 })).filter((e) => e.action === 'analysis').at(-1)!;
    expect(JSON.parse(audited.detail)).toMatchObject({ analysis: 'cohort', resultTable: result.cohortTable, spec: { name: 'celecoxib new users' } });
  });

  it('hides small attrition counts by the workspace policy and audits the attrition as shown', async () => {
    const spec = JSON.parse(readFileSync(join(SAMPLE_COHORTS, 'celecoxib-new-users.json'), 'utf8')) as CohortSpec;
    const young: CohortSpec = { ...spec, inclusion: [{ name: 'aged 31 at most', age: { max: 31 } }, ...(spec.inclusion ?? []).slice(1)] };
    const result = await engine.cohort(young);
    // the policy's default minimum, 5, applies; a spec may ask for more, never less
    expect(result.suppression).toMatchObject({ minCellCount: 5, columns: ['persons', 'events', 'dropped', 'ruleOnly'] });
    expect(result.attrition[0]!.persons).toBe(1844);
    expect((await engine.cohort({ ...young, minCellCount: 0 })).suppression.minCellCount).toBe(5);
    const stricter = await engine.cohort({ ...young, minCellCount: 10 });
    expect(stricter.suppression.minCellCount).toBe(10);
    expect(stricter.suppression.primary).toBeGreaterThanOrEqual(result.suppression.primary);
    expect(stricter.attrition[3]!.persons).toBeNull(); // the young ones: fewer than 10 (attrition-suppression.test.ts counts them)
    const audited = (await engine.audit({ limit: 10 })).find((e) => e.action === 'analysis')!; // newest first
    expect(JSON.parse(audited.detail)).toMatchObject({ attrition: stricter.attrition, suppression: stricter.suppression });
  });

  it('survival from definitions equals R on the independently rebuilt cohorts', async () => {
    const result = await engine.survival({ target: CELECOXIB, comparator: DICLOFENAC, outcome: GI_BLEED, minCellCount: 0 });
    expect(result.excluded).toEqual({ inBothCohorts: reference.excluded.in_both, priorOutcome: reference.excluded.prior_outcome, noTime: reference.excluded.no_time });
    expect(result.curves.map((c) => c.persons)).toEqual(reference.persons);
    result.curves.forEach((curve, g) => expectCurveLikeR(curve, reference.km.log.groups[g]!, curve.label));
    expect(result.logRank!.observed).toEqual(reference.log_rank.observed);
    expectClose([result.logRank!.chisq, result.logRank!.p], [reference.log_rank.chisq, reference.log_rank.p], 'log-rank');
    const r = reference.cox!.efron;
    expectClose([result.cox!.hazardRatio, result.cox!.lower, result.cox!.upper], [r.hazard_ratio, r.lower, r.upper], 'Cox', 1e-10);
  });

  it('incidence from definitions equals R', async () => {
    const result = await engine.incidence({ target: CELECOXIB, outcome: GI_BLEED, tar: { start: 0, end: 365 } });
    const r = reference.incidence_first_year;
    expect(result).toMatchObject({ persons: r.persons, excludedPriorOutcome: r.excluded_prior_outcome, personsAtRisk: r.persons_at_risk, outcomes: r.outcomes });
    expectClose([result.personYears, result.rate!, result.lower!, result.upper!], [r.person_years, r.rate, r.lower, r.upper], 'incidence');
  });

  it('kept cohort tables give the same numbers as definitions', async () => {
    const [target, comparator, outcome] = await Promise.all([CELECOXIB, DICLOFENAC, GI_BLEED].map((spec) => engine.cohort(spec)));
    const ref = (c: typeof target) => ({ cohortTable: c!.cohortTable, dataset: 'gibleed' });
    const fromTables = await engine.survival({ target: ref(target), comparator: ref(comparator), outcome: ref(outcome) });
    const fromSpecs = await engine.survival({ target: CELECOXIB, comparator: DICLOFENAC, outcome: GI_BLEED });
    expect(fromTables.cox).toEqual(fromSpecs.cox);
    const table1 = await engine.characterize({ target: ref(target), comparator: ref(comparator), minCellCount: 0 });
    expect([table1.targetPersons, table1.comparatorPersons]).toEqual([target!.persons, comparator!.persons]);
    const fromDefinitions = await engine.characterize({ target: CELECOXIB, comparator: DICLOFENAC, minCellCount: 0 });
    expect(fromDefinitions.rows).toEqual(table1.rows);
  });

  it('refuses cohorts on a non-OMOP dataset, from two datasets, and names the faulty definition', async () => {
    const message = (work: Promise<unknown>) => work.then(() => 'ran', (e: Error) => e.message);
    expect(await message(engine.cohort({ ...CELECOXIB, dataset: 'caers' }))).toMatch(/caers is a reports dataset; cohorts are built from OMOP CDM data/);
    expect(await message(engine.cohort({ ...CELECOXIB, dataset: 'nope' }))).toMatch(/nope/);
    expect(await message(engine.cohort({ ...CELECOXIB, inclusion: [{ name: 'g', genotype: { dataset: 'caers', variants: ['rs1'] } }] })))
      .toMatch(/inclusion\[0\]\.genotype\.dataset: caers is a reports dataset, not a VCF/);
    const other = await engine.importFile({ path: GIBLEED_DIR, kind: 'omop', name: 'gibleed2', onDuplicate: 'import' });
    expect(other.dataset.name).toBe('gibleed2');
    expect(await message(engine.survival({ target: CELECOXIB, outcome: { ...GI_BLEED, dataset: 'gibleed2' } }))).toMatch(/different datasets \(gibleed and gibleed2\)/);
    expect(await message(engine.characterize({ target: CELECOXIB, comparator: { ...DICLOFENAC, entry: { domain: 'drug', codes: { concepts: [999999999] } } } })))
      .toMatch(/^comparator cohort definition, entry\.codes: concept 999999999 is not in the dataset's concept table/);
    expect(await message(engine.incidence({ target: { cohortTable: 'results.nothing', dataset: 'gibleed' }, outcome: GI_BLEED, tar: { start: 0, end: 365 } })))
      .toMatch(/results\.nothing is not a cohort table/);
  });
});

describe('cohort analyses in a worker thread', () => {
  it('carries the curves (typed arrays), the attrition and typed errors across the thread boundary', async () => {
    const engine = new EngineThread();
    try {
      await engine.openWorkspace(join(tempDir(), 'thread.duckdb'));
      await engine.importFile({ path: GIBLEED_DIR, kind: 'omop', name: 'gibleed' });
      const progress: number[] = [];
      const cohort = await engine.cohort(CELECOXIB, (p) => progress.push(p.fraction ?? 0));
      expect(cohort.attrition[1]).toMatchObject({ step: 'index date in an observation period', persons: 1800 });
      expect(progress.length).toBeGreaterThan(0);
      const survival = await engine.survival({ target: CELECOXIB, comparator: DICLOFENAC, outcome: GI_BLEED });
      expect(survival.curves[0]!.surv).toBeInstanceOf(Float64Array);
      expect(survival.curves.map((c) => c.persons)).toEqual(reference.persons);
      const error = await engine.cohort({ ...CELECOXIB, inclusion: [{ name: 'x', age: { min: 90, max: 10 } }] }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'PmwError', code: 'BAD_REQUEST', message: expect.stringMatching(/inclusion\[0\]\.age: is impossible/) });
    } finally {
      await engine.terminate();
    }
  });
});

describe('cohorts on plain files mapped into OMOP, by their ICD-10, ATC and LOINC source codes', () => {
  it('selects by source-code patterns and lab values (test/fixtures/omop/plain, counted by hand)', async () => {
    const engine = new WorkspaceEngine();
    try {
      await engine.openWorkspace(join(tempDir(), 'mapped.duckdb'));
      await engine.setPrivacyPolicy({ minCellCount: 0 }); // a handful of hand-made persons: every count shown
      const plain = new URL('../../../test/fixtures/omop/plain/', import.meta.url).pathname;
      await engine.importFile({ path: plain, kind: 'omop', name: 'clinic', omop: { mapping: join(plain, 'mapping.json') } });
      // NSAIDs (ATC M01A…): P001's M01AH01 on 2019-01-10 only; K92.2 follows on 2019-04-02, 82 days later.
      const nsaid = await engine.cohort({
        dataset: 'clinic', entry: { domain: 'drug', codes: { sourceCodes: ['M01A%'] } },
        inclusion: [{ name: 'GI bleed within a year', occurrence: { domain: 'condition', codes: { sourceCodes: ['K92'] }, window: { start: 0, end: 365 } } }],
      });
      expect(nsaid.attrition.map((s) => s.persons)).toEqual([1, 1, 0]);
      const widened = await engine.cohort({
        dataset: 'clinic', entry: { domain: 'drug', codes: { sourceCodes: ['M01A%'] } },
        inclusion: [{ name: 'GI bleed within a year', occurrence: { domain: 'condition', codes: { sourceCodes: ['K92%'] }, window: { start: 0, end: 365 } } }],
      });
      expect(widened.persons).toBe(1);
      // HbA1c (LOINC 4548-4) above 7: P003's 8.1; its "<5" has no number and never passes a threshold.
      const hba1c = await engine.cohort({ dataset: 'clinic', entry: { domain: 'measurement', codes: { sourceCodes: ['4548-4'] }, value: { gt: 7 }, occurrence: 'all' } });
      expect(hba1c.attrition[0]).toMatchObject({ persons: 1, events: 1 });
    } finally {
      await engine.close();
    }
  });
});
