/**
 * The frequentist and BCPNN disproportionality measures of a signal screen, for every drug–event pair at
 * once (typed arrays in, typed arrays out; no per-pair objects).
 *
 * Conventions (formulas and tool conventions: shared/reference/pv-formulas.md):
 * - Every count is of **distinct reports** (as openEBGM `processRaw`, the UMC, vigicaen, pvda and DiAna
 *   count; not PhViD's sums of pair counts).
 * - The 2×2 table of a pair: a = n, b = nDrug − n, c = nEvent − n, d = nTotal − nDrug − nEvent + n.
 * - PRR and ROR use this crude (unstratified) table. IC uses `e`, which the caller may have stratified
 *   (E = Σ_s nDrug,s·nEvent,s/N_s: the Mantel–Haenszel-style expected count of Empirica and the UMC).
 * - Values are **not rounded** (openEBGM rounds PRR to 2 digits and DiAna floors ROR; we keep full
 *   precision and leave rounding to display).
 * - 95% intervals use z = 1.96, as Evans et al. (2001) and van Puijenbroek et al. (2002) write them.
 */
import { regularizedGammaQ } from '../../stats/regularized-lower-gamma.js';
import { indexDistinctValues } from '../../stats/distinct-values.js';
import { gammaQuantile } from '../../stats/gamma-distribution.js';

export interface PairCounts {
  /** a: distinct reports with the drug and the event. */
  n: Float64Array;
  /** a + b: reports with the drug. */
  nDrug: Float64Array;
  /** a + c: reports with the event. */
  nEvent: Float64Array;
  /** N: all reports (the same for every pair of a screen; kept per pair for generality). */
  nTotal: Float64Array;
  /** Expected count: nDrug·nEvent/nTotal, or the stratum-summed E when stratified. */
  e: Float64Array;
}

export interface Disproportionality {
  /**
   * Proportional reporting ratio (Evans 2001): [a/(a+b)] / [c/(c+d)], with the Wald interval
   * exp(ln PRR ± 1.96·√(1/a − 1/(a+b) + 1/c − 1/(c+d))).
   * No continuity correction. c = 0 (every report of the event names the drug) gives PRR = +∞ (openEBGM
   * returns Inf too) and a = 0 gives PRR = 0; in both the interval is [0, +∞], the limit of the Wald
   * interval as the empty cell tends to 0 (the standard error grows like cell^(−1/2), faster than |ln PRR|).
   * a = c = 0 (an event no report names) gives NaN.
   */
  prr: Float64Array;
  prrLo: Float64Array;
  prrHi: Float64Array;
  /**
   * Pearson χ² with Yates' continuity correction, the statistic of the Evans criteria:
   * N·(|ad − bc| − N/2)² / ((a+b)(c+d)(a+c)(b+d)), the correction capped at |ad − bc| (as R's
   * `chisq.test(correct = TRUE)` caps it) so that a table at independence scores 0, not a spurious positive.
   * NaN when a margin is 0.
   */
  chisq: Float64Array;
  /** The upper tail of χ² on 1 degree of freedom at `chisq`: the p-value of the Yates test (NaN with it). */
  chisqP: Float64Array;
  /**
   * Reporting odds ratio (van Puijenbroek 2002): ad/(bc), interval exp(ln ROR ± 1.96·√(1/a+1/b+1/c+1/d)).
   * When any cell is 0, 0.5 is added to all four (Haldane–Anscombe) and `rorCorrected` is 1; otherwise
   * no correction and 0.
   */
  ror: Float64Array;
  rorLo: Float64Array;
  rorHi: Float64Array;
  rorCorrected: Uint8Array;
  /**
   * Information component, the UMC's shrinkage observed-to-expected ratio (Norén, Hopstadius & Bate 2013):
   * IC = log2((n + 0.5)/(e + 0.5)), with exact 95% credibility limits from the Gamma(n + 0.5, rate e + 0.5)
   * posterior of the ratio: IC025 = log2(qgamma(0.025, …)), IC975 = log2(qgamma(0.975, …)) (as vigicaen
   * `ic_tail`; not Norén's closed-form approximation that DiAna uses).
   */
  ic: Float64Array;
  ic025: Float64Array;
  ic975: Float64Array;
}

const Z_95 = 1.96;

/** P(χ²₁ ≥ x) = Q(1/2, x/2), the regularized upper incomplete gamma function. */
function chiSquareOneDfUpperTail(x: number): number {
  return Number.isNaN(x) ? NaN : regularizedGammaQ(0.5, x / 2);
}
const HALDANE = 0.5;

