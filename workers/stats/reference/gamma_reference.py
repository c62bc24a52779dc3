#!/usr/bin/env python3
"""Reference values for the gamma numerics in workers/stats (regularized-lower-gamma.ts,
gamma-distribution.ts, gamma-mixture-quantile.ts), computed independently with SciPy and checked with
mpmath at 40 significant digits.

    python3 workers/stats/reference/gamma_reference.py      (~15 s)

writes gamma_reference.json beside this script. Needs scipy and mpmath (Debian: apt-get install
python3-scipy python3-mpmath; pip: scipy mpmath).

Why mpmath as well: SciPy (cephes igam.c) is itself wrong in places the tests reach. Outside its
asymptotic region (|x − a| < 4.5·√a for a > 200) it sums the series for P in at most 2,000 terms
(MAXITER), which is too few for a ≳ 10^5 — at a = 10^7, x = a − 5√a its P is 3% low — and its
Lanczos-based prefactor loses ~1e-11 in the far tails of a ~ 5,000. So every value below is computed by
mpmath (P and Q each to 40 digits, neither as 1 − the other; quantiles and mixture quantiles by Newton's
method at 40 digits from SciPy's answer), and SciPy's own value is stored beside it (`scipy*` fields);
`scipyVsMpmath` records the worst relative difference between the two per table.

Contents (every number written with Python's shortest round-trip repr):
- `incompleteGamma`: P(a, x) and Q(a, x) (`p`, `q`; SciPy's gammainc / gammaincc as `scipyP`, `scipyQ`),
  for a in SHAPES and x around a (a + k·√a, a·r, and the hand-over points of our methods: x = a + 1,
  |x − a|/a = 0.4, a·((x − a)/a)² = 20) and in both far tails; points whose smaller tail is below the
  smallest normal double (2.2e-308) are left out.
- `quantiles`: the x with P(a, x) = p, for p in PROBABILITIES (SciPy: gammaincinv(a, p) for p ≤ 0.5,
  gammainccinv(a, 1 − p) above, 1 − p taken in double precision as our code takes it). 0 where the quantile
  underflows. Shapes: SHAPES and the IC shapes N + 0.5 for large N.
- `informationComponent`: qgamma(0.025 | 0.975, N + 0.5, 1) for large N, the exact IC limits before the
  −log2(E + 0.5) (disproportionality.ts).
- `mixtureQuantiles`: the x with w·G(x; s1, r1) + (1 − w)·G(x; s2, r2) = p (SciPy: brentq, xtol 1e-300,
  rtol 1e-15, on the lower tails for p ≤ 0.5 and the upper tails otherwise). Cases: the MGPS posterior of
  λ, EB05 and EB95, for pairs with large counts N (150–50,000) under the caers priors of
  workers/analysis/signals/reference/caers_prior.json, with Qn computed here in double precision from
  math.lgamma (DuMouchel 1999 eq. 6, untruncated negative binomials, as mgps-posterior.ts); and a few
  hand-made mixtures of large-shape gammas (including well-separated components).
"""

import json
import math
import os
import sys

import scipy
from scipy.optimize import brentq
from scipy.special import gammainc, gammaincc, gammaincinv, gammainccinv

import mpmath

HERE = os.path.dirname(os.path.abspath(__file__))

SHAPES = [1e-3, 0.5, 1, 2.5, 10, 20.5, 100.5, 200.5, 400.5, 401, 999, 1001, 5000.5, 1e5, 1e6 + 0.5, 1e7 + 0.5]
PROBABILITIES = [1e-6, 0.025, 0.05, 0.5, 0.95, 0.975, 1 - 1e-6]
# Counts N of the IC limits (shape N + 0.5) and of the MGPS posteriors; caers reaches only N = 54.
LARGE_COUNTS = [1000, 2000, 5000, 20000, 50000]
MIXTURE_COUNTS = [150, 400, 1000, 2000, 5000, 20000, 50000]

# Offsets k in x = a + k·√a; ±4.47 ≈ ±√20 is where Temme's expansion hands over for a > 200.
SIGMAS = [-40, -30, -20, -12, -8, -5, -4.5, -4.4, -3, -2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2, 3, 4.4, 4.5, 5, 8, 12, 20,
          30, 40]
