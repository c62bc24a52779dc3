/**
 * Small counts in association and burden tables (privacy/suppress/suppress-cells.ts, rule 1), in SQL.
 *
 * - Association: `ac_cases` or `ac_controls` from 1 to minCellCount − 1 is null, and so is every statistic
 *   of the row computed from it: af ((ac_cases + ac_controls) / (an_cases + an_controls) gives the sum
 *   back), χ² and its p value, Fisher's p, the odds ratio and its interval, the trend test; HWE (controls
 *   only) goes with a small ac_controls. The allele numbers stay: they count called alleles, not carriers.
 * - Burden: `carriers_cases` or `carriers_controls` small is null, with the odds ratio and Fisher's p.
 *   cases and controls (the group sizes) stay.
 * No equation in a row ties one group's count to the other once these statistics are gone, so nothing
 * else is hidden; rows are independent of each other (a variant's counts say nothing about another's).
 */
import type { Suppression } from '../../engine/api.js';
import { nullWhenSql, smallCountSql, suppressionOf } from '../privacy/suppress/suppression-sql.js';

const ASSOCIATION_STATISTICS = ['af', 'chisq', 'p_chisq', 'p_fisher', '"or"', 'or_lo', 'or_hi', 'p_trend'];

interface TwoGroups {
  cases: string;
  controls: string;
  /** Columns null when either count is hidden. */
  statistics: string[];
  /** Columns null when the controls' count is hidden. */
  controlsOnly: string[];
}

const ASSOCIATION: TwoGroups = { cases: 'ac_cases', controls: 'ac_controls', statistics: ASSOCIATION_STATISTICS, controlsOnly: ['hwe_p'] };
const BURDEN: TwoGroups = { cases: 'carriers_cases', controls: 'carriers_controls', statistics: ['"or"', 'p_fisher'], controlsOnly: [] };

function suppressedSql(rows: string, groups: TwoGroups, minCellCount: number): { select: string; counts: string } {
  const cases = smallCountSql(groups.cases, minCellCount);
  const controls = smallCountSql(groups.controls, minCellCount);
  const replaced = [
    nullWhenSql(groups.cases, cases), nullWhenSql(groups.controls, controls),
    ...groups.statistics.map((c) => nullWhenSql(c, `(${cases} OR ${controls})`)),
    ...groups.controlsOnly.map((c) => nullWhenSql(c, controls)),
  ];
  return {
    select: `SELECT * REPLACE (${replaced.join(', ')}) FROM (${rows})`,
    counts: `SELECT (count(*) FILTER (WHERE ${cases}) + count(*) FILTER (WHERE ${controls}))::BIGINT FROM (${rows})`,
  };
}

export function suppressedAssociationSql(rows: string, minCellCount: number): { select: string; counts: string } {
  return suppressedSql(rows, ASSOCIATION, minCellCount);
}

export function suppressedBurdenSql(rows: string, minCellCount: number): { select: string; counts: string } {
  return suppressedSql(rows, BURDEN, minCellCount);
}

/** What an association hid: its small counts (of both tables when there is a burden table). */
export function associationSuppression(minCellCount: number, primary: number, withBurden: boolean): Suppression {
  const columns = [ASSOCIATION.cases, ASSOCIATION.controls, ...(withBurden ? [BURDEN.cases, BURDEN.controls] : [])];
  return suppressionOf(minCellCount, columns, primary, 0);
}
