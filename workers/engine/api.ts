/**
 * The Engine API: the one contract between the UI, the CLI and the data workers.
 * Everything here is plain data that survives structured clone (Comlink, worker_threads,
 * Electron MessagePorts). The renderer may `import type` from this file and nothing else in workers/.
 */

/** What a dataset holds; decides which analyses apply to it. */
export type DatasetKind = 'table' | 'omop' | 'faers' | 'reports' | 'vcf';

export interface ColumnInfo {
  name: string;
  /** DuckDB logical type, e.g. `BIGINT`, `VARCHAR`, `DATE`. */
  type: string;
}

/** One table a dataset wrote into the workspace. */
export interface DatasetTable {
  /** Schema (when not `main`) and table name, unquoted: `caers` or `gibleed.person`. */
  table: string;
  rows: number;
  columns: ColumnInfo[];
}

/** A catalog entry: one imported source and the tables it produced. */
export interface Dataset {
  id: string;
  name: string;
  kind: DatasetKind;
  /** Absolute path of the file or folder the data came from. */
  sourceFile: string;
  /** SHA-256 (hex) of the source bytes as read from disk (compressed bytes for .gz). */
  sha256: string;
  rows: number;
  tables: DatasetTable[];
  /** ISO 8601 timestamp, UTC. */
  importedAt: string;
  description: string;
  licence: string;
}

export interface CsvOptions {
  /** Field separator; detected from the first lines when absent (`,` `\t` `;` `|` `$`). */
  delimiter?: string;
  /** Quote character; DuckDB's sniffer decides when absent. */
  quote?: string;
  /** Escape character inside quoted fields. */
  escape?: string;
  /** Whether the first line holds column names; detected when absent. */
  header?: boolean;
  /** Text encoding of the file. Defaults to UTF-8; Latin-1 files must say so. */
  encoding?: 'utf-8' | 'latin-1';
}

/**
 * A generic adverse-event report table mapped into the canonical `pv_report`/`pv_drug`/`pv_event`
 * tables: one row per (report, drug, event), like openEBGM's `id, var1, var2` input.
 */
export interface ReportMapping {
  reportColumn: string;
  drugColumn: string;
  eventColumn: string;
  /** Report-level columns kept on `pv_report` for stratification, e.g. `['strat1']`. */
  strataColumns?: string[];
  /**
   * Separate tables instead of one: a file of (report, drug) rows holding `reportColumn` and `drugColumn`,
   * and one of (report, event) rows holding `reportColumn` and `eventColumn`; the imported file is then
   * the report table (`reportColumn` and the strata). Give both or neither.
   */
  drugFile?: string;
  eventFile?: string;
}

export interface FaersOptions {
  /**
   * Which version of a case to keep. `fda` (default, FDA's rule): the latest `fda_dt`, ties broken by the
   * highest `primaryid`. `caseversion`: the highest `caseversion`, then the highest `primaryid`.
   */
  dedup?: 'fda' | 'caseversion';
}

/**
 * An OMOP import reads a folder into one schema named after the dataset (`gibleed.person`, …): the CDM
 * tables in their 5.4 shape with CDM column types, plus `pmw_checks` (bad data found, kept as is).
 * `ImportResult.counts` holds `persons`, `cdmVersion` (5.3, 5.4; 0 when unknown) and each check's total.
 */
export interface OmopOptions {
  /**
   * Path of a JSON mapping file (docs/omop-mapping.md) that maps plain patient, diagnosis, drug, lab, visit
   * and death files of the imported folder into the OMOP tables; implies kind `omop`. Absent for a folder
   * that already holds OMOP CDM tables (PERSON.csv, person.parquet, … in any case).
   */
  mapping?: string;
}

export interface VcfOptions {
  /** A file mapping VCF sample ids to OMOP person ids (docs/vcf.md); fills `<dataset>.vcf_sample`. */
  samples?: string;
}

