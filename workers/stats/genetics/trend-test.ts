/**
 * The Cochran–Armitage test for trend in a 2×3 genotype table (Cochran 1954, Biometrics 10:417–451;
 * Armitage 1955, Biometrics 11:375–386) with scores 0, 1, 2 for the ALT copies, as PLINK 1.9 `--model`
 * reports it (TREND row): with T genotyped samples, A cases, U controls, x ALT copies among cases, D ALT
 * copies in all, and H heterozygotes and K ALT homozygotes in all,
 *
 *   χ²_trend = T · (T·x − D·A)² / (A · U · (T·(H + 4K) − D²)),
 *
 * the form without the (T − 1)/T factor (Sasieni 1997, Biometrics 53:1253–1261, eq. 2). It is 1 df and
 * does not depend on which allele is counted.
 */

/** χ² of the trend test from diploid genotype counts per group; NaN when a group is empty or the variant is monomorphic. */
export function trendChiSquare(
  caseHomRef: number, caseHet: number, caseHomAlt: number,
  controlHomRef: number, controlHet: number, controlHomAlt: number,
): number {
  const cases = caseHomRef + caseHet + caseHomAlt;
  const controls = controlHomRef + controlHet + controlHomAlt;
  const total = cases + controls;
  const het = caseHet + controlHet;
  const homAlt = caseHomAlt + controlHomAlt;
  const altCopies = het + 2 * homAlt;
  const variance = cases * controls * (total * (het + 4 * homAlt) - altCopies * altCopies);
  if (!(variance > 0)) return NaN;
  const caseCopies = caseHet + 2 * caseHomAlt;
  const deviation = total * caseCopies - altCopies * cases;
  return (total * deviation * deviation) / variance;
}
