/**
 * The rules of suppress-cells.ts as SQL, for result tables whose rows each carry their own small
 * equation (a variant's genotype counts adding up to its samples): every row is protected in DuckDB,
 * without reading the rows into JS.
 */
import { quoteIdentifier } from '../../../db/quote.js';
import type { Suppression } from '../../../engine/api.js';
import { PmwError } from '../../../engine/errors.js';

/** `(x > 0 AND x < min)`: the count is hidden because it is small (FALSE when the minimum hides nothing). */
export function smallCountSql(column: string, minCellCount: number): string {
  return minCellCount > 1 ? `(${column} > 0 AND ${column} < ${minCellCount})` : 'FALSE';
}

/** `CASE WHEN hidden THEN NULL ELSE x END AS x`. */
export function nullWhenSql(column: string, hidden: string, alias = column): string {
  return `CASE WHEN ${hidden} THEN NULL ELSE ${column} END AS ${alias}`;
}

/** The name of the flag column saying whether `column` is hidden. */
export function hiddenFlag(column: string): string {
  return quoteIdentifier(`hidden_${column}`);
}

/**
 * Whether the hidden parts of `total = Σ parts` (a total the reader knows) let a reader pin one of them,
 * by the bounds of suppress-cells.ts (small: 1…min − 1, complementary: min and up). Hidden cells that are
 * not already pinned by their bounds number one; or all sit at their lower bounds; or, all small, at
 * their upper bounds.
 */
function revealsSql(parts: string[], minCellCount: number): string {
  const h = (p: string) => hiddenFlag(p);
  const sum = (terms: string[]) => `(${terms.join(' + ')})`;
  const open = sum(parts.map((p) => `(${h(p)} AND (${p} >= ${minCellCount} OR ${minCellCount} > 2))::INTEGER`));
  const hiddenSum = sum(parts.map((p) => `CASE WHEN ${h(p)} THEN ${p} ELSE 0 END`));
  const lowSum = sum(parts.map((p) => `CASE WHEN ${h(p)} THEN CASE WHEN ${p} < ${minCellCount} THEN 1 ELSE ${minCellCount} END ELSE 0 END`));
  const highSum = sum(parts.map((p) => `CASE WHEN ${h(p)} THEN ${minCellCount - 1} ELSE 0 END`));
  const anyComplementary = `(${parts.map((p) => `(${h(p)} AND ${p} >= ${minCellCount})`).join(' OR ')})`;
  return `(${open} >= 1 AND (${open} = 1 OR ${hiddenSum} = ${lowSum} OR (NOT ${anyComplementary} AND ${hiddenSum} = ${highSum})))`;
}

/**
 * One round: when the row's equation reveals a hidden part, its smallest shown non-zero part (first on
 * ties) is hidden too. A part that is never hidden for being small is taken only when it is at least the
 * minimum, so every hidden part stays within the bounds a reader assumes.
 */
function roundSql(source: string, parts: string[], minCellCount: number, sensitive: Set<string>): string {
  const candidate = (p: string) => `CASE WHEN NOT ${hiddenFlag(p)} AND ${p} ${sensitive.has(p) ? '> 0' : `>= ${minCellCount}`} THEN ${p} END`;
  const picked = (p: string) => `coalesce(${candidate(p)} = pmw_smallest, FALSE)`;
  const picks = parts.map((p, i) => {
    const earlier = parts.slice(0, i).map(picked);
    const first = earlier.length > 0 ? ` AND NOT (${earlier.join(' OR ')})` : '';
    return `${hiddenFlag(p)} OR (pmw_reveals AND ${picked(p)}${first}) AS ${hiddenFlag(p)}`;
  });
  return `SELECT * EXCLUDE (pmw_reveals, pmw_smallest) REPLACE (${picks.join(',\n  ')})
    FROM (SELECT *, ${revealsSql(parts, minCellCount)} AS pmw_reveals, least(${parts.map(candidate).join(', ')}) AS pmw_smallest FROM ${source})`;
}

/**
 * `source` with a boolean `hidden_<part>` per part: small parts, and the parts hidden so that the row's
 * total (known to the reader, e.g. the samples of a VCF) cannot give a small one away. A part is
 * complementary when it is hidden and at least the minimum. `parts` are plain column names of `source`;
 * `sensitive` (default: all) are those hidden when small (a count of missing calls says nothing about a
 * person's genotype and may stay shown).
 */
export function partitionSuppressionSql(source: string, parts: string[], minCellCount: number, sensitive: string[] = parts): string {
  const small = new Set(sensitive);
  const flags = parts.map((p) => `${small.has(p) ? smallCountSql(p, minCellCount) : 'FALSE'} AS ${hiddenFlag(p)}`);
  const first = `SELECT *, ${flags.join(', ')} FROM (${source})`;
  if (minCellCount <= 1) return first;
  // Each round hides at most one more part; after parts − 1 rounds nothing is left to hide. Each round is
  // materialized: inlined into one another, the rounds' expressions grow by a factor each round, and
  // DuckDB's planner ran out of memory on them under a LIMIT.
  const rounds = [`pmw_round0 AS MATERIALIZED (${first})`];
  for (let round = 1; round < parts.length; round++) {
    rounds.push(`pmw_round${round} AS MATERIALIZED (${roundSql(`pmw_round${round - 1}`, parts, minCellCount, small)})`);
  }
  return `WITH ${rounds.join(',\n')} SELECT * FROM pmw_round${parts.length - 1}`;
}

/** The Suppression of a result: the columns where null means hidden (none when nothing could be hidden). */
export function suppressionOf(minCellCount: number, columns: string[], primary: number, complementary: number): Suppression {
  return { minCellCount, columns: minCellCount > 1 ? columns : [], primary, complementary };
}

/** Resolves a run function's minimum: the spec's value (the engine passes the policy's), else `fallback`. */
export function minCellCountOf(requested: unknown, fallback: number): number {
  if (requested === undefined || requested === null) return fallback;
  if (!Number.isSafeInteger(requested) || (requested as number) < 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `minCellCount is ${JSON.stringify(requested)}`, hint: 'a whole number from 0 (show every count) up, e.g. 5' });
  }
  return requested as number;
}
