/**
 * The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a) = 1 − P,
 * i.e. the Gamma(a, 1) CDF and survival function, to ~1e-13 relative in whichever of P and Q is the smaller
 * (the one a quantile in that tail depends on) for shapes 1e-3 ≤ a ≤ 1e7 and beyond: the worst over the
 * 884 points of workers/stats/reference/gamma_reference.json (mpmath) is 3.6e-13. The smaller tail is
 * computed directly, not as 1 − the other — except for 0.1 ≤ a ≤ 20 between the median and a + 1, where
 * Q > 0.02 is 1 − P (losing under 2 digits of 16).
 *
 * Methods, by region (the regions and the expansion are those of DiDonato & Morris 1986, ACM TOMS 12:377,
 * as Boost.Math's gamma_incomplete_imp chooses them for double precision):
 * - a > 20 and x near a (|x − a|/a < 0.4 for a ≤ 200, a·((x − a)/a)² < 20 above): Temme's uniform
 *   asymptotic expansion (Temme 1979, SIAM J. Math. Anal. 10:757; DLMF 8.12.3–8.12.4)
 *     Q = ½·erfc(√(a·φ)) + e^(−a·φ)/√(2πa)·Σ_k C_k(η)·a^(−k),   P = ½·erfc(√(a·φ)) − (the same sum)
 *   for x ≥ a and x < a respectively, with φ = λ − 1 − ln λ, λ = x/a, η = sign(λ − 1)·√(2φ). C_k are
 *   DiDonato & Morris's polynomials in η (k ≤ 9, as Boost's igamma_temme_large tabulates them for 53 bits),
 *   and erfc(t) = Q(½, t²) by the series and continued fraction below. O(1) work where the classic
 *   expansions need O(√a) terms.
 * - elsewhere, x < a + 1: the series γ(a, x) = x^a·e^(−x)·Σ_k x^k / (a·(a+1)···(a+k)) (A&S 6.5.29) for P;
 *   for a < 0.1, where Q is the smaller tail almost everywhere, Q by DiDonato & Morris's small-shape form
 *   (`smallShapeUpper`).
 * - elsewhere, x ≥ a + 1: the continued fraction Γ(a, x) = x^a·e^(−x)/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …))
 *   (A&S 6.5.31) by the modified Lentz method for Q.
 *   Both multiply by the prefactor D = x^a·e^(−x)/Γ(a), which for large a must not be formed as
 *   exp(a·ln x − x − ln Γ(a)): that exponent is a difference of terms of size a·ln a, and its rounding error
 *   (~1e-16·a·ln a) becomes the prefactor's relative error — ~1e-12 at a = 1e3, 1e-9 at a = 1e6. For a ≥ 10
 *   it is D = √(a/2π)·exp(−a·φ(λ) − S(a)) instead (Temme 1979; DiDonato & Morris §2), with S(a) =
 *   ln Γ(a) − (a − ½)·ln a + a − ½·ln 2π from Stirling's series and a·φ without cancellation (below).
 *   Near x ≈ a both need O(√a) terms (up to ~5√a outside Temme's region: 15,000 at a = 1e7), so their
 *   term limit grows with √a.
 *
 * What was wrong before: this module fell back to @stdlib's gamma CDF for a > 400, on the belief that the
 * continued fraction was 2% off at a = 999. It was not — the series and continued fraction agree with
 * mpmath to 2e-13 there; @stdlib was the one 2.5% off. Its `gammainc` (a port of Boost) evaluates Q for
 * x > 1000 with a < x or |a − 50| < x by the large-x asymptotic sum Σ_k (a−1)(a−2)···(a−k)/x^k, and the
 * port starts the product at a instead of a − 1 (tgamma_i_large_x_series.js), so Q(a, x) for x > 1000 was
 * off, by up to ~3% where a ≈ x (the lower tail of a = 5000.5 by 3%, P(1001, 1001) = 0.49159 for 0.50420).
 *
 * The hot loop of the MGPS posterior quantiles calls `regularizedLowerGammaWithPrefactor` with a prefactor
 * it already holds (it is also the density term of its Householder steps). For a ≤ 400 that path is the
 * series or continued fraction with the given prefactor, as before; the caller forms the prefactor with
 * `gammaPrefactorWithLogGamma` (the cheap exp(a·ln x − x − ln Γ(a)) up to shape 100, where it loses
 * ~1e-13 at most, and the Stirling form above). Above 400 it computes P on its own (Temme's expansion near
 * x ≈ a: O(1) where the series needs O(√a) terms).
 */
