/**
 * The Engine API, clinical cohorts (OMOP): definitions, Table 1, incidence, survival. Re-exported by api.ts.
 * Days are whole calendar days; windows are inclusive on both ends.
 */

import type { Suppression } from './api-privacy.js';

/** The OMOP domains an event criterion can draw from, and the table each reads. */
export type EventDomain = 'condition' | 'drug' | 'measurement' | 'procedure' | 'visit' | 'observation' | 'death';

/**
 * A set of codes. Standard concepts by id (optionally with every descendant in `concept_ancestor`, or
 * excluded), and/or source codes (`*_source_value`, e.g. ICD-10 `K25%`, ATC `M01AH%`) as SQL LIKE patterns.
 */
export interface CodeSet {
  /** A bare id is `{ id }`: that concept alone. */
  concepts?: (number | { id: number; descendants?: boolean; exclude?: boolean })[];
  sourceCodes?: string[];
}

/** Events of one domain whose concept (or source code) is in a code set; for measurements, a value test. */
export interface EventCriterion {
  domain: EventDomain;
  /** The name of an entry of the spec's `codeSets`, or a code set written inline. Optional only for `death`. */
  codes?: string | CodeSet;
  /** Measurement / observation `value_as_number` thresholds, and optionally its `unit_concept_id`. */
  value?: { gt?: number; gte?: number; lt?: number; lte?: number; unit?: number };
}

/**
 * Days relative to the index date, both ends inclusive: `{ start: -365, end: -1 }` is the year before.
 * A missing end is open: `{ end: -1 }` is any time before index (within the observation period).
 */
export interface DayWindow {
  start?: number;
  end?: number;
}

export interface InclusionRule {
  name: string;
  /** Exactly one of the criteria below. */
  /** Age at index in years (year of index − year of birth, as OHDSI's Circe). */
  age?: { min?: number; max?: number };
  sex?: ('male' | 'female' | 'unknown')[];
  /**
   * Events in a window around index: at least `atLeast` (default 1) and at most `atMost` of them;
   * `atMost: 0` means absence. Only events inside the index's observation period count.
   */
  occurrence?: EventCriterion & { window: DayWindow; atLeast?: number; atMost?: number };
  /**
   * Genotype of the person's linked sample in a `vcf` dataset: carries (or, with `carrier: false`, does not
   * carry) any of the variants, or any qualifying variant of a gene. Persons without a linked sample fail it.
   */
  genotype?: { dataset: string; variants?: (number | string)[]; gene?: string; impact?: string[]; maxAf?: number; minAltCount?: number; carrier?: boolean };
}

export type CohortExit =
  /** End of the observation period holding the index date (the default). */
  | { type: 'observationEnd' }
  /** A fixed number of days after the index date. */
  | { type: 'fixed'; days: number }
  /**
   * End of continuous exposure to `codes` (default: the entry's codes) where gaps up to `gapDays` are
   * bridged, plus `offsetDays`.
   */
  | { type: 'drugExposure'; codes?: string | CodeSet; gapDays: number; offsetDays?: number };

export interface CohortSpec {
  /** An `omop` dataset. */
  dataset: string;
  name?: string;
  /** Named code sets the criteria can refer to. */
  codeSets?: Record<string, CodeSet>;
  /** Entry events; `occurrence: 'first'` (default) uses each person's earliest such event ever recorded. */
  entry: EventCriterion & { occurrence?: 'first' | 'all' };
  /** Continuous observation required before and after the index date (days, default 0). */
  observation?: { priorDays?: number; postDays?: number };
  inclusion?: InclusionRule[];
  exit?: CohortExit;
  /** The cohort ends early at the first of these events after index. */
  censor?: EventCriterion[];
  /** Smallest attrition count shown; the engine raises it to the workspace policy's. */
  minCellCount?: number;
  taskId?: string;
}

export interface AttritionStep {
  step: string;
  /** Persons remaining after this step (null: hidden by the minimum cell count). */
  persons: number | null;
  /** Entry events remaining after this step (null: hidden). */
  events: number | null;
  /** Persons lost at this step (null: hidden). */
  dropped: number | null;
  /** For inclusion rules: persons (of those with a qualifying entry event) who meet this rule on its own (null: hidden). */
  ruleOnly?: number | null;
}

export interface CohortResult {
  /**
   * The members, one row per person: `person_id, cohort_start_date, cohort_end_date,
   * observation_start_date, observation_end_date`, kept in the workspace (`results.cohort_*`).
   */
  cohortTable: string;
  dataset: string;
  /** Persons in the cohort (the members table always holds them; shown counts follow `attrition`). */
  persons: number;
  attrition: AttritionStep[];
  warnings: string[];
  /** Small attrition counts hidden, with the counts that would reveal them. */
  suppression: Suppression;
  spec: CohortSpec;
  elapsedMs: number;
}

/** A cohort to analyse: a definition (built on the fly) or the table of a cohort built earlier. */
export type CohortRef = CohortSpec | { cohortTable: string; dataset: string; name?: string };

