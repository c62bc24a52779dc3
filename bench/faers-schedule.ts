import { QUARTERS } from './faers-calendar.js';
import { hash2 } from './hash.js';

/**
 * Which versions of which cases each quarter holds. Case ids rise with time: case i (0-based, of N) is
 * first reported in quarter ⌊i·8/N⌋. About 12 % of cases get a follow-up (version 2) in the same or one
 * of the next two quarters, received later; dedup must keep it and drop version 1. Everything is a hash
 * of the case index, so any quarter can be written without remembering the others.
 */
export const FOLLOW_UP_SHARE = 0.12;
const SALT_FOLLOW_UP = 0x0f011;
const SALT_DAY = 0x0da7e;

/** A version of a case as one quarter holds it. */
export interface CaseVersion {
  caseIndex: number;
  version: 1 | 2;
  /** True when a later version replaces this one. */
  superseded: boolean;
  /** Day index (faers-calendar) of its `fda_dt`, and of version 1's (its `init_fda_dt`). */
  fdaDay: number;
  initialFdaDay: number;
}

/** The first case index of quarter q: quarter ⌊i·Q/N⌋ = q exactly for i in [first(q), first(q + 1)). */
function firstCaseOf(q: number, cases: number): number {
  return Math.ceil((q * cases) / QUARTERS.length);
}

/** Quarters after its first in which case i's follow-up arrives (0, 1 or 2), or null for no follow-up. */
function followUpDelay(caseIndex: number, seed: number): number | null {
  const h = hash2(caseIndex, seed, SALT_FOLLOW_UP);
  if (h / 4294967296 >= FOLLOW_UP_SHARE) return null;
  const spread = (h >>> 8) % 100;
  return spread < 40 ? 0 : spread < 75 ? 1 : 2;
}

/** Receipt days of versions 1 and 2 (the second unused without a follow-up); same quarter → strictly later. */
function fdaDays(caseIndex: number, seed: number, first: number, followQuarter: number | null): [number, number] {
  const h = hash2(caseIndex, seed, SALT_DAY);
  const q1 = QUARTERS[first]!;
  if (followQuarter === first) {
    const day1 = h % (q1.days - 30);
    return [q1.firstDay + day1, q1.firstDay + day1 + 1 + ((h >>> 16) % 29)];
  }
  const q2 = QUARTERS[followQuarter ?? first]!;
  return [q1.firstDay + (h % q1.days), q2.firstDay + ((h >>> 12) % q2.days)];
}

/** Every case version quarter q holds, in case order: first versions of its new cases, then follow-ups. */
export function* versionsInQuarter(q: number, cases: number, seed: number): Generator<CaseVersion> {
  for (let i = firstCaseOf(q, cases); i < firstCaseOf(q + 1, cases); i++) {
    const delay = followUpDelay(i, seed);
    const followQuarter = delay === null ? null : Math.min(QUARTERS.length - 1, q + delay);
    const [day1] = fdaDays(i, seed, q, followQuarter);
    yield { caseIndex: i, version: 1, superseded: delay !== null, fdaDay: day1, initialFdaDay: day1 };
  }
  for (let first = Math.max(0, q - 2); first <= q; first++) {
    for (let i = firstCaseOf(first, cases); i < firstCaseOf(first + 1, cases); i++) {
      const delay = followUpDelay(i, seed);
      if (delay === null || Math.min(QUARTERS.length - 1, first + delay) !== q) continue;
      const [day1, day2] = fdaDays(i, seed, first, q);
      yield { caseIndex: i, version: 2, superseded: false, fdaDay: day2, initialFdaDay: day1 };
    }
  }
}