import { logGamma } from './special-functions.js';

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_TERMS = 10_000;
/** Above this shape Temme's expansion is used near x ≈ a. */
const TEMME_MIN_SHAPE = 20;
/**
 * Up to this shape `regularizedLowerGammaWithPrefactor` sums the series or continued fraction with the
 * caller's prefactor (at most ~170 terms); above, it calls `regularizedGammaP`. (Temme's expansion is the
 * faster one only above ~400: it needs an erfc, itself a series or fraction.)
 */
const FAST_PATH_MAX_SHAPE = 400;
/**
 * From this shape on `gammaPrefactor` forms the prefactor from Stirling's series (whose 8 terms are exact
 * to 1e-18 here): below, exp(a·ln x − x − ln Γ(a)) is exact to ~5e-14 (its terms are below ~700 wherever
 * it does not underflow).
 */
const STIRLING_MIN_SHAPE = 10;
/**
 * Up to this shape `gammaPrefactorWithLogGamma` uses the caller's ln Γ(a): exp(a·ln x − x − ln Γ(a)) is
 * then exact to ~1e-13 (measured: 8e-14 at a = 100.5) and costs 20 ns against the Stirling form's 30 ns,
 * which counts in the posterior-quantile loop.
 */
export const LOG_GAMMA_PREFACTOR_MAX_SHAPE = 100;
const SQRT_PI = Math.sqrt(Math.PI);
const TWO_PI = 2 * Math.PI;

/** P(a, x), given ln Γ(a) (which is used only for a ≤ 100). */
export function regularizedLowerGamma(a: number, x: number, logGammaA: number): number {
  return regularizedLowerGammaWithPrefactor(a, x, gammaPrefactorWithLogGamma(a, x, logGammaA));
}

/**
 * P(a, x) given the prefactor x^a·e^(−x)/Γ(a) (`gammaPrefactorWithLogGamma`) — which is also x times the
 * gamma density at x, so a Newton step that needs both pays for it once. Used for a ≤ 400; above, P is
 * computed on its own (`regularizedGammaP`).
 */
export function regularizedLowerGammaWithPrefactor(a: number, x: number, prefactor: number): number {
  if (!(x > 0)) return x === 0 || x === -Infinity ? 0 : NaN;
  if (x === Infinity) return 1;
  if (a > FAST_PATH_MAX_SHAPE) return regularizedGammaP(a, x);
  if (x < a + 1) return lowerSeries(a, x, prefactor, MAX_TERMS);
  return 1 - upperFraction(a, x, prefactor, MAX_TERMS);
}

/**
 * x^a·e^(−x)/Γ(a) for callers that hold ln Γ(a) (hot loops over many x of one shape): from it up to shape
 * 100, from Stirling's series above (`gammaPrefactor`), where exp(a·ln x − x − ln Γ(a)) would lose
 * ~1e-16·a·ln a of relative accuracy.
 */
export function gammaPrefactorWithLogGamma(a: number, x: number, logGammaA: number): number {
  if (a <= LOG_GAMMA_PREFACTOR_MAX_SHAPE) return Math.exp(a * Math.log(x) - x - logGammaA);
  return gammaPrefactor(a, x);
}

/** P(a, x) = γ(a, x)/Γ(a) for a > 0: the Gamma(a, 1) CDF. */
export function regularizedGammaP(a: number, x: number): number {
  return incompleteGammaRatio(a, x, false);
}

/** Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x) for a > 0, computed directly where it is the smaller. */
export function regularizedGammaQ(a: number, x: number): number {
  return incompleteGammaRatio(a, x, true);
}