export interface ImportRequest {
  path: string;
  /**
   * What the file or folder holds. `auto` (default): a folder or zip of FAERS quarters is `faers`, anything
   * else a plain `table`. `reports` needs `reports` (the column mapping).
   */
  kind?: 'auto' | 'table' | 'faers' | 'reports' | 'omop' | 'vcf';
  reports?: ReportMapping;
  faers?: FaersOptions;
  omop?: OmopOptions;
  vcf?: VcfOptions;
  /** Dataset and table name; derived from the file name when absent. Folded to a SQL identifier. */
  name?: string;
  /** `auto` decides from magic bytes and the extension. */
  format?: 'auto' | 'csv' | 'parquet';
  csv?: CsvOptions;
  /** Per-column type overrides applied on top of inference, e.g. `{ zip: 'VARCHAR' }`. */
  columnTypes?: Record<string, string>;
  description?: string;
  licence?: string;
  /**
   * What to do when the same bytes (same SHA-256) were already imported:
   * `report` (default) changes nothing and returns the existing dataset with `duplicateOf` set;
   * `import` imports again under the requested name.
   */
  onDuplicate?: 'report' | 'import';
  /** Replace an existing dataset of the same name instead of failing. */
  replace?: boolean;
  /** Caller-chosen id, so `cancel(taskId)` can reach this import while it runs. */
  taskId?: string;
}

export interface ImportResult {
  dataset: Dataset;
  /** What the import counted and set aside, e.g. `{ versionsRead, versionsDropped, deletedCases, orphanDrugRows }`. */
  counts?: Record<string, number>;
  /** Things the user should know that did not stop the import (e.g. an empty quarter). */
  warnings?: string[];
  /** Set when nothing was imported because these bytes are already dataset `duplicateOf`. */
  duplicateOf?: string;
  /** Dataset ids that hold the same bytes, when the import went ahead anyway. */
  sameContentAs: string[];
  elapsedMs: number;
}

export type ProgressPhase = 'checking' | 'reading' | 'finishing';

export interface Progress {
  taskId: string;
  phase: ProgressPhase;
  /** 0..1 when known. */
  fraction: number | null;
  message: string;
}

/**
 * Result columns cross process boundaries as arrays, never as row objects.
 * Numbers that fit a double exactly use Float64Array; 64-bit integers keep full precision.
 */
export type ColumnValues =
  | { kind: 'number'; values: Float64Array; valid: Uint8Array }
  | { kind: 'bigint'; values: BigInt64Array; valid: Uint8Array }
  | { kind: 'boolean'; values: Uint8Array; valid: Uint8Array }
  /** Text, and every type best shown as text: dates, timestamps, decimals beyond 2^53, UUIDs, blobs. */
  | { kind: 'string'; values: (string | null)[] }
  /** Lists, structs, maps: their JSON form. */
  | { kind: 'json'; values: unknown[] };

export interface ResultColumn extends ColumnInfo {
  data: ColumnValues;
}

export interface ResultPage {
  taskId: string;
  columns: ResultColumn[];
  /** Rows in this page. */
  rowCount: number;
  offset: number;
  /** True when rows exist beyond this page. */
  hasMore: boolean;
  /** Total rows of the whole result; present when asked for with `count: true`. */
  totalRows?: number;
  elapsedMs: number;
}

export interface QueryOptions {
  /** Positional (`?`, `$1`) or named (`$name`) parameters. */
  params?: unknown[] | Record<string, unknown>;
  /** Page size; default 1,000, at most 100,000. */
  limit?: number;
  offset?: number;
  /** Also count the whole result (costs a second pass over it). */
  count?: boolean;
  /** Allow statements that change the workspace (CREATE, INSERT, ...). Off by default. */
  write?: boolean;
  taskId?: string;
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  lo: number;
  /** Exclusive upper edge, inclusive for the last bin. */
  hi: number;
  count: number;
}

export interface ColumnProfile {
  name: string;
  type: string;
  rows: number;
  nulls: number;
  /** Distinct non-null values: exact up to `EXACT_DISTINCT_ROWS` rows, a HyperLogLog estimate above. */
  distinct: number;
  distinctIsExact: boolean;
  /** As text, so dates and numbers read the same way. */
  min: string | null;
  max: string | null;
  /** Most frequent non-null values, most frequent first. */
  topValues: { value: string; count: number }[];
  /** Equal-width bins over numeric and temporal columns (temporal edges in epoch days). */
  histogram: HistogramBin[] | null;
}

