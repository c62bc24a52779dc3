/**
 * Typed entry points to the special functions the signal numerics use, all from @stdlib (Boost-derived
 * implementations, accurate to a few ulps over the ranges we call them on). One place to import them from,
 * so a change of library touches one file.
 */
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import stdlibTrigamma from '@stdlib/math-base-special-trigamma';

/** ln Γ(x) for x > 0. */
export const logGamma: (x: number) => number = stdlibGammaln;

/** ψ(x) = d/dx ln Γ(x). */
export const digamma: (x: number) => number = stdlibDigamma;

/** ψ'(x) = d²/dx² ln Γ(x). */
export const trigamma: (x: number) => number = stdlibTrigamma;
