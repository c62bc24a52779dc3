/**
 * For the tests: the reference values of gamma_reference.py (SciPy, checked and where needed corrected by
 * mpmath at 40 digits; see the script's header), and relative differences.
 */
import { readFileSync } from 'node:fs';

export interface IncompleteGammaPoint {
  a: number;
  x: number;
  /** P(a, x) and Q(a, x), mpmath, each to 40 digits before rounding. */
  p: number;
  q: number;
  scipyP: number;
  scipyQ: number;
}

export interface QuantilePoint {
  a: number;
  p: number;
  /** mpmath (0 where the quantile underflows). */
  x: number;
  scipy: number;
}

export interface InformationComponentPoint {
  n: number;
  shape: number;
  lower: number;
  upper: number;
  scipyLower: number;
  scipyUpper: number;
}

export interface MixtureQuantilePoint {
  case: string;
  /** For the MGPS cases: the prior, the pair's N and E (weight1 is Qn, computed in double from math.lgamma). */
  prior?: { alpha1: number; beta1: number; alpha2: number; beta2: number; p: number };
  n?: number;
  e?: number;
  p: number;
  weight1: number;
  shape1: number;
  rate1: number;
  shape2: number;
  rate2: number;
  x: number;
  scipy: number;
}

export interface GammaReference {
  scipy: string;
  mpmath: string;
  incompleteGamma: IncompleteGammaPoint[];
  quantiles: QuantilePoint[];
  informationComponent: InformationComponentPoint[];
  mixtureQuantiles: MixtureQuantilePoint[];
}

let cached: GammaReference | undefined;

export function readGammaReference(): GammaReference {
  cached ??= JSON.parse(readFileSync(new URL('./gamma_reference.json', import.meta.url), 'utf8')) as GammaReference;
  return cached;
}

export function relativeDifference(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}