# Ratios x/a; 0.6 and 1.4 are the other hand-over (|x − a|/a = 0.4 for 20 < a ≤ 200).
RATIOS = [1e-3, 0.01, 0.1, 0.3, 0.5, 0.59, 0.6, 0.61, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 1.001, 1.01, 1.05, 1.1, 1.2,
          1.3, 1.39, 1.4, 1.41, 1.5, 2, 3, 5, 10, 100]
ABSOLUTE = [1e-300, 1e-200, 1e-100, 1e-30, 1e-10, 1e-5, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.9, 1, 1.1, 1.5, 2, 3, 5, 10, 20, 50,
            100, 300, 600, 700]
SMALLEST_NORMAL = 2.2250738585072014e-308


def grid_points(a):
    points = set()
    for k in SIGMAS:
        points.add(a + k * math.sqrt(a))
    for r in RATIOS:
        points.add(a * r)
    for x in ABSOLUTE:
        points.add(x)
    for dx in (-0.01, 0, 0.01):  # the series / continued-fraction hand-over at x = a + 1
        points.add(a + 1 + dx)
    return sorted(x for x in points if x > 0 and math.isfinite(x))


def mp_tails(a, x, hint=None):
    """(P(a, x), Q(a, x)) by mpmath, each to 40 significant digits (neither taken as 1 − the other where that
    would lose them). mpmath's own gammainc gives up for large a with x ≈ a; there
    P = x^a·e^(−x)/Γ(a + 1)·1F1(1; a + 1; x) (a sum of positive terms) and Q = 1 − P at enough digits to keep
    40 of Q, the number of digits chosen from `hint` (SciPy's Q, right in order of magnitude)."""
    with mpmath.workdps(40):
        am, xm = mpmath.mpf(a), mpmath.mpf(x)
        try:
            return (mpmath.gammainc(am, 0, xm, regularized=True), mpmath.gammainc(am, xm, mpmath.inf, regularized=True))
        except mpmath.libmp.NoConvergence:
            pass
    if hint is None:
        hint = float(gammaincc(float(a), float(x)))
    digits = 40 + (max(0, int(-math.log10(hint))) if hint > 0 else 400)
    with mpmath.workdps(digits):
        am, xm = mpmath.mpf(a), mpmath.mpf(x)
        lower = mpmath.exp(am * mpmath.log(xm) - xm - mpmath.loggamma(am + 1)) * mpmath.hyp1f1(1, am + 1, xm, maxterms=10**8)
        return (+lower, 1 - lower)


def mp_density(a, x):
    """x^(a−1)·e^(−x)/Γ(a), the Gamma(a, 1) density, at 40 digits."""
    with mpmath.workdps(40):
        am, xm = mpmath.mpf(a), mpmath.mpf(x)
        return mpmath.exp((am - 1) * mpmath.log(xm) - xm - mpmath.loggamma(am))


def mp_root(tail_excess, slope, x0):
    """Newton's method at 40 digits on tail_excess(x) (increasing in x with derivative slope(x)), from x0."""
    x = mpmath.mpf(x0)
    for _ in range(100):
        with mpmath.workdps(40):
            step = tail_excess(x) / slope(x)
            step = max(min(step, x / 2), -x)  # stay positive
            x = x - step
            if abs(step) < x * mpmath.mpf(10) ** -30:
                return x
    raise RuntimeError(f'Newton did not converge from {x0}')


def incomplete_gamma_table():
    rows = []
    for a in SHAPES:
        for x in grid_points(a):
            scipy_p = float(gammainc(a, x))
            scipy_q = float(gammaincc(a, x))
            if min(scipy_p, scipy_q) < 1e-320:  # far beyond underflow (SciPy is right to orders of magnitude)
                continue
            p, q = (float(v) for v in mp_tails(a, x, scipy_q))
            smaller = min(p, q)
            if smaller < SMALLEST_NORMAL:  # underflows (or is subnormal): nothing to compare relatively
                continue
            rows.append({'a': a, 'x': x, 'p': p, 'q': q, 'scipyP': scipy_p, 'scipyQ': scipy_q})
    return rows


