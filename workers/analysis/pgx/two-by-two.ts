/**
 * The 2×2 cross-tab's statistics. Written here rather than imported from workers/stats/genetics, which was
 * being written at the same time; both follow R's `fisher.test` definition of the two-sided p-value.
 */

function logChoose(n: number, k: number, logFactorials: number[]): number {
  return logFactorials[n]! - logFactorials[k]! - logFactorials[n - k]!;
}

function logFactorialsUpTo(n: number): number[] {
  const table = [0];
  for (let i = 1; i <= n; i++) table.push(table[i - 1]! + Math.log(i));
  return table;
}

/** R's relative tolerance for tables "as likely as" the observed one. */
const RELATIVE_TIE = 1 + 1e-7;

/**
 * Two-sided Fisher exact p of [[a, b], [c, d]]: the summed hypergeometric probability (margins fixed) of
 * every table no more likely than the observed one. Null for an empty table.
 */
export function fisherTwoSided(a: number, b: number, c: number, d: number): number | null {
  const n = a + b + c + d;
  if (n === 0) return null;
  const row1 = a + b;
  const col1 = a + c;
  const logF = logFactorialsUpTo(n);
  const logP = (x: number) => logChoose(row1, x, logF) + logChoose(n - row1, col1 - x, logF) - logChoose(n, col1, logF);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
    const term = logP(x);
    if (term <= observed + Math.log(RELATIVE_TIE)) p += Math.exp(term);
  }
  return Math.min(1, p);
}

/** The sample odds ratio ad/bc; null where it is infinite or undefined (bc = 0). */
export function oddsRatioOrNull(a: number, b: number, c: number, d: number): number | null {
  return b * c === 0 ? null : (a * d) / (b * c);
}
