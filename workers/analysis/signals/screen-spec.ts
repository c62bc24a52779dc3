import type { DrugRoles, SignalSpec, SignalThresholds } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { foldForMatch, type NameMode } from './drug-names-sql.js';
import { DEFAULT_THRESHOLDS } from './thresholds.js';

/** The result table's columns, in order; `orderBy` may name only these. */
export const RESULT_COLUMNS = [
  'drug', 'event', 'n', 'e', 'prr', 'prr_lo', 'prr_hi', 'chisq', 'p_chisq', 'ror', 'ror_lo', 'ror_hi', 'ic', 'ic025',
  'ic975', 'ebgm', 'eb05', 'eb95', 'prr_signal', 'ror_signal', 'ic_signal', 'ebgm_signal', 'ror_corrected',
  'n_drug', 'n_event', 'n_total',
] as const;


export interface ResolvedSpec {
  dataset: string;
  roles: DrugRoles;
  names: NameMode;
  synonyms: string | null;
  strata: string[];
  minCount: number;
  fitMinCount: number;
  starts: number[][] | undefined;
  thresholds: Required<SignalThresholds>;
  drugs: string[] | null;
  events: string[] | null;
  orderBy: string;
  limit: number;
  offset: number;
}

function bad(message: string, hint: string): PmwError {
  return new PmwError({ code: 'BAD_REQUEST', message, hint });
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw bad(`${name} must be a whole number of at least 1, not ${value}`, `give ${name} as 1, 2, 3…`);
  return value;
}

/** `eb05 DESC, n` → checked against the result columns; anything else is refused, not pasted into SQL. */
export function checkedOrderBy(orderBy: string | undefined): string {
  if (orderBy === undefined || orderBy.trim() === '') return 'n DESC, drug, event';
  const terms = orderBy.split(',').map((term) => {
    const match = /^\s*([a-z0-9_]+)(\s+(ASC|DESC))?(\s+NULLS\s+(FIRST|LAST))?\s*$/i.exec(term);
    if (!match || !(RESULT_COLUMNS as readonly string[]).includes(match[1]!.toLowerCase())) {
      throw bad(`cannot sort by "${term.trim()}"`, `sort by result columns: ${RESULT_COLUMNS.join(', ')} (optionally ASC or DESC)`);
    }
    return `${match[1]!.toLowerCase()}${match[3] ? ` ${match[3].toUpperCase()}` : ''}${match[5] ? ` NULLS ${match[5].toUpperCase()}` : ''}`;
  });
  return terms.join(', ');
}

/** Each start must be five positive numbers with P below 1. */
function checkedStarts(starts: number[][] | undefined): number[][] | undefined {
  if (starts === undefined) return undefined;
  const ok = Array.isArray(starts) && starts.length > 0 && starts.every((start) =>
    Array.isArray(start) && start.length === 5 && start.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0) && start[4]! < 1);
  if (!ok) throw bad('MGPS starting points must each be five positive numbers (α1, β1, α2, β2, P) with P below 1', 'e.g. [[0.2, 0.1, 2, 4, 0.33]]');
  return starts;
}

export function resolveSignalSpec(spec: SignalSpec, reportColumns: string[]): ResolvedSpec {
  if (!spec || typeof spec !== 'object') throw bad('the signal spec must be an object', 'give at least { "dataset": "NAME" }');
  const roles = spec.roles ?? 'suspect';
  if (!['primary', 'suspect', 'all'].includes(roles)) throw bad(`unknown drug roles "${String(roles)}"`, 'use primary (PS), suspect (PS+SS) or all');
  const names = spec.names ?? 'normalized';
  if (!['normalized', 'verbatim'].includes(names)) throw bad(`unknown names mode "${String(names)}"`, 'use normalized or verbatim');
  const strata = (spec.strata ?? []).map((s) => s.trim()).filter((s) => s !== '');
  for (const stratum of strata) {
    if (!reportColumns.includes(stratum) || stratum === 'report_id') {
      throw bad(`cannot stratify on "${stratum}": it is not a report column`, `the report columns are: ${reportColumns.filter((c) => c !== 'report_id').join(', ')}`);
    }
  }
  const fold = (values: string[] | undefined, kind: 'drug' | 'event') =>
    values && values.length > 0 ? [...new Set(values.map((v) => foldForMatch(v, names, kind)))] : null;
  const limit = spec.limit ?? 1000;
  if (!Number.isInteger(limit) || limit < 0 || limit > 100_000) throw bad(`limit must be from 0 to 100,000, not ${limit}`, 'page through larger results with offset');
  const offset = spec.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw bad(`offset must be a whole number, not ${offset}`, 'use 0 for the first page');
  return {
    dataset: spec.dataset,
    roles,
    names,
    synonyms: spec.synonyms ?? null,
    strata,
    minCount: positiveInteger('minCount', spec.minCount, 1),
    fitMinCount: positiveInteger('mgps.fitMinCount', spec.mgps?.fitMinCount, 1),
    starts: checkedStarts(spec.mgps?.starts),
    thresholds: { ...DEFAULT_THRESHOLDS, ...(spec.thresholds ?? {}) },
    drugs: fold(spec.drugs, 'drug'),
    events: fold(spec.events, 'event'),
    orderBy: checkedOrderBy(spec.orderBy),
    limit,
    offset,
  };
}
