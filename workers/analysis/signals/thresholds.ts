/**
 * One signal flag per measure, from configurable thresholds (pv-formulas.md §7 lists the usual rules).
 * A flag is 1 when the pair meets the rule and 0 otherwise, NaN measures included (never a signal).
 */
import type { SignalThresholds } from '../../engine/api.js';
import type { Disproportionality } from './disproportionality.js';

/**
 * - PRR: Evans et al. (2001): PRR ≥ 2, Yates χ² ≥ 4 and N ≥ 3.
 * - ROR: lower 95% limit > 1 with N ≥ 3 (van Puijenbroek et al. 2002; the usual FAERS rule).
 * - IC: IC025 > 0 (UMC; Norén et al. 2013).
 * - EBGM: EB05 ≥ 2 (DuMouchel 1999; Szarfman et al. 2002, the FDA screening rule; openEBGM's vignette).
 */
export const DEFAULT_THRESHOLDS: Required<SignalThresholds> = Object.freeze({
  prr: Object.freeze({ prr: 2, chisq: 4, n: 3 }),
  ror: Object.freeze({ lower: 1, n: 3 }),
  ic: Object.freeze({ ic025: 0 }),
  ebgm: Object.freeze({ eb05: 2 }),
});

export interface SignalFlags {
  prrSignal: Uint8Array;
  rorSignal: Uint8Array;
  icSignal: Uint8Array;
  ebgmSignal: Uint8Array;
}

export function signalFlags(d: Disproportionality, post: { eb05: Float64Array }, n: Float64Array, t: Required<SignalThresholds>): SignalFlags {
  const size = n.length;
  const flags: SignalFlags = {
    prrSignal: new Uint8Array(size),
    rorSignal: new Uint8Array(size),
    icSignal: new Uint8Array(size),
    ebgmSignal: new Uint8Array(size),
  };
  for (let i = 0; i < size; i++) {
    const count = n[i]!;
    flags.prrSignal[i] = d.prr[i]! >= t.prr.prr && d.chisq[i]! >= t.prr.chisq && count >= t.prr.n ? 1 : 0;
    flags.rorSignal[i] = d.rorLo[i]! > t.ror.lower && count >= t.ror.n ? 1 : 0;
    flags.icSignal[i] = d.ic025[i]! > t.ic.ic025 ? 1 : 0;
    flags.ebgmSignal[i] = post.eb05[i]! >= t.ebgm.eb05 ? 1 : 0;
  }
  return flags;
}