export interface WorkspaceInfo {
  path: string;
  datasets: number;
  auditEntries: number;
  engineVersion: string;
  duckdbVersion: string;
}

export type AuditAction = 'open' | 'import' | 'query' | 'profile' | 'export' | 'analysis' | 'delete';

export interface AuditEntry {
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  action: AuditAction;
  dataset: string | null;
  /** SQL text or JSON spec of what was done. */
  detail: string;
  rows: number | null;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** First entry whose stored hash or link does not match, with what is wrong. */
  firstBad?: { seq: number; problem: string };
}

/** Codes of the errors a user can meet; `PmwErrorData` crosses process boundaries intact. */
export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_BINARY'
  | 'FILE_ENCODING'
  | 'FILE_COMPRESSION'
  | 'FILE_FORMAT'
  | 'FILE_CHANGED'
  | 'DATASET_EXISTS'
  | 'DATASET_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'QUERY_ERROR'
  | 'READ_ONLY'
  | 'CANCELLED'
  | 'WORKSPACE_LOCKED'
  | 'WORKSPACE_CORRUPT'
  | 'WORKSPACE_CLOSED'
  | 'INTERNAL';

export interface PmwErrorData {
  code: ErrorCode;
  /** One line: what went wrong and where. */
  message: string;
  /** What to do about it. */
  hint?: string;
  file?: string;
  /** 1-based line in the file or the SQL text. */
  line?: number;
  /** 1-based column (character) in that line. */
  column?: number;
}

/** Which drugs of a report count as its drugs in a screen. */
export type DrugRoles = 'primary' | 'suspect' | 'all';

export interface SignalThresholds {
  /** Evans: PRR ≥ 2, χ² ≥ 4, N ≥ 3. */
  prr?: { prr: number; chisq: number; n: number };
  /** Lower 95% limit above this, with N at least `n`. */
  ror?: { lower: number; n: number };
  /** IC025 above this. */
  ic?: { ic025: number };
  /** EB05 at least this. */
  ebgm?: { eb05: number };
}

export interface SignalSpec {
  /** A dataset of kind `faers` or `reports`. */
  dataset: string;
  /** Only these drugs / events (after name folding), or all pairs when absent. Margins always use every report. */
  drugs?: string[];
  events?: string[];
  /** Default `suspect` (PS + SS); `primary` = PS only; `all` includes concomitant and interacting. */
  roles?: DrugRoles;
  /**
   * `normalized` (default): case, whitespace and punctuation folded, `prod_ai` preferred, multi-ingredient
   * products split, salt forms stripped, synonyms applied. `verbatim`: names exactly as reported.
   */
  names?: 'normalized' | 'verbatim';
  /** Path of a CSV with columns `name,ingredient` mapping folded names to ingredients. */
  synonyms?: string;
  /** Report columns to stratify the expected count on, e.g. `['sex', 'age_band', 'year']`. */
  strata?: string[];
  /** Pairs with fewer reports are left out of the output (default 1). */
  minCount?: number;
  mgps?: {
    /** N*: pairs with at least this many reports are used to fit the prior (default 1). */
    fitMinCount?: number;
    /** Starting points, each (α1, β1, α2, β2, P); by default openEBGM's five and three more (mgps-fit.ts). */
    starts?: number[][];
  };
  thresholds?: SignalThresholds;
  /** SQL `ORDER BY` on the result columns, e.g. `eb05 DESC`; default `n DESC, drug, event`. */
  orderBy?: string;
  limit?: number;
  offset?: number;
  taskId?: string;
}

export interface MgpsFit {
  alpha1: number;
  beta1: number;
  alpha2: number;
  beta2: number;
  p: number;
  logLik: number;
  converged: boolean;
  iterations: number;
  /** Each starting point, where it ended and its log-likelihood. */
  starts: { start: number[]; end: number[]; logLik: number; converged: boolean }[];
  /** Pairs the prior was fitted on (N ≥ N*). */
  pairsUsed: number;
}