def quantile(a, p):
    """The x with P(a, x) = p, by mpmath from SciPy's value, and SciPy's value."""
    lower = p <= 0.5
    target = p if lower else 1.0 - p  # 1 − p in double precision, as our code takes it
    scipy_x = float(gammaincinv(a, p)) if lower else float(gammainccinv(a, target))
    if scipy_x == 0:
        # Underflow: for small x, P(a, x) ≈ x^a/Γ(a + 1), so ln x ≈ (ln p + ln Γ(a + 1))/a.
        log_x = (math.log(p) + math.lgamma(a + 1)) / a
        if log_x < -745:
            return 0.0, scipy_x
        scipy_x = math.exp(log_x)
    sign = 1 if lower else -1
    t = mpmath.mpf(target)
    x = mp_root(lambda x: sign * (mp_tails(a, x)[0 if lower else 1] - t), lambda x: mp_density(a, x), scipy_x)
    return float(x), scipy_x


def quantile_table():
    rows = []
    for a in SHAPES + [n + 0.5 for n in LARGE_COUNTS if n + 0.5 not in SHAPES]:
        for p in PROBABILITIES:
            x, scipy_x = quantile(a, p)
            rows.append({'a': a, 'p': p, 'x': x, 'scipy': scipy_x})
    return rows


def information_component_table():
    rows = []
    for n in LARGE_COUNTS:
        lower, scipy_lower = quantile(n + 0.5, 0.025)
        upper, scipy_upper = quantile(n + 0.5, 0.975)
        rows.append({'n': n, 'shape': n + 0.5, 'lower': lower, 'upper': upper, 'scipyLower': scipy_lower,
                     'scipyUpper': scipy_upper})
    return rows


def scipy_mixture_quantile(p, w, s1, r1, s2, r2):
    """The root of w·G1(x) + (1 − w)·G2(x) = p by brentq, on the lower tails for p ≤ 0.5, the upper otherwise."""
    if p <= 0.5:
        def f(x):
            return w * gammainc(s1, r1 * x) + (1 - w) * gammainc(s2, r2 * x) - p
    else:
        q = 1.0 - p

        def f(x):
            return q - (w * gammaincc(s1, r1 * x) + (1 - w) * gammaincc(s2, r2 * x))
    mean = w * s1 / r1 + (1 - w) * s2 / r2
    lo, hi = mean, mean
    while f(lo) > 0:
        lo /= 2
    while f(hi) < 0:
        hi *= 2
    return float(brentq(f, lo, hi, xtol=1e-300, rtol=1e-15, maxiter=1000))


def mixture_quantile(p, w, s1, r1, s2, r2):
    """The same root by mpmath (Newton from SciPy's root), and SciPy's root."""
    scipy_x = scipy_mixture_quantile(p, w, s1, r1, s2, r2)
    lower = p <= 0.5
    t = mpmath.mpf(p if lower else 1.0 - p)
    wm = mpmath.mpf(w)

    def tails(shape, x):
        # A component far out in its tail (below 1e-50: negligible beside p ≥ 1e-6) is left to SciPy; mpmath
        # takes minutes there for the large shapes.
        scipy_p, scipy_q = float(gammainc(shape, float(x))), float(gammaincc(shape, float(x)))
        if min(scipy_p, scipy_q) < 1e-50:
            return mpmath.mpf(scipy_p), mpmath.mpf(scipy_q)
        return mp_tails(shape, x, scipy_q)

    def excess(x):
        tails1 = tails(s1, r1 * x)
        tails2 = tails(s2, r2 * x)
        if lower:
            return wm * tails1[0] + (1 - wm) * tails2[0] - t
        return t - (wm * tails1[1] + (1 - wm) * tails2[1])

    def slope(x):
        return wm * r1 * mp_density(s1, r1 * x) + (1 - wm) * r2 * mp_density(s2, r2 * x)

    return float(mp_root(excess, slope, scipy_x)), scipy_x


def mgps_weight(prior, n, e):
    """Qn of mgps-posterior.ts: P·f1(N) / (P·f1(N) + (1 − P)·f2(N)), f the (untruncated) negative binomials."""
    a1, b1, a2, b2, pr = prior['alpha1'], prior['beta1'], prior['alpha2'], prior['beta2'], prior['p']
    log1 = math.log(pr) + a1 * math.log(b1) + math.lgamma(a1 + n) - math.lgamma(a1) - (a1 + n) * math.log(b1 + e)
    log2 = math.log1p(-pr) + a2 * math.log(b2) + math.lgamma(a2 + n) - math.lgamma(a2) - (a2 + n) * math.log(b2 + e)
    return 1 / (1 + math.exp(log2 - log1))


