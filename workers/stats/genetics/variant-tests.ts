/**
 * Every per-variant statistic of a case/control association at once, over typed arrays of counts (one
 * entry per variant): allele frequency, HWE exact p in controls, allelic χ² and Fisher, odds ratio with
 * Woolf's interval, Cochran–Armitage trend. Nothing is allocated per variant.
 */
import { fisherExactP } from './fisher-exact.js';
import { hardyWeinbergExactP } from './hardy-weinberg.js';
import { trendChiSquare } from './trend-test.js';
import { allelicChiSquare, chiSquare1P, intervalZ, oddsRatio, woolfLimit } from './two-by-two.js';

/** Counts of one group (cases or controls), one entry per variant. */
export interface GroupCounts {
  /** ALT copies among the alleles of calls with no missing allele (diploid and haploid calls). */
  altCopies: Int32Array;
  /** Alleles of those calls. */
  alleles: Int32Array;
  /** Diploid calls with 0, 1 and 2 copies of this ALT. */
  homRef: Int32Array;
  het: Int32Array;
  homAlt: Int32Array;
}

export function allocateGroupCounts(variants: number): GroupCounts {
  return {
    altCopies: new Int32Array(variants),
    alleles: new Int32Array(variants),
    homRef: new Int32Array(variants),
    het: new Int32Array(variants),
    homAlt: new Int32Array(variants),
  };
}

/** The statistics, one entry per variant; NaN where a statistic is undefined (stored as NULL). */
export interface VariantTestColumns {
  /** ALT frequency among the alleles of cases and controls. */
  af: Float64Array;
  /** HWE exact p (PLINK 1.9 `--hardy`, no mid-p) over the controls' diploid calls. */
  hweP: Float64Array;
  chisq: Float64Array;
  pChisq: Float64Array;
  pFisher: Float64Array;
  or: Float64Array;
  orLower: Float64Array;
  orUpper: Float64Array;
  pTrend: Float64Array;
}

export const VARIANT_TEST_COLUMNS = ['af', 'hweP', 'chisq', 'pChisq', 'pFisher', 'or', 'orLower', 'orUpper', 'pTrend'] as const;

export function allocateVariantTests(variants: number): VariantTestColumns {
  const out = {} as Record<(typeof VARIANT_TEST_COLUMNS)[number], Float64Array>;
  for (const name of VARIANT_TEST_COLUMNS) out[name] = new Float64Array(variants);
  return out;
}

/** Fills `out` from the counts of cases and controls; `ciLevel` is the odds ratio interval's level (0.95). */
export function testVariants(cases: GroupCounts, controls: GroupCounts, out: VariantTestColumns, ciLevel = 0.95): void {
  const z = intervalZ(ciLevel);
  const variants = cases.altCopies.length;
  for (let v = 0; v < variants; v++) {
    const a = cases.altCopies[v]!;
    const b = cases.alleles[v]! - a;
    const c = controls.altCopies[v]!;
    const d = controls.alleles[v]! - c;
    const alleles = a + b + c + d;
    out.af[v] = alleles > 0 ? (a + c) / alleles : NaN;
    out.hweP[v] = hardyWeinbergExactP(controls.het[v]!, controls.homRef[v]!, controls.homAlt[v]!);
    const chisq = allelicChiSquare(a, b, c, d);
    out.chisq[v] = chisq;
    out.pChisq[v] = chiSquare1P(chisq);
    out.pFisher[v] = alleles > 0 ? fisherExactP(a, b, c, d) : NaN;
    out.or[v] = oddsRatio(a, b, c, d);
    out.orLower[v] = woolfLimit(a, b, c, d, z, -1);
    out.orUpper[v] = woolfLimit(a, b, c, d, z, 1);
    out.pTrend[v] = chiSquare1P(trendChiSquare(
      cases.homRef[v]!, cases.het[v]!, cases.homAlt[v]!, controls.homRef[v]!, controls.het[v]!, controls.homAlt[v]!));
  }
}
