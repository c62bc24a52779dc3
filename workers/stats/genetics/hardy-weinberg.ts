/**
 * The exact test of Hardy–Weinberg equilibrium of Wigginton, Cutler & Abecasis (2005, "A note on exact
 * tests of Hardy–Weinberg equilibrium", AJHG 76:887–893), as PLINK 1.9 `--hardy` reports it.
 *
 * Given n diploid genotypes with n_A copies of one allele, the number of heterozygotes h has the
 * distribution P(h) ∝ 2^h / (h! · ((n_A − h)/2)! · ((2n − n_A − h)/2)!) over the h of the parity of n_A.
 * The p-value is the total probability of the h as likely as the observed one or less (exact-tail.ts).
 * Neighbouring terms follow the paper's recurrences:
 *   P(h + 2) / P(h) = 4·hom_A·hom_B / ((h + 2)(h + 1)),   P(h − 2) / P(h) = h(h − 1) / (4·(hom_A + 1)(hom_B + 1)).
 *
 * Mid-p (Graffelman & Moreno 2013, Stat Appl Genet Mol Biol 12:433–448) takes off half the probability
 * of the outcomes tied with the observed one; PLINK 1.9 uses it only when asked (`--hardy midp`), and it
 * is off here by default too.
 */
import { addTerm, startWalk, walkDone, walkP } from './exact-tail.js';

/**
 * P-value of the exact HWE test for `hets` heterozygotes and `homRef`, `homAlt` homozygotes (diploid
 * calls only). With no genotypes it is 1 (0.5 with mid-p), as in PLINK.
 */
export function hardyWeinbergExactP(hets: number, homRef: number, homAlt: number, midP = false): number {
  if (hets + homRef + homAlt === 0) return midP ? 0.5 : 1;
  const walk = startWalk();
  // Towards more heterozygotes: each step turns two homozygotes (one of each kind) into two hets.
  let term = walk.unit;
  for (let h = hets, a = homRef, b = homAlt; a > 0 && b > 0; h += 2, a--, b--) {
    const ratio = (4 * a * b) / ((h + 2) * (h + 1));
    term = addTerm(walk, term * ratio);
    if (walkDone(walk, term, ratio)) break;
  }
  term = walk.unit;
  for (let h = hets, a = homRef, b = homAlt; h > 1; h -= 2, a++, b++) {
    const ratio = (h * (h - 1)) / (4 * (a + 1) * (b + 1));
    term = addTerm(walk, term * ratio);
    if (walkDone(walk, term, ratio)) break;
  }
  return walkP(walk, midP);
}
