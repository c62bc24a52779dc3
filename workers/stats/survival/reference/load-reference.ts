/** Test helpers: the survival fixtures (CSV) and R's figures for them (survival_reference.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FollowUp } from '../follow-up.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Reads a `time,status,group` CSV into typed arrays. */
export function readFixture(name: string): Required<FollowUp> & { groups: number } {
  const lines = readFileSync(join(HERE, 'fixtures', `${name}.csv`), 'utf8').trim().split('\n');
  if (lines[0] !== 'time,status,group') throw new Error(`${name}.csv: unexpected header ${lines[0]}`);
  const rows = lines.slice(1).map((line) => line.split(',').map(Number));
  const group = Uint8Array.from(rows, (r) => r[2]!);
  return {
    time: Float64Array.from(rows, (r) => r[0]!),
    status: Uint8Array.from(rows, (r) => r[1]!),
    group,
    groups: Math.max(...group) + 1,
  };
}

/** JSON as the R script writes it: NA as null (→ NaN), infinities as "Inf"/"-Inf". */
export function readReferenceJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8'), (_key, value: unknown) =>
    value === null ? NaN : value === 'Inf' ? Infinity : value === '-Inf' ? -Infinity : value) as T;
}

export interface ReferenceCurve {
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err: number[];
  lower: number[];
  upper: number[];
  median: number;
  median_lower: number;
  median_upper: number;
}

export interface ReferenceCox {
  coef: number;
  se: number;
  z: number;
  p: number;
  hazard_ratio: number;
  lower: number;
  upper: number;
  warning: string;
  default_coef: number;
  default_se: number;
}

export interface ReferenceDataSet {
  name: string;
  groups: number;
  at_risk_times: number[];
  km: Record<'log' | 'log-log' | 'plain', { all: ReferenceCurve; groups: ReferenceCurve[] }>;
  at_risk: { all: number[]; groups: number[][] };
  log_rank: { observed: number[]; expected: number[]; variance: number[]; chisq: number; df: number; p: number };
  cox?: { efron: ReferenceCox; breslow: ReferenceCox };
}

/** Celecoxib (0) vs diclofenac (1) new users of Eunomia GiBleed, time to GI bleeding (survival_reference.R). */
export interface GibleedReference extends ReferenceDataSet {
  persons: number[];
  excluded: { in_both: number; prior_outcome: number; no_time: number };
  incidence_first_year: {
    persons: number;
    excluded_prior_outcome: number;
    excluded_no_time: number;
    persons_at_risk: number;
    outcomes: number;
    person_years: number;
    rate: number;
    lower: number;
    upper: number;
  };
}

export interface SurvivalReference {
  r_version: string;
  survival_version: string;
  data_sets: Record<string, ReferenceDataSet>;
  poisson: { count: number; exposure: number; lower: number; upper: number }[];
  gibleed: GibleedReference;
}

export function readSurvivalReference(): SurvivalReference {
  return readReferenceJson<SurvivalReference>(join(HERE, 'survival_reference.json'));
}

/** R's NA median (not reached) is null on our side. */
export function medianOrNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
