/**
 * Fisher's exact test of a 2×2 table, two-sided as R's `fisher.test` and PLINK 1.9 `--assoc fisher`
 * define it: the probability, under the hypergeometric distribution of the table with its margins fixed,
 * of every table as likely as the observed one or less (ties within TIE_TOLERANCE, exact-tail.ts).
 *
 * For the table [[a, b], [c, d]], moving one count from b and c to a and d multiplies its probability by
 * b·c / ((a + 1)(d + 1)), and the reverse move by a·d / ((b + 1)(c + 1)).
 */
import { addTerm, startWalk, walkDone, walkP } from './exact-tail.js';

/** Two-sided Fisher exact p-value of [[a, b], [c, d]] (non-negative counts). An empty margin gives 1. */
export function fisherExactP(a: number, b: number, c: number, d: number): number {
  const walk = startWalk();
  let term = walk.unit;
  for (let x = a, y = b, z = c, w = d; y > 0 && z > 0; x++, y--, z--, w++) {
    const ratio = (y * z) / ((x + 1) * (w + 1));
    term = addTerm(walk, term * ratio);
    if (walkDone(walk, term, ratio)) break;
  }
  term = walk.unit;
  for (let x = a, y = b, z = c, w = d; x > 0 && w > 0; x--, y++, z++, w--) {
    const ratio = (x * w) / ((y + 1) * (z + 1));
    term = addTerm(walk, term * ratio);
    if (walkDone(walk, term, ratio)) break;
  }
  return walkP(walk, false);
}