export function computeDisproportionality(counts: PairCounts): Disproportionality {
  const size = counts.n.length;
  const out: Disproportionality = {
    prr: new Float64Array(size),
    prrLo: new Float64Array(size),
    prrHi: new Float64Array(size),
    chisq: new Float64Array(size),
    chisqP: new Float64Array(size),
    ror: new Float64Array(size),
    rorLo: new Float64Array(size),
    rorHi: new Float64Array(size),
    rorCorrected: new Uint8Array(size),
    ic: new Float64Array(size),
    ic025: new Float64Array(size),
    ic975: new Float64Array(size),
  };
  const icLimits = informationComponentLimitsByCount(counts.n);
  for (let i = 0; i < size; i++) {
    const a = counts.n[i]!;
    const b = counts.nDrug[i]! - a;
    const c = counts.nEvent[i]! - a;
    const d = counts.nTotal[i]! - a - b - c;
    writeProportionalReportingRatio(out, i, a, b, c, d);
    out.chisq[i] = yatesChiSquare(a, b, c, d);
    out.chisqP[i] = chiSquareOneDfUpperTail(out.chisq[i]!);
    writeReportingOddsRatio(out, i, a, b, c, d);
    writeInformationComponent(out, i, a, counts.e[i]!, icLimits.slotOfRow[i]!, icLimits);
  }
  return out;
}

function writeProportionalReportingRatio(out: Disproportionality, i: number, a: number, b: number, c: number, d: number): void {
  const prr = a / (a + b) / (c / (c + d));
  out.prr[i] = prr;
  if (Number.isNaN(prr)) {
    out.prrLo[i] = NaN;
    out.prrHi[i] = NaN;
  } else if (a === 0 || c === 0) {
    out.prrLo[i] = 0;
    out.prrHi[i] = Infinity;
  } else {
    const halfWidth = Z_95 * Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
    out.prrLo[i] = prr * Math.exp(-halfWidth);
    out.prrHi[i] = prr * Math.exp(halfWidth);
  }
}

function yatesChiSquare(a: number, b: number, c: number, d: number): number {
  const total = a + b + c + d;
  const deviation = Math.abs(a * d - b * c);
  const corrected = deviation - Math.min(total / 2, deviation);
  return (total * corrected * corrected) / ((a + b) * (c + d) * (a + c) * (b + d));
}

function writeReportingOddsRatio(out: Disproportionality, i: number, a: number, b: number, c: number, d: number): void {
  const corrected = a === 0 || b === 0 || c === 0 || d === 0;
  const h = corrected ? HALDANE : 0;
  const ror = ((a + h) * (d + h)) / ((b + h) * (c + h));
  const halfWidth = Z_95 * Math.sqrt(1 / (a + h) + 1 / (b + h) + 1 / (c + h) + 1 / (d + h));
  out.ror[i] = ror;
  out.rorLo[i] = ror * Math.exp(-halfWidth);
  out.rorHi[i] = ror * Math.exp(halfWidth);
  out.rorCorrected[i] = corrected ? 1 : 0;
}

/**
 * The rate is a scale parameter: qgamma(p, n + 0.5, rate e + 0.5) = qgamma(p, n + 0.5, 1)/(e + 0.5). So the
 * costly quantiles are computed once per distinct n, and each pair only divides (exactly the same value).
 */
interface InformationComponentLimits {
  slotOfRow: Int32Array;
  log2Lower: Float64Array;
  log2Upper: Float64Array;
}

function informationComponentLimitsByCount(n: Float64Array): InformationComponentLimits {
  const distinct = indexDistinctValues(n);
  const log2Lower = distinct.values.map((count) => Math.log2(gammaQuantile(0.025, count + 0.5, 1)));
  const log2Upper = distinct.values.map((count) => Math.log2(gammaQuantile(0.975, count + 0.5, 1)));
  return { slotOfRow: distinct.slotOfRow, log2Lower, log2Upper };
}

function writeInformationComponent(out: Disproportionality, i: number, n: number, e: number, slot: number, limits: InformationComponentLimits): void {
  const log2Rate = Math.log2(e + 0.5);
  out.ic[i] = Math.log2(n + 0.5) - log2Rate;
  out.ic025[i] = slot < 0 ? NaN : limits.log2Lower[slot]! - log2Rate;
  out.ic975[i] = slot < 0 ? NaN : limits.log2Upper[slot]! - log2Rate;
}
