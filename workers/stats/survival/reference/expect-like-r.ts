/** Test assertions shared by the survival tests: our numbers against R's, with R's NA as NaN. */
import { expect } from 'vitest';
import { compareColumns } from '../../../analysis/signals/reference/compare.js';
import type { KaplanMeierEstimate, MedianSurvival } from '../kaplan-meier.js';
import { medianOrNull, type ReferenceCurve } from './load-reference.js';

/** R's figures are to be met to 1e-8 relative unless a test says otherwise. */
export const RELATIVE = 1e-8;

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tolerance = RELATIVE): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  const difference = compareColumns(actual, expected);
  expect(difference.mismatches, `${what}: NaN/infinite where R differs (first worst row ${difference.row})`).toBe(0);
  expect(difference.worst, `${what}: worst relative difference, row ${difference.row}`).toBeLessThan(tolerance);
}

/** A curve row for row as `survfit` lists it: counts equal, estimates close, medians (data times) equal. */
export function expectCurveLikeR(
  curve: Omit<KaplanMeierEstimate, 'stdErr'> & Partial<Pick<KaplanMeierEstimate, 'stdErr'>> & MedianSurvival,
  r: ReferenceCurve,
  what: string,
): void {
  expect(Array.from(curve.time), `${what}: times`).toEqual(r.time);
  expect(Array.from(curve.nRisk), `${what}: n.risk`).toEqual(r.n_risk);
  expect(Array.from(curve.nEvent), `${what}: n.event`).toEqual(r.n_event);
  expect(Array.from(curve.nCensor), `${what}: n.censor`).toEqual(r.n_censor);
  expectClose(curve.surv, r.surv, `${what}: surv`);
  if (curve.stdErr) expectClose(curve.stdErr, r.std_err, `${what}: std.err`);
  expectClose(curve.lower, r.lower, `${what}: lower`);
  expectClose(curve.upper, r.upper, `${what}: upper`);
  expect({ median: curve.median, medianLower: curve.medianLower, medianUpper: curve.medianUpper }, `${what}: median and its interval`).toEqual({
    median: medianOrNull(r.median), medianLower: medianOrNull(r.median_lower), medianUpper: medianOrNull(r.median_upper),
  });
}
