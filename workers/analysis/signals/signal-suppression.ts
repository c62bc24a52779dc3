/**
 * Small counts in signal results (privacy/suppress/suppress-cells.ts, rule 1), in SQL over the result rows.
 *
 * - A pair's `n`, its drug's `n_drug` or its event's `n_event` from 1 to minCellCount − 1 is null. A small
 *   margin makes `n` small too (n ≤ n_drug, n ≤ n_event), so its row loses `n` as well.
 * - With `n` hidden, every measure is null: each is a function of n and the margins (PRR, ROR, χ², their
 *   limits and p values invert to n; IC and EBGM to n given E; a signal flag says n ≥ 3; `ror_corrected`
 *   says whether a cell of the 2×2 table is 0, i.e. n = n_drug or n = n_event).
 * - With a margin hidden, the expected count is null as well: E = n_drug · n_event / N would give the
 *   margin back. Otherwise E and the report total stay.
 *
 * Why the margins cannot reveal a hidden n: no equation ties n to the shown counts. A report can name
 * several events, so the n of a drug's pairs do not add up to its n_drug (Σ n ≥ n_drug, equal only when
 * each of its reports has one event, which the table does not say); the same holds for an event's n_event.
 * The one case where n equals a margin (a drug seen with a single event) makes the margin as small as n.
 * Complementary suppression therefore has nothing to do in a screen; in a trend it does: counts are
 * cumulative, and two shown periods whose counts differ by 1…minCellCount − 1 give away a small count of
 * reports received between them. A count with such a later count in its series (the pair for `n`, the
 * drug for `n_drug`, the event for `n_event`) is hidden too, so shown counts of a series differ by 0 or at
 * least the minimum.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import type { Suppression } from '../../engine/api.js';
import { nullWhenSql, smallCountSql, suppressionOf } from '../privacy/suppress/suppression-sql.js';

/** The result columns where a null means hidden. */
export const SIGNAL_COUNT_COLUMNS = ['n', 'n_drug', 'n_event'] as const;

/** The result columns computed from n and the margins. */
const MEASURE_COLUMNS = [
  'prr', 'prr_lo', 'prr_hi', 'chisq', 'p_chisq', 'ror', 'ror_lo', 'ror_hi', 'ic', 'ic025', 'ic975', 'ebgm', 'eb05', 'eb95',
  'prr_signal', 'ror_signal', 'ic_signal', 'ebgm_signal', 'ror_corrected',
] as const;

/** Per count column: the series a trend follows it along (a pair for n, a drug for n_drug, an event for n_event). */
const SERIES: Record<(typeof SIGNAL_COUNT_COLUMNS)[number], string[]> = { n: ['drug', 'event'], n_drug: ['drug'], n_event: ['event'] };

/** `source` with `small_<c>` and `hidden_<c>` for each count column, and `hidden_measures`, `hidden_e`. */
function flaggedSql(source: string, minCellCount: number, period: string | null): string {
  const differs = (column: string) => {
    if (period === null || minCellCount <= 1) return 'FALSE';
    const sameSeries = SERIES[column as keyof typeof SERIES].map((key) => `l.${key} = t.${key}`).join(' AND ');
    return `EXISTS (SELECT 1 FROM pmw_signal_rows l WHERE ${sameSeries} AND l.${period} > t.${period}
      AND l.${column} - t.${column} > 0 AND l.${column} - t.${column} < ${minCellCount})`;
  };
  const small = SIGNAL_COUNT_COLUMNS.map((c) => `${smallCountSql(`t.${c}`, minCellCount)} AS small_${c}`);
  const later = SIGNAL_COUNT_COLUMNS.map((c) => `${differs(c)} AS later_${c}`);
  return `WITH pmw_signal_rows AS (${source})
    SELECT *, small_n OR small_n_drug OR small_n_event OR later_n AS hidden_n,
      small_n_drug OR later_n_drug AS hidden_n_drug, small_n_event OR later_n_event AS hidden_n_event
    FROM (SELECT t.*, ${[...small, ...later].join(', ')} FROM pmw_signal_rows t)`;
}

export interface SuppressedSignals {
  /** The rows with hidden cells null, in the source's columns. */
  select: string;
  /** One row: primary, complementary. */
  counts: string;
}

/**
 * The signal rows of `source` (a SELECT with the result columns) with small counts hidden; `period` names
 * the period column of a trend (its counts are cumulative), null for a screen.
 */
export function suppressedSignalsSql(source: string, minCellCount: number, period: string | null = null): SuppressedSignals {
  const flagged = flaggedSql(source, minCellCount, period === null ? null : quoteIdentifier(period));
  const hiddenMargin = '(hidden_n_drug OR hidden_n_event)';
  const replaced = [
    ...SIGNAL_COUNT_COLUMNS.map((c) => nullWhenSql(c, `hidden_${c}`)),
    nullWhenSql('e', hiddenMargin),
    ...MEASURE_COLUMNS.map((c) => nullWhenSql(c, `(hidden_n OR ${hiddenMargin})`)),
  ];
  const flags = SIGNAL_COUNT_COLUMNS.flatMap((c) => [`small_${c}`, `later_${c}`, `hidden_${c}`]);
  const primary = SIGNAL_COUNT_COLUMNS.map((c) => `count(*) FILTER (WHERE small_${c})`).join(' + ');
  const complementary = SIGNAL_COUNT_COLUMNS.map((c) => `count(*) FILTER (WHERE hidden_${c} AND NOT ${smallCountSql(c, minCellCount)})`).join(' + ');
  return {
    select: `SELECT * EXCLUDE (${flags.join(', ')}) REPLACE (${replaced.join(', ')}) FROM (${flagged})`,
    counts: `SELECT (${primary})::BIGINT AS primary_cells, (${complementary})::BIGINT AS complementary_cells FROM (${flagged})`,
  };
}

/** Runs the counts query of `suppressedSignalsSql` and builds the Suppression. */
export async function readSignalSuppression(connection: DuckDBConnection, counts: string, minCellCount: number): Promise<Suppression> {
  const [row] = (await connection.runAndReadAll(counts)).getRowsJS();
  return suppressionOf(minCellCount, [...SIGNAL_COUNT_COLUMNS], Number(row?.[0] ?? 0), Number(row?.[1] ?? 0));
}
