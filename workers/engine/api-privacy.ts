/**
 * The Engine API, privacy and data quality: the de-identification scan, transforms, k-anonymity, the
 * workspace's privacy policy (small-cell suppression included), the data quality report and the catalog
 * export. Re-exported by api.ts.
 */

/** Direct identifiers: on their own they point at a person. */
export type DirectIdentifierKind =
  | 'person_name'
  /** Chinese resident identity card number (18 characters, ISO 7064 MOD 11-2 check character valid). */
  | 'national_id'
  /** US Social Security number (area/group/serial rules). */
  | 'ssn'
  /** Chinese mobile numbers and international (+CC …) phone numbers. */
  | 'phone'
  | 'email'
  | 'address'
  /** Medical record / patient / case numbers named as such (by column name only). */
  | 'record_number';

/** Quasi-identifiers the scan reports: harmless alone, identifying in combination. */
export type QuasiIdentifierKind =
  /** A date of birth with day precision. */
  | 'birth_date'
  | 'postcode';

export type FindingKind = DirectIdentifierKind | QuasiIdentifierKind | 'pseudonymous_key';

export interface ColumnFinding {
  kind: FindingKind;
  /** How it was found: the column's name, its whole values, or values found inside longer free text. */
  evidence: 'name' | 'content' | 'free_text';
  /** Non-null rows whose value matched (for `name` evidence: the non-null rows). */
  rows: number;
  /** `rows` over the column's non-null rows (0..1). */
  share: number;
  /** Up to three matching values, masked (e.g. `1101**********123X`, `j***@e***.com`); never a whole value. */
  examples: string[];
}

export interface ColumnScan {
  /** `table` or `schema.table`, as in `DatasetTable.table`. */
  table: string;
  column: string;
  type: string;
  nonNull: number;
  findings: ColumnFinding[];
  /**
   * `identifier`: at least one direct-identifier finding; `quasi_identifier`: only quasi-identifier findings;
   * `pseudonymous`: values are keys that do not identify by themselves (UUIDs, hex digests of 32/40/64
   * characters) and nothing else was found; `clear`: nothing found.
   */
  verdict: 'identifier' | 'quasi_identifier' | 'pseudonymous' | 'clear';
}

export interface PrivacyScan {
  /** Dataset id, or null when scanning tables that are not (yet) in the catalog. */
  dataset: string | null;
  /** ISO 8601, UTC. */
  scannedAt: string;
  /** Rows of every scanned table together. */
  rows: number;
  /** Columns with at least one finding (clear columns are left out). */
  columns: ColumnScan[];
  /** Columns scanned in all. */
  columnsScanned: number;
  identifierColumns: number;
  quasiIdentifierColumns: number;
  pseudonymousColumns: number;
  elapsedMs: number;
}

/**
 * A de-identification transform of one column (`table` defaults to the dataset's main table). Applied in
 * DuckDB inside one transaction; each applied transform is recorded in the catalog entry and the audit trail.
 */
export type Transform =
  | { kind: 'drop'; column: string; table?: string }
  /** Keyed hash: lower-case hex HMAC-SHA-256 of the value's UTF-8 text with the workspace's secret; nulls stay null. */
  | { kind: 'hash'; column: string; table?: string }
  /**
   * One offset per person, the same in every table and column, uniform in −maxDays..maxDays (default the
   * policy's `dateShiftDays`), derived from HMAC-SHA-256 of the person key: intervals within a person are kept.
   */
  | { kind: 'shiftDates'; columns: string[]; person: string; maxDays?: number; table?: string }
  /** Ages (numbers) → band labels `0-4`, `5-9`, … (width default 5), ages ≥ topCode (default 90) → `90+`. */
  | { kind: 'ageBands'; column: string; width?: number; topCode?: number; table?: string }
  /** Keeps the first `keep` characters of a text (postcodes: `100083` → `100`). */
  | { kind: 'truncate'; column: string; keep: number; table?: string }
  /** Dates → the first day of their year or month (exact birth dates → birth year). */
  | { kind: 'generalizeDate'; column: string; to: 'year' | 'month'; table?: string }
  /** Values held by fewer than `minCount` rows (default 5) → `replacement` (default null). */
  | { kind: 'suppressRare'; column: string; minCount?: number; replacement?: string | null; table?: string };

