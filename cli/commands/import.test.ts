import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runPmwProcess } from '../testing/run-pmw-process.js';
import { UsageError } from '../usage-error.js';
import { omopRequestParts } from './import-omop.js';
import { pvRequestParts } from './import-pv.js';

const CAERS = join(REPO_ROOT, 'test/fixtures/caers.csv');
const FAERS = join(REPO_ROOT, 'samples/small/faers');

describe('pmw import: kind, report mapping and dedup flags', () => {
  it('mapping flags imply --kind reports; strata are repeatable or comma-separated', () => {
    expect(pvRequestParts({ 'report-col': 'id', 'drug-col': 'var1', 'event-col': 'var2', 'strata-col': ['strat1,age', ' year '] })).toEqual({
      kind: 'reports',
      reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', strataColumns: ['strat1', 'age', 'year'] },
    });
    expect(pvRequestParts({})).toEqual({ kind: 'auto' });
    expect(pvRequestParts({ kind: 'faers', dedup: 'caseversion' })).toEqual({ kind: 'faers', faers: { dedup: 'caseversion' } });
  });

  it('refuses mappings without all three columns, mapping flags on other kinds, and unknown values', () => {
    const usage = (values: Parameters<typeof pvRequestParts>[0]) => {
      try { pvRequestParts(values); } catch (error) { return error instanceof UsageError ? error.message : 'not a usage error'; }
      return 'accepted';
    };
    expect(usage({ kind: 'reports', 'report-col': 'id' })).toMatch(/--kind reports needs --drug-col, --event-col/);
    expect(usage({ kind: 'faers', 'report-col': 'id' })).toMatch(/go with --kind reports, not --kind faers/);
    expect(usage({ kind: 'table', dedup: 'fda' })).toMatch(/--dedup applies to FAERS imports/);
    expect(usage({ kind: 'bcf' })).toMatch(/--kind must be one of auto, table, faers, reports, omop, vcf, not bcf/);
    expect(usage({ kind: 'omop', dedup: 'fda' })).toMatch(/--dedup applies to FAERS imports, not --kind omop/);
    expect(usage({ dedup: 'newest' })).toMatch(/--dedup must be one of fda, caseversion/);
  });
});

describe('pmw import: OMOP options', () => {
  it('--mapping implies --kind omop and goes with no other kind', () => {
    expect(omopRequestParts({}, 'auto')).toEqual({});
    expect(omopRequestParts({ mapping: 'map.json' }, 'auto')).toEqual({ kind: 'omop', omop: { mapping: 'map.json' } });
    expect(omopRequestParts({ mapping: 'map.json' }, 'omop')).toEqual({ kind: 'omop', omop: { mapping: 'map.json' } });
    expect(() => omopRequestParts({ mapping: 'map.json' }, 'faers')).toThrow('--mapping goes with --kind omop, not --kind faers');
    expect(pvRequestParts({ kind: 'omop' })).toEqual({ kind: 'omop' });
  });
});