export interface SignalResult {
  /** The full result, one row per drug–event pair, kept in the workspace to sort, filter and export. */
  resultTable: string;
  page: ResultPage;
  reports: number;
  pairs: number;
  fit: MgpsFit;
  spec: SignalSpec;
  /** What the user should know about these numbers, e.g. a prior that ran to a boundary. */
  warnings: string[];
}

export interface TrendSpec extends Omit<SignalSpec, 'orderBy' | 'limit' | 'offset'> {
  /** The cumulative period: measures on all reports received up to the end of each quarter or year. */
  period: 'quarter' | 'year';
}

export interface Engine {
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  close(): Promise<void>;
  datasets(): Promise<Dataset[]>;
  dataset(nameOrId: string): Promise<Dataset>;
  importFile(req: ImportRequest, progress?: (p: Progress) => void): Promise<ImportResult>;
  profile(nameOrId: string, opts?: { table?: string; bins?: number; top?: number }): Promise<ColumnProfile[]>;
  query(sql: string, opts?: QueryOptions): Promise<ResultPage>;
  /** Interrupts a running import or query; a no-op for unknown or finished tasks. */
  cancel(taskId: string): Promise<void>;
  audit(opts?: { limit?: number; offset?: number }): Promise<AuditEntry[]>;
  verifyAudit(): Promise<AuditVerification>;
  /** A disproportionality screen (PRR, ROR, IC, MGPS) of a `faers` or `reports` dataset. */
  signals(spec: SignalSpec, progress?: (p: Progress) => void): Promise<SignalResult>;
  /** The measures of chosen pairs cumulatively by quarter or year. */
  signalTrend(spec: TrendSpec, progress?: (p: Progress) => void): Promise<ResultPage>;
  /** Builds a cohort from an `omop` dataset: members (kept in the workspace) and attrition. */
  cohort(spec: CohortSpec, progress?: (p: Progress) => void): Promise<CohortResult>;
  /** Table 1 of one cohort, or two side by side with standardized mean differences. */
  characterize(spec: CharacterizeSpec, progress?: (p: Progress) => void): Promise<CharacterizeResult>;
  /** Incidence rate of an outcome cohort within a time-at-risk of a target cohort. */
  incidence(spec: IncidenceSpec, progress?: (p: Progress) => void): Promise<IncidenceResult>;
  /** Kaplan–Meier curves, log-rank test and (with a comparator) a Cox hazard ratio. */
  survival(spec: SurvivalSpec, progress?: (p: Progress) => void): Promise<SurvivalResult>;
  /** Variants of a `vcf` dataset by region, gene or consequence, with their allele counts. */
  variants(query: VariantQuery): Promise<ResultPage>;
  /** Samples carrying chosen variants (or qualifying variants of a gene), with their person ids. */
  carriers(query: CarrierQuery): Promise<ResultPage>;
  /** (Re)links the samples of a `vcf` dataset to persons from a mapping file. */
  linkSamples(dataset: string, path: string): Promise<{ linked: number; unknownSamples: string[] }>;
  /** Case/control association per variant (and gene burden), kept as a result table. */
  association(spec: AssociationSpec, progress?: (p: Progress) => void): Promise<AssociationResult>;
  /** Pharmacogenomic diplotypes and phenotypes per sample from a bundled CPIC-derived table. */
  pgx(spec: PgxSpec, progress?: (p: Progress) => void): Promise<PgxResult>;
  /** Writes a table or a query's result to a CSV, Parquet or JSON file (by extension); audited as an export. */
  exportResult(source: { table?: string; sql?: string }, path: string): Promise<{ path: string; rows: number }>;
}

// ---------------------------------------------------------------------------------------------------
// Clinical cohorts (OMOP). Days are whole calendar days; windows are inclusive on both ends.

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
  taskId?: string;
}

