/**
 * For tests only: independent checks that hidden cells cannot be worked out, by brute force on one
 * equation and by linear algebra on all equations together.
 */
import { hiddenBounds, type CellEquation, type CellKind } from './suppress-cells.js';

function coefficientsOf(equation: CellEquation): { cells: number[]; coefficients: number[]; constant: number } {
  const cells = [...equation.parts];
  const coefficients = cells.map(() => 1);
  if (typeof equation.total === 'number') {
    cells.push(equation.total);
    coefficients.push(-1);
    return { cells, coefficients, constant: 0 };
  }
  return { cells, coefficients, constant: equation.total.constant };
}

/**
 * The hidden cells of one equation that take a single value in every integer solution a reader can
 * write down: shown cells as shown, hidden cells within their public bounds (complementary ones up to
 * `cap`, which must be at least the largest value). Enumerates every combination, so keep tables small.
 */
export function cellsPinnedByEquation(values: readonly number[], kinds: readonly CellKind[], equation: CellEquation, minCellCount: number, cap: number): number[] {
  const { cells, coefficients, constant } = coefficientsOf(equation);
  let rest = constant;
  const hidden: { cell: number; coefficient: number; low: number; high: number }[] = [];
  cells.forEach((cell, i) => {
    if (kinds[cell] === 'shown') rest -= coefficients[i]! * values[cell]!;
    else {
      const [low, high] = hiddenBounds(kinds[cell]!, minCellCount);
      hidden.push({ cell, coefficient: coefficients[i]!, low, high: Math.min(high, cap) });
    }
  });
  const seen = hidden.map(() => new Set<number>());
  const chosen: number[] = [];
  // Every combination of all hidden cells but the last; the last is what the equation leaves, if in its bounds.
  const walk = (i: number, sum: number): void => {
    const term = hidden[i]!;
    if (i === hidden.length - 1) {
      const last = (rest - sum) / term.coefficient;
      if (Number.isInteger(last) && last >= term.low && last <= term.high) [...chosen.slice(0, i), last].forEach((v, j) => seen[j]!.add(v));
      return;
    }
    for (let v = term.low; v <= term.high; v++) {
      chosen[i] = v;
      walk(i + 1, sum + term.coefficient * v);
    }
  };
  if (hidden.length > 0) walk(0, 0);
  return hidden.filter((h, j) => h.low < h.high && seen[j]!.size === 1).map((h) => h.cell);
}

/**
 * The hidden cells whose value follows from all equations together by linear algebra (ignoring bounds):
 * cell i is determined when its unit vector lies in the row space of the equations restricted to the
 * hidden cells, i.e. adding it as a row does not raise the rank.
 */
export function cellsDeterminedBySystem(kinds: readonly CellKind[], equations: readonly CellEquation[]): number[] {
  return cellsDeterminedByLinearSystem(kinds, equations.map((equation) => {
    const { cells, coefficients } = coefficientsOf(equation);
    return cells.map((cell, i) => [cell, coefficients[i]!] as [number, number]);
  }));
}

/** The same for equations with any coefficients: each a list of `[cell, coefficient]` (constants left out). */
export function cellsDeterminedByLinearSystem(kinds: readonly CellKind[], equations: readonly (readonly [number, number])[][]): number[] {
  const hiddenCells = kinds.flatMap((k, i) => (k === 'shown' ? [] : [i]));
  const column = new Map(hiddenCells.map((cell, j) => [cell, j]));
  const rows = equations.map((terms) => {
    const row = new Array<number>(hiddenCells.length).fill(0);
    for (const [cell, coefficient] of terms) {
      const j = column.get(cell);
      if (j !== undefined) row[j]! += coefficient;
    }
    return row;
  });
  const base = rank(rows);
  return hiddenCells.filter((cell) => {
    const unit = hiddenCells.map((c) => (c === cell ? 1 : 0));
    return rank([...rows, unit]) === base;
  });
}

/** Rank by Gaussian elimination with partial pivoting (small matrices of small integers). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i]![c]! / m[r]![c]!;
      for (let k = c; k < width; k++) m[i]![k]! -= factor * m[r]![k]!;
    }
    r++;
  }
  return r;
}
