import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSurvivalReference } from '../../workers/stats/survival/reference/load-reference.js';
import { parseDayWindow, parseTimeAtRisk } from '../cohort-definitions.js';
import { REPO_ROOT, runPmwProcess } from '../testing/run-pmw-process.js';

const GIBLEED = join(REPO_ROOT, 'samples/gibleed');
const COHORTS = join(REPO_ROOT, 'samples/cohorts');
// Independent reference for the survival numbers: workers/stats/survival/reference/survival_reference.R.
const reference = readSurvivalReference().gibleed;

describe('pmw cohort, characterize, incidence, survival', () => {
  let dataDir: string;
  let workspace: string;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });
  const file = (name: string) => join(dataDir, name);
  const definition = async (name: string, spec: object) => { await writeFile(file(name), JSON.stringify(spec)); return file(name); };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-cohort-cli-'));
    workspace = join(dataDir, 'ws.duckdb');
    const imported = await pmw('import', GIBLEED, '--kind', 'omop', '--name', 'gibleed');
    expect(imported.code).toBe(0);
    const newUsers = (ingredient: number) => ({ dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [{ id: ingredient, descendants: true }] } } });
    await definition('celecoxib.json', { name: 'celecoxib', ...newUsers(1118084) });
    await definition('diclofenac.json', { name: 'diclofenac', ...newUsers(1124300) });
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('cohort prints the attrition and writes the members', async () => {
    const out = file('members.csv');
    const result = await pmw('cohort', join(COHORTS, 'celecoxib-new-users.json'), '--out', out, '--format', 'csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('step,persons,dropped,events,rule alone');
    expect(lines[1]).toBe('entry: first drug (celecoxib) event,1844,0,1844,');
    expect(lines[2]).toBe('index date in an observation period,1800,44,1800,');
    const persons = Number(lines.at(-1)!.split(',')[1]);
    const members = (await readFile(out, 'utf8')).trim().split('\n');
    expect(members[0]).toBe('person_id,cohort_start_date,cohort_end_date,observation_start_date,observation_end_date');
    expect(members.length - 1).toBe(persons);
    expect(result.stderr).toMatch(new RegExp(`${persons.toLocaleString('en-US')} persons in results\\.cohort_gibleed_[0-9a-f]{6}`));
  });

  it('cohort hides small attrition counts by the workspace policy and says so', async () => {
    // One male celecoxib user aged 31 or less: the last step is below the default minimum of 5
    const young = await definition('young-men.json', {
      name: 'young men', dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [{ id: 1118084, descendants: true }] } },
      inclusion: [{ name: 'aged 31 at most', age: { max: 31 } }, { name: 'male', sex: ['male'] }],
    });
    const result = await pmw('cohort', young, '--format', 'csv');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[1]).toBe('entry: first drug (inline codes) event,1844,0,1844,');
    // the small count and the ones that would give it away read — (some hidden counts are not small)
    expect(lines.at(-1)).toMatch(/^male,—,—,—,/);
    expect(result.stderr).toMatch(/^— persons in results\.cohort_gibleed_/m);
    expect(result.stderr).toMatch(/small-cell policy: counts below 5 shown as <5, with counts that would reveal them hidden too \(minimum cell count 5\); \d+ small counts hidden, \d+ more to protect them/);
  });

  it('characterize prints Table 1 side by side with SMDs and suppresses small counts', async () => {
    const result = await pmw('characterize', file('celecoxib.json'), '--compare', file('diclofenac.json'), '--format', 'csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,characteristic,celecoxib,diclofenac,smd');
    expect(lines[1]).toBe('persons,persons,1800,830,'); // the observation step of the attrition above
    expect(lines.filter((l) => l.startsWith('conditions,')).length).toBe(10);
    expect(result.stdout).toMatch(/<5/);
    expect(result.stderr).toContain('counts below 5 shown as <5');
  });

  it('incidence and survival print the same numbers as R', async () => {
    const gi = join(COHORTS, 'gi-bleed.json');
    const incidence = await pmw('incidence', '--target', file('celecoxib.json'), '--outcome', gi, '--tar', '0,365', '--format', 'json');
    expect(incidence.code).toBe(0);
    const [row] = JSON.parse(incidence.stdout);
    const r = reference.incidence_first_year;
    expect(row).toMatchObject({ persons: r.persons, 'at risk': r.persons_at_risk, outcomes: r.outcomes });
    expect(row['rate per 1000 PY']).toBeCloseTo(r.rate, 3);

    const curves = file('curves.csv');
    const survival = await pmw('survival', '--target', file('celecoxib.json'), '--compare', file('diclofenac.json'), '--outcome', gi, '--out', curves, '--format', 'json', '--min-cell', '0');
    expect(survival.code).toBe(0);
    const result = JSON.parse(survival.stdout);
    expect(result.cox.hazardRatio).toBeCloseTo(reference.cox!.efron.hazard_ratio, 10);
    expect(result.logRank.observed).toEqual(reference.log_rank.observed);
    expect(result.curves[0].surv.length).toBe(result.curves[0].time.length);
    const csv = (await readFile(curves, 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('cohort,time,n_risk,n_event,n_censor,surv,lower,upper');
    expect(csv.length - 1).toBe(result.curves[0].time.length + result.curves[1].time.length);

    const table = await pmw('survival', '--target', file('celecoxib.json'), '--compare', file('diclofenac.json'), '--outcome', gi, '--times', '0,365');
    expect(table.stdout).toMatch(/Numbers at risk/);
    expect(table.stdout).toMatch(/Cox \(efron\): hazard ratio/);
    expect(table.stdout).toMatch(/Log-rank: χ² = /);
    const csvOut = await pmw('survival', '--target', file('celecoxib.json'), '--compare', file('diclofenac.json'), '--outcome', gi, '--format', 'csv');
    expect(csvOut.stdout).toBe(await readFile(curves, 'utf8'));
  });

  it('names the file and place of a mistake, and exits 2 for a wrong command line', async () => {
    await writeFile(file('broken.json'), '{\n  "dataset": "gibleed",\n  "entry": { "domain": "drug", }\n}');
    const broken = await pmw('cohort', file('broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON at line 3, column 32: Expected double-quoted property name/);
    const window = await definition('window.json', { dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [1118084] } }, inclusion: [{ name: 'w', occurrence: { domain: 'condition', codes: { concepts: [192671] }, window: { start: 5, end: -5 } } }] });
    const impossible = await pmw('cohort', window);
    expect(impossible.code).toBe(1);
    expect(impossible.stderr).toContain(`cohort definition ${window}, inclusion[0].occurrence.window: is impossible`);
    const unknown = await definition('unknown.json', { dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [42] } } });
    const badConcept = await pmw('characterize', file('celecoxib.json'), '--compare', unknown);
    expect(badConcept.code).toBe(1);
    expect(badConcept.stderr).toContain(`comparator cohort definition ${unknown}, entry.codes: concept 42 is not in the dataset's concept table`);
    expect((await pmw('incidence', '--target', file('celecoxib.json'), '--outcome', file('celecoxib.json'))).code).toBe(2);
    expect((await pmw('survival', '--target', file('celecoxib.json'))).code).toBe(2);
    const noDataset = await definition('nodataset.json', { entry: { domain: 'drug', codes: { concepts: [1118084] } } });
    expect((await pmw('cohort', noDataset)).stderr).toMatch(/names no dataset — add "dataset": "NAME" to the file or pass --dataset NAME/);
    expect((await pmw('cohort', noDataset, '--dataset', 'gibleed')).code).toBe(0);
  });
});

describe('time-at-risk and window options', () => {
  it('reads days from the start or the end of the cohort', () => {
    expect(parseTimeAtRisk('x', '1,365')).toEqual({ start: 1, end: 365, startAnchor: 'cohortStart', endAnchor: 'cohortStart' });
    expect(parseTimeAtRisk('x', '0,end')).toEqual({ start: 0, end: 0, startAnchor: 'cohortStart', endAnchor: 'cohortEnd' });
    expect(parseTimeAtRisk('x', 'start+30, end-7')).toEqual({ start: 30, end: -7, startAnchor: 'cohortStart', endAnchor: 'cohortEnd' });
    expect(() => parseTimeAtRisk('x', '365')).toThrow(/--tar must be START,END/);
    expect(() => parseTimeAtRisk('x', 'soon,later')).toThrow(/--tar must be START,END/);
    expect(parseDayWindow('x', 'window', '-365,0')).toEqual({ start: -365, end: 0 });
    expect(parseDayWindow('x', 'window', ',-1')).toEqual({ end: -1 });
    expect(() => parseDayWindow('x', 'window', 'last year')).toThrow(/--window must be START,END/);
  });
});
