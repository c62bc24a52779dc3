/**
 * What the exact tests of this folder share: a walk over a unimodal discrete distribution, outwards
 * from the observed outcome, summing the probabilities of every outcome and of those as likely as the
 * observed one or less (the two-sided exact p-value of Fisher's test and of the HWE exact test).
 *
 * Terms are held relative to the observed outcome (its probability is `unit`), obtained by the ratios of
 * neighbouring terms, so no factorials and no tables are needed. One walk state is reused by every test
 * (JS is single-threaded here): a test over 100,000 variants allocates nothing per variant.
 */

/**
 * Outcomes whose probability is within this relative distance of the observed one count as ties, and so
 * as "as extreme". R's fisher.test uses 1 + 10⁻⁷ (`relErr`); PLINK 1.9 uses about 2⁻⁴⁴. Exact ties (the
 * only ones that occur in practice: symmetric tables) are caught by both, and rounding in the walks is
 * far below either.
 */
export const TIE_TOLERANCE = 1e-7;

/** A term this much smaller than the tail sum no longer changes it (2⁻⁵⁶ < half an ulp of 1). */
const NEGLIGIBLE = 2 ** -56;

/**
 * When the observed outcome is far in a tail, the terms near the mode exceed the double range relative to
 * it; past this the sums are rescaled (and the observed term's `unit` with them).
 */
const RESCALE_ABOVE = 1e280;
const RESCALE_BY = 1e-280;

/** Sums of the walk, in units where the observed outcome's probability is `unit`. */
export interface ExactWalk {
  unit: number;
  total: number;
  tail: number;
  ties: number;
}

const walk: ExactWalk = { unit: 1, total: 1, tail: 1, ties: 1 };

/** Starts a walk at the observed outcome (which is its own tie and in its own tail). */
export function startWalk(): ExactWalk {
  walk.unit = 1;
  walk.total = 1;
  walk.tail = 1;
  walk.ties = 1;
  return walk;
}

/**
 * Adds one term and returns it, rescaled if the sums had to be. `ratio` is the factor from the previous
 * term to this one; the caller stops when `walkDone` says the remaining terms cannot matter.
 */
export function addTerm(state: ExactWalk, term: number): number {
  state.total += term;
  if (term <= state.unit * (1 + TIE_TOLERANCE)) {
    state.tail += term;
    if (term >= state.unit * (1 - TIE_TOLERANCE)) state.ties += term;
  }
  if (state.total <= RESCALE_ABOVE) return term;
  state.unit *= RESCALE_BY;
  state.total *= RESCALE_BY;
  state.tail *= RESCALE_BY;
  state.ties *= RESCALE_BY;
  return term * RESCALE_BY;
}

/**
 * Past the mode the terms shrink at least geometrically (the distributions are log-concave), so what is
 * left after `term` is at most term·r/(1 − r) for the current ratio r < 1.
 */
export function walkDone(state: ExactWalk, term: number, ratio: number): boolean {
  return ratio < 1 && term * ratio < state.tail * NEGLIGIBLE * (1 - ratio);
}

/** The two-sided p-value of a finished walk; mid-p takes off half the probability tied with the observed outcome. */
export function walkP(state: ExactWalk, midP: boolean): number {
  const tail = midP ? state.tail - state.ties / 2 : state.tail;
  return Math.min(1, tail / state.total);
}
