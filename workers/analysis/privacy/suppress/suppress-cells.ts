/**
 * Small-cell suppression with complementary suppression, for the aggregates an analysis shows or exports.
 *
 * The rules (docs/privacy.md, "Safe outputs"; every output of the workbench follows them):
 *
 * 1. Primary. A count c with 0 < c < minCellCount is hidden: null in result tables, `<minCellCount` where
 *    a display string exists. Zero is shown (it reveals nobody). A minimum of 0 or 1 hides nothing.
 * 2. Complementary. Counts are tied by equations `total = part + part + …` (a Table 1 section adds up to
 *    the cohort, an attrition step's persons to the next step's persons plus those dropped). The total is
 *    a cell or a constant that is always shown. While some equation lets a reader work out a hidden cell
 *    from the cells it shows, the smallest shown non-zero part of that equation is hidden as well (the
 *    total only when no part can be), and the equations are checked again from the first, until none does.
 * 3. What a reader knows about a hidden cell: a small one lies in 1…minCellCount − 1 (its display says
 *    so), a complementary one is at least minCellCount (it was shown-worthy). An equation "reveals" a
 *    hidden cell when these bounds and the shown cells leave it a single value: one hidden cell alone,
 *    but also two small hidden cells that must both be 1 (their sum is 2), or every hidden cell at a bound.
 *    A cell whose bounds are already one value (with a minimum of 2, `<2` can only be 1) is not counted:
 *    no other hidden cell changes what its display says.
 * 4. An equation that still reveals a cell when no shown non-zero cell is left (a cohort of 2 with one
 *    man and one woman) is reported as unprotected; the caller says so in its warnings.
 *
 * Each equation is protected on its own; callers choose equations whose combinations add nothing a single
 * one does not say (tested for Table 1 and attrition by the linear-algebra check in testing.ts).
 */

/** `total = Σ parts`, cells by index into the values; a constant total is always shown. */
export interface CellEquation {
  total: number | { constant: number };
  parts: readonly number[];
}

export type CellKind = 'shown' | 'primary' | 'complementary';

export interface SuppressedCells {
  kinds: CellKind[];
  /** Whether each cell is hidden (primary or complementary). */
  hidden: boolean[];
  primary: number;
  complementary: number;
  /** Indices of the equations that still reveal a hidden cell (no shown non-zero cell was left to hide). */
  unprotected: number[];
}

/** True for a count that is hidden because it is small: above zero and below the minimum cell count. */
export function isSmallCount(count: number, minCellCount: number): boolean {
  return count > 0 && count < minCellCount;
}

/** The values a reader can give a hidden cell, from its kind alone. */
export function hiddenBounds(kind: CellKind, minCellCount: number): [number, number] {
  return kind === 'primary' ? [1, minCellCount - 1] : [minCellCount, Infinity];
}

interface Term {
  cell: number;
  coefficient: 1 | -1;
}

function termsOf(equation: CellEquation): { terms: Term[]; constant: number } {
  const terms: Term[] = equation.parts.map((cell) => ({ cell, coefficient: 1 }));
  if (typeof equation.total === 'number') return { terms: [...terms, { cell: equation.total, coefficient: -1 }], constant: 0 };
  return { terms, constant: equation.total.constant };
}

/**
 * Whether the equation pins a hidden cell to one value: Σ coefficient·x = constant, shown cells moved
 * to the right-hand side, every hidden cell boxed by `hiddenBounds`; a cell's range is its box cut by
 * the right-hand side minus the range of the other hidden terms.
 */
export function revealsHiddenCell(values: readonly number[], kinds: readonly CellKind[], equation: CellEquation, minCellCount: number): boolean {
  const { terms, constant } = termsOf(equation);
  let rest = constant;
  const hidden: { coefficient: number; low: number; high: number }[] = [];
  for (const { cell, coefficient } of terms) {
    const kind = kinds[cell]!;
    if (kind === 'shown') rest -= coefficient * values[cell]!;
    else {
      const [low, high] = hiddenBounds(kind, minCellCount);
      hidden.push({ coefficient, low, high });
    }
  }
  return hidden.some((term, i) => {
    if (term.low === term.high) return false;
    let othersLow = 0;
    let othersHigh = 0;
    hidden.forEach((other, j) => {
      if (j === i) return;
      othersLow += other.coefficient > 0 ? other.low : -other.high;
      othersHigh += other.coefficient > 0 ? other.high : -other.low;
    });
    const [a, b] = [(rest - othersHigh) / term.coefficient, (rest - othersLow) / term.coefficient];
    return Math.max(term.low, Math.min(a, b)) === Math.min(term.high, Math.max(a, b));
  });
}

/** The cell to hide next in an equation: its smallest shown non-zero part (lowest index on ties), else its total. */
function nextToHide(values: readonly number[], kinds: readonly CellKind[], equation: CellEquation): number | undefined {
  let best: number | undefined;
  for (const cell of equation.parts) {
    if (kinds[cell] !== 'shown' || values[cell]! <= 0) continue;
    if (best === undefined || values[cell]! < values[best]!) best = cell;
  }
  if (best !== undefined) return best;
  const total = equation.total;
  return typeof total === 'number' && kinds[total] === 'shown' && values[total]! > 0 ? total : undefined;
}

/** Applies rules 1–4 above to counts tied by equations. */
export function suppressCells(values: readonly number[], equations: readonly CellEquation[], minCellCount: number): SuppressedCells {
  const kinds: CellKind[] = values.map((v) => (isSmallCount(v, minCellCount) ? 'primary' : 'shown'));
  const unprotected = new Set<number>();
  for (;;) {
    let hid = false;
    for (const [index, equation] of equations.entries()) {
      if (unprotected.has(index) || !revealsHiddenCell(values, kinds, equation, minCellCount)) continue;
      const cell = nextToHide(values, kinds, equation);
      if (cell === undefined) {
        unprotected.add(index);
        continue;
      }
      kinds[cell] = 'complementary';
      hid = true;
      break;
    }
    if (!hid) break;
  }
  // A later hiding can protect an equation given up on earlier.
  const stillRevealing = [...unprotected].filter((i) => revealsHiddenCell(values, kinds, equations[i]!, minCellCount)).sort((a, b) => a - b);
  return {
    kinds,
    hidden: kinds.map((k) => k !== 'shown'),
    primary: kinds.filter((k) => k === 'primary').length,
    complementary: kinds.filter((k) => k === 'complementary').length,
    unprotected: stillRevealing,
  };
}
