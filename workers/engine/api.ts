/**
 * The Engine API: the one contract between the UI, the CLI and the data workers.
 * Everything here is plain data that survives structured clone (Comlink, worker_threads,
 * Electron MessagePorts). The renderer may `import type` from this file and nothing else in workers/;
 * the types of each kind of analysis live in api-signals.ts, api-cohorts.ts and api-variants.ts and are
 * re-exported here.
 */

import type { SignalResult, SignalSpec, TrendSpec } from './api-signals.js';
import type { CharacterizeResult, CharacterizeSpec, CohortResult, CohortSpec, IncidenceResult, IncidenceSpec, SurvivalResult, SurvivalSpec } from './api-cohorts.js';
import type { AssociationResult, AssociationSpec, CarrierQuery, PgxResult, PgxSpec, VariantQuery } from './api-variants.js';
import type { AppliedTransform, CatalogDocument, DatasetPrivacy, KAnonymityResult, KAnonymitySpec, PrivacyPolicy, PrivacyScan, QualityReport, Suppression, Transform } from './api-privacy.js';

export type * from './api-signals.js';
export type * from './api-cohorts.js';
export type * from './api-variants.js';
export type * from './api-privacy.js';

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
  /** The de-identification scan made at import (or last on demand) and every transform applied since. */
  privacy: DatasetPrivacy | null;
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
  /** De-identification transforms to apply before the data is committed (on top of the policy's). */
  transforms?: Transform[];
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
  /** The data quality report run on the new dataset (absent for a duplicate). */
  quality?: QualityReport;
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
  /** Present on analysis results: which small cells were hidden (null values in `columns`). */
  suppression?: Suppression;
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

export type AuditAction = 'open' | 'import' | 'query' | 'profile' | 'export' | 'analysis' | 'delete' | 'transform' | 'policy' | 'scan' | 'quality';

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
  /** The privacy policy refused an import because the data holds direct identifiers. */
  | 'IDENTIFIERS_FOUND'
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

export interface ExportOptions {
  /**
   * What the file should say about how it was made, e.g. the small-cell policy applied: the first lines of a CSV
   * (each starting with `# `, which R's `comment.char` and DuckDB's `comment` skip), `pmw_note` metadata of a
   * Parquet file. JSON files have no place for it.
   */
  note?: string;
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
  /** The workspace's privacy policy (identifier handling, minimum cell count, date shift). */
  privacyPolicy(): Promise<PrivacyPolicy>;
  /** Changes the policy; audited. Returns the policy now in force. */
  setPrivacyPolicy(change: Partial<PrivacyPolicy>): Promise<PrivacyPolicy>;
  /** Scans a dataset (or one of its tables) for identifiers and keeps the result in its catalog entry. */
  scanPrivacy(dataset: string, opts?: { table?: string; taskId?: string }, progress?: (p: Progress) => void): Promise<PrivacyScan>;
  /** Applies de-identification transforms to a dataset's tables, atomically; recorded in the catalog and audit trail. */
  applyTransforms(dataset: string, transforms: Transform[], opts?: { taskId?: string }, progress?: (p: Progress) => void): Promise<{ dataset: Dataset; applied: AppliedTransform[] }>;
  /** k-anonymity over chosen quasi-identifiers, the combinations that drive the risk and generalisations to consider. */
  kAnonymity(spec: KAnonymitySpec, progress?: (p: Progress) => void): Promise<KAnonymityResult>;
  /** The data quality report of a dataset (completeness, plausibility, conformance, uniqueness, integrity). */
  quality(dataset: string, opts?: { taskId?: string }, progress?: (p: Progress) => void): Promise<QualityReport>;
  /** The workspace's datasets as a DCAT / schema.org catalog (JSON-LD). */
  exportCatalog(): Promise<CatalogDocument>;
  /** Writes a table or a query's result to a CSV, Parquet or JSON file (by extension); audited as an export. */
  exportResult(source: { table?: string; sql?: string }, path: string, opts?: ExportOptions): Promise<{ path: string; rows: number }>;
}
