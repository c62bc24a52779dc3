/**
 * Distinct values of a large numeric column and, for each row, the slot of its value — so that work that
 * depends only on the value (ln Γ(α + n) for a count n, say) is done once per distinct value, not per row.
 */
export interface DistinctValues {
  /** The distinct values, ascending (NaN left out). */
  values: Float64Array;
  /** For each row, the index of its value in `values`; -1 for NaN. */
  slotOfRow: Int32Array;
}

/** Counts up to this are indexed through a lookup table (linear time) rather than by sorting. */
const LARGEST_TABLED_COUNT = 1 << 24;

export function indexDistinctValues(column: Float64Array): DistinctValues {
  return indexSmallCounts(column) ?? indexBySorting(column);
}

/** For columns of non-negative integers below LARGEST_TABLED_COUNT (counts); null otherwise. */
function indexSmallCounts(column: Float64Array): DistinctValues | null {
  let largest = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i]!;
    if (!(value >= 0 && value < LARGEST_TABLED_COUNT && Number.isInteger(value))) return null;
    if (value > largest) largest = value;
  }
  const slotOfValue = new Int32Array(largest + 1).fill(-1);
  for (let i = 0; i < column.length; i++) slotOfValue[column[i]!] = 0;
  let count = 0;
  for (let value = 0; value <= largest; value++) if (slotOfValue[value] === 0) slotOfValue[value] = count++;
  const values = new Float64Array(count);
  for (let value = 0; value <= largest; value++) if (slotOfValue[value]! >= 0) values[slotOfValue[value]!] = value;
  const slotOfRow = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) slotOfRow[i] = slotOfValue[column[i]!]!;
  return { values, slotOfRow };
}

function indexBySorting(column: Float64Array): DistinctValues {
  const sorted = Float64Array.from(column).sort(); // typed-array sort is numeric and puts NaN last
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i]!;
    if (Number.isNaN(value)) break;
    if (count === 0 || value !== sorted[count - 1]) sorted[count++] = value;
  }
  const values = sorted.slice(0, count);
  const slotOfRow = new Int32Array(column.length);
  for (let row = 0; row < column.length; row++) slotOfRow[row] = findSlot(values, column[row]!);
  return { values, slotOfRow };
}

/** Binary search; -1 when absent. */
function findSlot(values: Float64Array, value: number): number {
  if (Number.isNaN(value)) return -1;
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = values[middle]!;
    if (candidate < value) low = middle + 1;
    else if (candidate > value) high = middle - 1;
    else return middle;
  }
  return -1;
}