export interface AttritionStep {
  step: string;
  /** Persons remaining after this step. */
  persons: number;
  /** Entry events remaining after this step. */
  events: number;
  /** Persons lost at this step. */
  dropped: number;
  /** For inclusion rules: persons (of those with a qualifying entry event) who meet this rule on its own. */
  ruleOnly?: number;
}

export interface CohortResult {
  /**
   * The members, one row per person: `person_id, cohort_start_date, cohort_end_date,
   * observation_start_date, observation_end_date`, kept in the workspace (`results.cohort_*`).
   */
  cohortTable: string;
  dataset: string;
  persons: number;
  attrition: AttritionStep[];
  warnings: string[];
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

// ---------------------------------------------------------------------------------------------------
// Genomic variants (VCF). Storage: docs/vcf.md.

export interface VariantQuery {
  dataset: string;
  /** `chr22:16050000-16060000` (1-based, both ends inclusive); `chr` prefixes are matched either way. */
  region?: string;
  gene?: string;
  consequence?: string;
  /** VEP / SnpEff impact: HIGH, MODERATE, LOW, MODIFIER. */
  impact?: string[];
  limit?: number;
  offset?: number;
  taskId?: string;
}

export interface CarrierQuery {
  dataset: string;
  /** Variant ids of the dataset's `variant` table, or rsids. */
  variants?: (number | string)[];
  /** Any qualifying variant of this gene (with `impact` and `maxAf` filters). */
  gene?: string;
  impact?: string[];
  maxAf?: number;
  /** Minimum alternate alleles for a carrier (default 1; 2 = homozygous). */
  minAltCount?: number;
  limit?: number;
  offset?: number;
}

/** Who is a case and who a control: a file (sample id, 1/0 or case/control), or two cohorts of linked persons. */
export type PhenotypeSource = { file: string } | { cases: CohortRef; controls: CohortRef };

export interface AssociationSpec {
  dataset: string;
  phenotype: PhenotypeSource;
  region?: string;
  gene?: string;
  /** Leave out variants whose minor allele frequency (all called samples) is below this. */
  minMaf?: number;
  /** Gene-level burden: carriers of qualifying variants (impact, frequency), cases vs controls. */
  burden?: { impact?: string[]; maxAf?: number };
  orderBy?: string;
  limit?: number;
  taskId?: string;
}

export interface AssociationResult {
  /** One row per variant: `variant_id, chrom, pos, ref, alt, rsid, ac_cases, an_cases, ac_controls, an_controls,
   * af, hwe_p, chisq, p_chisq, p_fisher, or, or_lo, or_hi, p_trend`, kept in the workspace. */
  resultTable: string;
  page: ResultPage;
  /** One row per gene when a burden test was asked for: `gene, variants, carriers_cases, cases, carriers_controls, controls, or, p_fisher`. */
  burdenTable?: string;
  cases: number;
  controls: number;
  /** Samples in the VCF with no phenotype (left out). */
  samplesWithoutPhenotype: number;
  variants: number;
  warnings: string[];
  elapsedMs: number;
}

export interface PgxSpec {
  dataset: string;
  genes?: string[];
  /** Cross-tab of one gene's phenotype against a drug exposure cohort and an adverse outcome cohort. */
  crossTab?: { gene: string; phenotype: string; exposure: CohortRef; outcome: CohortRef };
  taskId?: string;
}

export interface PgxResult {
  /** One row per sample and gene: `sample, person_id, gene, diplotype, phenotype, activity_score, determinable, reason`. */
  callsTable: string;
  page: ResultPage;
  /** Per gene and phenotype: samples. */
  summary: { gene: string; phenotype: string; samples: number }[];
  /** Exposed persons with and without the phenotype, and how many of each had the outcome. */
  crossTab?: { gene: string; phenotype: string; rows: { group: string; exposed: number; withOutcome: number }[]; oddsRatio: number | null; pFisher: number | null };
  /** Where the allele and phenotype definitions come from (CPIC, version, licence). */
  source: { name: string; version: string; url: string; licence: string };
  warnings: string[];
  elapsedMs: number;
}