export interface CharacterizeSpec {
  target: CohortRef;
  comparator?: CohortRef;
  /** Window for the most frequent conditions and drugs (default 365 days before index up to index). */
  window?: DayWindow;
  /** How many conditions and drugs to list (default 10 each). */
  top?: number;
  /** Age band edges in years (default 0, 18, 35, 50, 65, 80). */
  ageBands?: number[];
  /** Measurements to summarise: the last value in the window. */
  measurements?: { label: string; codes: CodeSet }[];
  /** Counts below this are shown as `<n` (default 5; 0 shows everything). */
  minCellCount?: number;
  taskId?: string;
}

export interface Table1Cell {
  /** Persons counted, or null when suppressed. */
  count: number | null;
  /** Share of the cohort (0..1), or null. */
  fraction: number | null;
  mean?: number | null;
  sd?: number | null;
  /** What a table shows, e.g. `412 (22.3%)`, `<5`, `54.2 (11.0)`. */
  display: string;
}

export interface Table1Row {
  section: 'persons' | 'age' | 'age band' | 'sex' | 'conditions' | 'drugs' | 'measurements';
  label: string;
  conceptId?: number;
  target: Table1Cell;
  comparator?: Table1Cell;
  /** Standardized mean difference (comparator minus target over the pooled SD), when both cohorts exist. */
  smd?: number | null;
}

export interface CharacterizeResult {
  rows: Table1Row[];
  targetPersons: number;
  comparatorPersons?: number;
  minCellCount: number;
  warnings: string[];
  elapsedMs: number;
}

/**
 * Time at risk, days relative to an anchor: the cohort start (default) or end. `{ start: 0, end: 365 }`
 * is the first year from index; `{ start: 0, end: 0, endAnchor: 'cohortEnd' }` the whole cohort era.
 * Always cut at the end of observation.
 */
export interface TimeAtRisk {
  start: number;
  end: number;
  startAnchor?: 'cohortStart' | 'cohortEnd';
  endAnchor?: 'cohortStart' | 'cohortEnd';
}

export interface IncidenceSpec {
  target: CohortRef;
  outcome: CohortRef;
  tar: TimeAtRisk;
  /** Persons whose outcome started this many days (or ever, when absent) before the time at risk are left out. */
  washoutDays?: number;
  minCellCount?: number;
  taskId?: string;
}

export interface IncidenceResult {
  persons: number;
  /** Persons left out because the outcome came before their time at risk. */
  excludedPriorOutcome: number;
  /** Persons whose time at risk is empty (it ends before it starts, e.g. observation ended). */
  excludedNoTime: number;
  personsAtRisk: number;
  outcomes: number | null;
  personYears: number;
  /** Per 1,000 person-years, with an exact Poisson 95% interval. */
  rate: number | null;
  lower: number | null;
  upper: number | null;
  /** Cumulative incidence proportion of persons at risk. */
  proportion: number | null;
  minCellCount: number;
  warnings: string[];
  elapsedMs: number;
}

export interface SurvivalSpec {
  target: CohortRef;
  outcome: CohortRef;
  comparator?: CohortRef;
  /** Follow-up; default from index to the end of the cohort era (`{0, 0, endAnchor: 'cohortEnd'}`). */
  tar?: TimeAtRisk;
  /** Times (days) at which to report the numbers at risk; default every 10% of the longest follow-up. */
  atRiskTimes?: number[];
  /** Confidence interval of the curves on the log (R's default), log-log or plain scale. */
  confType?: 'log' | 'log-log' | 'plain';
  /** Cox ties: Efron (R's default) or Breslow. */
  ties?: 'efron' | 'breslow';
  minCellCount?: number;
  taskId?: string;
}

/** One Kaplan–Meier curve: a row per distinct event or censoring time, as R's `survfit`. */
export interface KaplanMeierCurve {
  label: string;
  persons: number;
  events: number;
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  surv: Float64Array;
  /** 95% limits; NaN where undefined (after the curve reaches zero). */
  lower: Float64Array;
  upper: Float64Array;
  /** Median survival time with its 95% interval (null when not reached). */
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
}

export interface SurvivalResult {
  curves: KaplanMeierCurve[];
  /** Numbers at risk at chosen times, one count per curve (null when suppressed). */
  atRisk: { time: number; counts: (number | null)[] }[];
  /** Log-rank test (R `survdiff`, rho = 0) when there is a comparator. */
  logRank?: { chisq: number; df: number; p: number; observed: number[]; expected: number[] };
  /** Cox proportional hazards of comparator vs target (R `coxph`), when there is a comparator. */
  cox?: { hazardRatio: number; lower: number; upper: number; coef: number; se: number; z: number; p: number; ties: 'efron' | 'breslow'; persons: number; events: number };
  /** Persons left out: outcome before follow-up, in both cohorts, no follow-up time. */
  excluded: { priorOutcome: number; inBothCohorts: number; noTime: number };
  minCellCount: number;
  warnings: string[];
  elapsedMs: number;
}