/**
 * x^a·e^(−x)/Γ(a) (= x times the Gamma(a, 1) density at x), to a few ulps of its exponent for every shape.
 */
export function gammaPrefactor(a: number, x: number): number {
  if (!(x > 0)) return x === 0 ? 0 : NaN;
  if (a < STIRLING_MIN_SHAPE) {
    // e^(−x) apart while it does not underflow: a large exponent −x + (…) would round to ~x·1e-16 absolute.
    const rest = a * Math.log(x) - logGamma(a);
    return x < 700 ? Math.exp(-x) * Math.exp(rest) : Math.exp(rest - x);
  }
  return Math.sqrt(a / TWO_PI) * Math.exp(-aTimesPhi(a, x) - stirlingCorrection(a));
}

function incompleteGammaRatio(a: number, x: number, upper: boolean): number {
  if (!(a > 0 && a < Infinity) || Number.isNaN(x)) return NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  if (a > TEMME_MIN_SHAPE) {
    const sigma = (x - a) / a;
    if (a > 200 ? a * sigma * sigma < 20 : Math.abs(sigma) < 0.4) {
      // Temme's expansion gives the smaller tail: P below a, Q from a on.
      const tail = temmeSmallerTail(a, x);
      return (x < a) === upper ? 1 - tail : tail;
    }
  }
  // Series and continued fraction converge in O(√a) terms near x ≈ a (at most ~5√a outside Temme's region).
  const maxTerms = MAX_TERMS + 20 * Math.sqrt(a);
  if (x < a + 1) {
    // For tiny shapes Q is the smaller tail almost everywhere below a + 1 (the median of Gamma(0.001) is
    // ~1e-301) and 1 − P would lose up to 4 digits of it.
    if (upper && a < SMALL_SHAPE) return smallShapeUpper(a, x);
    const p = lowerSeries(a, x, gammaPrefactor(a, x), maxTerms);
    return upper ? 1 - p : p;
  }
  const q = upperFraction(a, x, gammaPrefactor(a, x), maxTerms);
  return upper ? q : 1 - q;
}

/**
 * Q(a, x) for a < 0.1 and x < a + 1, without forming 1 − P (DiDonato & Morris 1986 §3, Boost's
 * tgamma_small_upper_part): from γ(a, x) = x^a·Σ_n (−x)^n / (n!·(a + n)),
 *   Q = 1 − x^a/Γ(a + 1) + (x^a/Γ(a))·Σ_{n≥1} (−1)^(n+1)·x^n / (n!·(a + n)),
 * the first two terms as −expm1(a·ln x − ln Γ(1 + a)) with ln Γ(1 + a) from its Taylor series (both
 * nearly cancel, and ln Γ(1 + a) must be right to ~1e-19 absolute, which ln Γ of the rounded 1 + a is not).
 */
function smallShapeUpper(a: number, x: number): number {
  const logLeading = a * Math.log(x) - logGamma1pSmall(a); // ln(x^a/Γ(a + 1))
  let power = x;
  let sum = 0;
  for (let n = 1; n < 100; n++) {
    const term = power / (a + n);
    sum += n % 2 === 1 ? term : -term;
    if (term < 1e-17 * Math.abs(sum)) break;
    power *= x / (n + 1);
  }
  return -Math.expm1(logLeading) + Math.exp(logLeading) * a * sum;
}

const SMALL_SHAPE = 0.1;
const EULER_GAMMA = 0.5772156649015329;
/** ζ(k)/k for k = 2..18 (mpmath, 30 digits, rounded). */
const ZETA_OVER_K = [
  0.8224670334241132, 0.40068563438653143, 0.27058080842778454, 0.20738555102867398, 0.1695571769974082, 0.1440498967688461, 0.12550966952474304,
  0.11133426586956469, 0.1000994575127818, 0.09095401714582904, 0.083353840546109, 0.0769325164113522, 0.07143294629536133, 0.06666870588242046,
  0.06250095514121304, 0.058823978658684585, 0.055555767627403614,
];