export interface AppliedTransform {
  transform: Transform;
  /** The table it was applied to. */
  table: string;
  /** Rows whose value changed (for `drop`: the table's rows). */
  rows: number;
  /** ISO 8601, UTC. */
  appliedAt: string;
}

/** What the catalog keeps about a dataset's de-identification. */
export interface DatasetPrivacy {
  scan: PrivacyScan | null;
  transforms: AppliedTransform[];
}

export interface PrivacyPolicy {
  /**
   * What an import does when the scan finds direct identifiers: `warn` (default: import and report),
   * `refuse` (nothing is imported; the error names the columns), `transform` (apply the transform chosen
   * for each finding, see `transformsFor` in docs/privacy.md, then import).
   */
  onIdentifiers: 'warn' | 'refuse' | 'transform';
  /**
   * Smallest count any analysis shows or exports (default 5; 0 shows every count, for teaching data).
   * Counts from 1 to minCellCount − 1 are shown as `<minCellCount`, with complementary suppression. A spec
   * may ask for a larger value, never a smaller one.
   */
  minCellCount: number;
  /** Default ± days of the `shiftDates` transform (default 180). */
  dateShiftDays: number;
}

/** What an analysis result says about the small cells it hid. */
export interface Suppression {
  /** The minimum cell count that was applied (0: nothing was hidden). */
  minCellCount: number;
  /** Columns whose null values in hidden rows mean `<minCellCount` (or, for complementary cells, "hidden"). */
  columns: string[];
  /** Cells hidden because they were small. */
  primary: number;
  /** Cells hidden so that totals and other cells cannot reveal the small ones. */
  complementary: number;
}

export interface KAnonymitySpec {
  dataset: string;
  /** Defaults to the dataset's main table. */
  table?: string;
  quasiIdentifiers: string[];
  /** Default 5. */
  k?: number;
  taskId?: string;
}

export interface KAnonymityClasses {
  columns: string[];
  /** Equivalence classes: distinct combinations of the columns (null is a value). */
  classes: number;
  smallestClass: number;
  /** Records in classes smaller than k. */
  recordsBelowK: number;
  classesBelowK: number;
}

export interface KAnonymityResult extends KAnonymityClasses {
  table: string;
  k: number;
  records: number;
  /** Each quasi-identifier alone and each pair, most records below k first: which combinations drive the risk. */
  drivers: KAnonymityClasses[];
  /** Generalisations to consider, each with the classes it would give, best first. */
  suggestions: { transform: Transform; description: string; result: KAnonymityClasses }[];
  elapsedMs: number;
}

export type QualityCategory = 'completeness' | 'plausibility' | 'conformance' | 'uniqueness' | 'integrity';

export interface QualityCheck {
  /** Stable id, e.g. `plausibility.death_before_birth`, `completeness.person.gender_concept_id`. */
  id: string;
  category: QualityCategory;
  /** `table` or `schema.table` checked. */
  table: string;
  column?: string;
  /** One line saying what is checked, e.g. "death date before the year of birth". */
  description: string;
  /** Rows that fail. */
  failing: number;
  /** Rows the check looked at. */
  denominator: number;
  /** failing / denominator (0 when the denominator is 0). */
  share: number;
  /** Largest share of failing rows that still passes (0..1). */
  threshold: number;
  status: 'pass' | 'fail';
  /** A SELECT that lists the failing rows (runs as is in the workspace). */
  sql: string;
}

export interface QualityReport {
  dataset: string;
  datasetName: string;
  kind: string;
  /** ISO 8601, UTC. */
  ranAt: string;
  checks: QualityCheck[];
  passed: number;
  failed: number;
  elapsedMs: number;
}

/** The workspace's datasets as a DCAT catalog in JSON-LD (schema.org terms alongside). */
export interface CatalogDocument {
  '@context': Record<string, string>;
  '@type': 'dcat:Catalog';
  [key: string]: unknown;
}
