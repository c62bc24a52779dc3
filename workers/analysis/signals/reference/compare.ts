/** Test helpers: the worst relative difference between two columns, with equal infinities and NaNs matching. */
export interface ColumnDifference {
  worst: number;
  /** Row of the worst difference (-1 when none). */
  row: number;
  /** Rows where one side is NaN or infinite and the other is not. */
  mismatches: number;
}

export function compareColumns(actual: ArrayLike<number>, expected: ArrayLike<number>): ColumnDifference {
  let worst = 0;
  let row = -1;
  let mismatches = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      mismatches++;
      continue;
    }
    const difference = Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
    if (difference > worst) {
      worst = difference;
      row = i;
    }
  }
  return { worst, row, mismatches };
}