/** ln Γ(1 + a) = −γ·a + Σ_{k≥2} (−1)^k·ζ(k)/k·a^k (A&S 6.1.33) for 0 ≤ a < 0.1 (terms to a^18: < 1e-19). */
function logGamma1pSmall(a: number): number {
  let value = 0;
  for (let k = ZETA_OVER_K.length - 1; k >= 0; k--) value = (k % 2 === 0 ? ZETA_OVER_K[k]! : -ZETA_OVER_K[k]!) + a * value;
  return a * (-EULER_GAMMA + a * value);
}

/** γ(a, x)/Γ(a) by its power series (A&S 6.5.29), for x < a + 1. */
function lowerSeries(a: number, x: number, prefactor: number, maxTerms: number): number {
  let term = 1 / a;
  let sum = term;
  for (let k = 1; k < maxTerms; k++) {
    term *= x / (a + k);
    sum += term;
    if (term < sum * EPSILON) break;
  }
  return sum * prefactor;
}

/** Γ(a, x)/Γ(a) by the continued fraction (A&S 6.5.31), modified Lentz, for x ≥ a + 1. */
function upperFraction(a: number, x: number, prefactor: number, maxTerms: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let k = 1; k < maxTerms; k++) {
    const an = -k * (k - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return prefactor * fraction;
}

/**
 * a·φ(x/a) with φ(λ) = λ − 1 − ln λ ≥ 0, without the cancellation of λ − 1 against ln λ near λ = 1:
 * with y = (x − a)/(x + a), ln λ = 2·atanh(y) and λ − 1 = 2y/(1 − y), so
 *   a·φ = (x − a)²/(x + a) − 2a·y³·(1/3 + y²/5 + y⁴/7 + …),
 * a sum without cancellation, used for |y| < 1/3 (λ between ½ and 2; 17 terms at most). Elsewhere φ ≥ 0.19
 * and the direct form loses nothing.
 */
function aTimesPhi(a: number, x: number): number {
  const difference = x - a;
  const y = difference / (x + a);
  if (Math.abs(y) >= 1 / 3) return difference - a * Math.log(x / a);
  const y2 = y * y;
  let power = 1;
  let series = 0;
  for (let j = 0; j < ODD_RECIPROCALS.length; j++) {
    const term = power * ODD_RECIPROCALS[j]!;
    series += term;
    if (term < 1e-17 * series) break;
    power *= y2;
  }
  return (difference * difference) / (x + a) - 2 * a * y * y2 * series;
}

/** 1/3, 1/5, …, 1/39: (1/9)^18/39 < 1e-19. */
const ODD_RECIPROCALS = Array.from({ length: 19 }, (_, j) => 1 / (2 * j + 3));

/**
 * S(a) = ln Γ(a) − (a − ½)·ln a + a − ½·ln(2π) by Stirling's series Σ B_2k / (2k(2k − 1)·a^(2k−1)), k ≤ 8:
 * the first term left out is below 2e-18 for a ≥ 10.
 */
function stirlingCorrection(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

/**
 * Temme's expansion: P(a, x) for x < a, Q(a, x) for x ≥ a. C_k(η) = Σ_n d_kn·η^n with DiDonato & Morris's
 * (1986) coefficients d_kn, truncated as Boost.Math truncates them for 53-bit precision in the region
 * where it (and this module) uses the expansion (igamma_large.hpp, igamma_temme_large for 53 bits).
 */
function temmeSmallerTail(a: number, x: number): number {
  const y = aTimesPhi(a, x);
  let z = Math.sqrt((2 * y) / a); // η
  if (x < a) z = -z;
  const c0 = poly(z, C0);
  const c1 = poly(z, C1);
  const c2 = poly(z, C2);
  const c3 = poly(z, C3);
  const c4 = poly(z, C4);
  const c5 = poly(z, C5);
  const c6 = poly(z, C6);
  const c7 = poly(z, C7);
  const c8 = poly(z, C8);
  const c9 = -0.00059676129019274625;
  const r = 1 / a;
  const sum = c0 + r * (c1 + r * (c2 + r * (c3 + r * (c4 + r * (c5 + r * (c6 + r * (c7 + r * (c8 + r * c9))))))));
  let correction = (sum * Math.exp(-y)) / Math.sqrt(TWO_PI * a);
  if (x < a) correction = -correction;
  return 0.5 * erfc(Math.sqrt(y)) + correction;
}

/** erfc(t) for t ≥ 0, as Q(½, t²) = Γ(½, t²)/√π, by the same series and continued fraction. */
function erfc(t: number): number {
  const y = t * t;
  const prefactor = (t * Math.exp(-y)) / SQRT_PI; // y^½·e^(−y)/Γ(½)
  if (y < 1.5) return 1 - lowerSeries(0.5, y, prefactor, MAX_TERMS);
  return upperFraction(0.5, y, prefactor, MAX_TERMS);
}

/** Σ_n coefficients[n]·z^n by Horner's rule. */
function poly(z: number, coefficients: readonly number[]): number {
  let value = coefficients[coefficients.length - 1]!;
  for (let n = coefficients.length - 2; n >= 0; n--) value = value * z + coefficients[n]!;
  return value;
}

// DiDonato & Morris (1986) d_kn, k = 0..8 (d_90 is the constant above), as Boost.Math's igamma_large.hpp
// tabulates them for 53 bits; these digits are those of @stdlib's port (math-base-special-gammainc,
// polyval_c0–c8.js, Apache-2.0), the same doubles bit for bit.
const C0 = [
  -0.33333333333333333, 0.083333333333333333, -0.014814814814814815, 0.0011574074074074074, 0.0003527336860670194, -0.00017875514403292181,
  0.39192631785224378e-4, -0.21854485106799922e-5, -0.185406221071516e-5, 0.8296711340953086e-6, -0.17665952736826079e-6, 0.67078535434014986e-8,
  0.10261809784240308e-7, -0.43820360184533532e-8, 0.91476995822367902e-9,
];
const C1 = [
  -0.0018518518518518519, -0.0034722222222222222, 0.0026455026455026455, -0.00099022633744855967, 0.00020576131687242798, -0.40187757201646091e-6,
  -0.18098550334489978e-4, 0.76491609160811101e-5, -0.16120900894563446e-5, 0.46471278028074343e-8, 0.1378633446915721e-6, -0.5752545603517705e-7,
  0.11951628599778147e-7,
];
const C2 = [
  0.0041335978835978836, -0.0026813271604938272, 0.00077160493827160494, 0.20093878600823045e-5, -0.00010736653226365161, 0.52923448829120125e-4,
  -0.12760635188618728e-4, 0.34235787340961381e-7, 0.13721957309062933e-5, -0.6298992138380055e-6, 0.14280614206064242e-6,
];
const C3 = [
  0.00064943415637860082, 0.00022947209362139918, -0.00046918949439525571, 0.00026772063206283885, -0.75618016718839764e-4, -0.23965051138672967e-6,
  0.11082654115347302e-4, -0.56749528269915966e-5, 0.14230900732435884e-5,
];
const C4 = [
  -0.0008618882909167117, 0.00078403922172006663, -0.00029907248030319018, -0.14638452578843418e-5, 0.66414982154651222e-4, -0.39683650471794347e-4,
  0.11375726970678419e-4,
];
const C5 = [
  -0.00033679855336635815, -0.69728137583658578e-4, 0.00027727532449593921, -0.00019932570516188848, 0.67977804779372078e-4, 0.1419062920643967e-6,
  -0.13594048189768693e-4, 0.80184702563342015e-5, -0.22914811765080952e-5,
];
const C6 = [
  0.00053130793646399222, -0.00059216643735369388, 0.00027087820967180448, 0.79023532326603279e-6, -0.81539693675619688e-4, 0.56116827531062497e-4,
  -0.18329116582843376e-4,
];
const C7 = [0.00034436760689237767, 0.51717909082605922e-4, -0.00033493161081142236, 0.0002812695154763237, -0.00010976582244684731];
const C8 = [-0.00065262391859530942, 0.00083949872067208728, -0.00043829709854172101];