def mixture_table():
    with open(os.path.join(HERE, '..', '..', 'analysis', 'signals', 'reference', 'caers_prior.json')) as f:
        priors = json.load(f)
    rows = []
    for prior_name in ('unstratified', 'stratifiedBySex'):
        prior = {k: priors[prior_name][k] for k in ('alpha1', 'beta1', 'alpha2', 'beta2', 'p')}
        for n in MIXTURE_COUNTS:
            # E: a strong signal (N/E = 50), N/E = 5, no signal, and fewer reports than expected.
            for e in (n / 50, n / 5, float(n), 3.0 * n):
                w = mgps_weight(prior, n, e)
                s1, r1 = prior['alpha1'] + n, prior['beta1'] + e
                s2, r2 = prior['alpha2'] + n, prior['beta2'] + e
                for p in (0.05, 0.95):
                    x, scipy_x = mixture_quantile(p, w, s1, r1, s2, r2)
                    rows.append({'case': f'mgps {prior_name}', 'prior': prior, 'n': n, 'e': e, 'p': p, 'weight1': w,
                                 'shape1': s1, 'rate1': r1, 'shape2': s2, 'rate2': r2, 'x': x, 'scipy': scipy_x})
    tails = (1e-6, 0.05, 0.5, 0.95, 1 - 1e-6)
    hand_made = [
        (0.3, 3000, 2900, 2000, 1000, tails),  # two well-separated modes, near 1.03 and 2
        (0.5, 1e5 + 0.2, 1e5, 1e5 + 1.4, 1.01e5, tails),  # nearly the same gamma
        # gamma-mixture-quantile.test.ts's own case. Not at 1 − 1e-6: there 1 − p (9.99999999917733e-7 in
        # double) nearly cancels against w·Q1 ≈ 1e-6, so the root moves by ~1e-9 with the last bit of p.
        (1e-6, 150, 2.2, 148, 7.6, (1e-6, 0.05, 0.5, 0.95)),
        (0.9, 5e6 + 0.5, 5e6, 4e4 + 1.4, 3e4, tails),  # a very narrow and a wider component
    ]
    for w, s1, r1, s2, r2, probabilities in hand_made:
        for p in probabilities:
            x, scipy_x = mixture_quantile(p, w, s1, r1, s2, r2)
            rows.append({'case': 'hand-made', 'p': p, 'weight1': w, 'shape1': s1, 'rate1': r1, 'shape2': s2,
                         'rate2': r2, 'x': x, 'scipy': scipy_x})
    return rows


def worst_scipy(rows):
    """Worst relative difference of SciPy from mpmath: in the smaller tail, or in the quantile."""
    worst = {'relative': 0.0}
    for row in rows:
        if 'scipyP' in row:
            exact, ours = (row['p'], row['scipyP']) if row['p'] <= row['q'] else (row['q'], row['scipyQ'])
        else:
            exact, ours = row['x'], row['scipy']
        relative = abs(ours - exact) / exact if exact > 0 else 0.0
        if relative > worst['relative']:
            worst = {'relative': relative, **{k: row[k] for k in ('a', 'x', 'p', 'weight1', 'shape1') if k in row}}
    return worst


def main():
    out = {
        'source': 'python3 workers/stats/reference/gamma_reference.py',
        'python': sys.version.split()[0],
        'scipy': scipy.__version__,
        'mpmath': mpmath.__version__,
        'incompleteGamma': incomplete_gamma_table(),
        'quantiles': quantile_table(),
        'informationComponent': information_component_table(),
        'mixtureQuantiles': mixture_table(),
    }
    out['scipyVsMpmath'] = {key: worst_scipy(out[key]) for key in ('incompleteGamma', 'quantiles', 'mixtureQuantiles')}
    path = os.path.join(HERE, 'gamma_reference.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=0)
        f.write('\n')
    print(f'wrote {path}: {len(out["incompleteGamma"])} P/Q points, {len(out["quantiles"])} quantiles, '
          f'{len(out["mixtureQuantiles"])} mixture quantiles')
    for key, worst in out['scipyVsMpmath'].items():
        print(f'{key}: SciPy vs mpmath, worst relative difference {worst}')


if __name__ == '__main__':
    main()
