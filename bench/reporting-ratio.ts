import { hash2, unitFromHash } from './hash.js';

/** Spread of ln(factor) between drug–event pairs. */
export const LOG_FACTOR_SD = 0.7;
/** Factors are capped at e^(3σ) (0.13 % of pairs reach it), so rejection sampling has a bound. */
const LOG_CAP = 3 * LOG_FACTOR_SD;
const SALT_U1 = 0x51ed27;
const SALT_U2 = 0x3c6ef3;

/**
 * ln of the factor by which a report's primary suspect drug multiplies an event's base frequency:
 * normal with mean 0 and sd σ (Box–Muller on two hashes of the drug and event ids), the same every time
 * it is asked for, so no drug × event table is kept.
 */
export function logReportingFactor(drug: number, event: number): number {
  const u1 = unitFromHash(hash2(drug, event, SALT_U1));
  const u2 = unitFromHash(hash2(drug, event, SALT_U2));
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.min(LOG_FACTOR_SD * z, LOG_CAP);
}

/**
 * Rejection step: an event drawn with its base frequency is kept with probability factor / cap, so kept
 * events follow base frequency × factor, renormalised over all events, for this drug. `u` is uniform in [0, 1).
 */
export function keepEvent(drug: number, event: number, u: number): boolean {
  return Math.log1p(-u) < logReportingFactor(drug, event) - LOG_CAP;
}