describe('pmw import end to end: report tables and FAERS folders', () => {
  let dataDir: string;
  let workspace: string;
  const pmw = (...args: string[]) => runPmwProcess([...args, '--workspace', workspace], { dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pmw-cli-pv-'));
    workspace = join(dataDir, 'pv.duckdb');
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('--kind reports on caers.csv prints the three tables and the counts', async () => {
    const result = await pmw('import', CAERS, '--kind', 'reports', '--report-col', 'id', '--drug-col', 'var1', '--event-col', 'var2', '--strata-col', 'strat1', '--name', 'caers');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^imported .*caers\.csv as dataset caers \(reports\)\n/);
    expect(result.stdout).toMatch(/caers\.pv_report\s+3,356 rows\s+\(report_id, strat1\)/);
    expect(result.stdout).toMatch(/caers\.pv_drug\s+5,209 rows\s+\(report_id, seq, role, drug, ingredient\)/);
    expect(result.stdout).toMatch(/caers\.pv_event\s+11,312 rows\s+\(report_id, pt\)/);
    expect(result.stdout).toMatch(/drugEventPairs\s+17,189/);
    expect(result.stdout).not.toMatch(/warning:/);
    const query = await pmw('query', 'select strat1, count(*) as n from caers.pv_report group by all order by 1', '--format', 'csv');
    expect(query.stdout).toBe('strat1,n\nFemale,2120\nMale,1013\nNot Available,223\n');
  });

  it('a FAERS folder, auto-detected, with --dedup; then the same folder again is a duplicate', async () => {
    const result = await pmw('import', FAERS, '--dedup', 'fda', '--name', 'faers_small');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/as dataset faers_small \(faers\)/);
    expect(result.stdout).toMatch(/faers_small\.pv_report\s+\S+ rows/);
    // The generator's own counts of the bundled quarters (samples/small/manifest.json).
    const truth = JSON.parse(readFileSync(join(REPO_ROOT, 'samples/small/manifest.json'), 'utf8')).realized.faers;
    const fmt = (n: number) => n.toLocaleString('en-US');
    for (const [name, n] of [['quarters', '2'], ['versionsRead', fmt(truth.reports)], ['versionsDropped', fmt(truth.supersededVersions)],
      ['reports', fmt(truth.cases)], ['casesWhereRulesDisagree', fmt(truth.casesWhereRulesDisagree)]]) {
      expect(result.stdout).toMatch(new RegExp(`\\n    ${name}\\s+${n}\\n`));
    }
    const again = await pmw('import', FAERS);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/is already dataset faers_small.*nothing was imported/);
  });

  it('a usage error for a mapping without its columns, and a typed error for a FAERS quarter missing a file', async () => {
    const usage = await pmw('import', CAERS, '--report-col', 'id');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--kind reports needs --drug-col, --event-col/);
    const notFaers = await pmw('import', join(REPO_ROOT, 'test/fixtures'), '--kind', 'faers');
    expect(notFaers.code).toBe(1);
    expect(notFaers.stderr).toMatch(/^pmw: fixtures holds no FAERS quarterly files .* — /);
  });

  it('--help lists the new options', async () => {
    const help = await pmw('import', '--help');
    for (const option of ['--kind K', '--report-col C', '--drug-col C', '--event-col C', '--strata-col C', '--dedup R', '--mapping F']) expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('pmw import samples/gibleed --kind omop --name gibleed');
  });

  it('an OMOP folder prints its tables, CDM version and checks; a mapping prints what it counted', async () => {
    const result = await pmw('import', join(REPO_ROOT, 'test/fixtures/omop/tiny_cdm'), '--kind', 'omop', '--name', 'tiny');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^imported .*tiny_cdm as dataset tiny \(omop, CDM version unknown\)\n  tables\n    tiny\.person +4 rows\n/);
    expect(result.stdout).toMatch(/\n    tiny\.pmw_checks +\d+ rows\n/);
    expect(result.stdout).toContain('  checks (data kept as is; per table in tiny.pmw_checks)\n');
    expect(result.stdout).toMatch(/\n    events outside every observation period of their person +1\n/);
    expect(result.stdout).toMatch(/\n    deaths dated before the earliest possible birth date +1\n/);
    expect(result.stdout).toMatch(/\nwarning: events outside every observation period of their person: 1 \(condition_occurrence: 1\); kept; ignored by cohort logic/);
    const plain = join(REPO_ROOT, 'test/fixtures/omop/plain');
    const mapped = await pmw('import', plain, '--mapping', join(plain, 'mapping.json'));
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toMatch(/as dataset plain \(omop, CDM v5\.4\)/);
    expect(mapped.stdout).toMatch(/\n    derivedObservationPeriods +3\n/);
    const query = await pmw('query', 'select condition_source_value from plain.condition_occurrence order by 1', '--format', 'csv');
    expect(query.stdout).toBe('condition_source_value\nE11.9\nI10\nJ45\nK92.2\nM17.1\n');
  });
});
