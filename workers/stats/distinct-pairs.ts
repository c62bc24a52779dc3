/**
 * Distinct (a, b) pairs of two numeric columns, by an open-addressing hash table on typed arrays (no
 * per-row objects): work that depends only on the pair — an MGPS posterior depends only on (N, E) — is
 * done once per distinct pair and copied to the rest. Values are equal when === says so, or both NaN.
 */
export interface DistinctPairs {
  /** For each distinct pair, the first row holding it. */
  firstRow: Int32Array;
  /** For each row, the index of its pair in `firstRow`. */
  pairOfRow: Int32Array;
}

const bits = new Float64Array(2);
const words = new Uint32Array(bits.buffer);

export function indexDistinctPairs(a: Float64Array, b: Float64Array): DistinctPairs {
  const rows = a.length;
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1); // the pair index held by each bucket
  const firstRowGrowing = new Int32Array(rows);
  const pairOfRow = new Int32Array(rows);
  let pairs = 0;
  for (let row = 0; row < rows; row++) {
    bits[0] = a[row]!;
    bits[1] = b[row]!;
    const w0 = words[0]!, w1 = words[1]!, w2 = words[2]!, w3 = words[3]!;
    let hash = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(w2 ^ Math.imul(w3, 0xc2b2ae35), 0x27d4eb2f);
    hash ^= hash >>> 15;
    let bucket = hash & mask;
    for (;;) {
      const pair = table[bucket]!;
      if (pair < 0) {
        table[bucket] = pairs;
        firstRowGrowing[pairs] = row;
        pairOfRow[row] = pairs++;
        break;
      }
      const first = firstRowGrowing[pair]!;
      if (sameNumber(a[first]!, a[row]!) && sameNumber(b[first]!, b[row]!)) {
        pairOfRow[row] = pair;
        break;
      }
      bucket = (bucket + 1) & mask;
    }
  }
  return { firstRow: firstRowGrowing.slice(0, pairs), pairOfRow };
}

function sameNumber(x: number, y: number): boolean {
  return x === y || (x !== x && y !== y);
}
