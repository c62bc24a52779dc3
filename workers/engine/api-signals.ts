/** The Engine API, adverse-drug-reaction signals: screens and trends. Re-exported by api.ts. */

import type { ResultPage, Suppression } from './api.js';

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
  /** Smallest count shown (pair counts `n`, `n_drug`, `n_event`); the engine raises it to the workspace policy's. */
  minCellCount?: number;
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
  /** Small counts hidden in the result table (and the measures that would reveal them). */
  suppression: Suppression;
}

export interface TrendSpec extends Omit<SignalSpec, 'orderBy' | 'limit' | 'offset'> {
  /** The cumulative period: measures on all reports received up to the end of each quarter or year. */
  period: 'quarter' | 'year';
}
