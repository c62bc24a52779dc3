#!/usr/bin/env python3
"""Reference values for workers/stats/genetics: exact rationals (HWE, Fisher) and scipy, written to
exact_tests.json. Run: python3 exact_tests.py > exact_tests.json (numpy, scipy)."""
import json
import math
import random
from fractions import Fraction

import numpy as np
from scipy import stats

TIE = Fraction(1, 10**7)
f = math.factorial


def hwe(hets, hom1, hom2, midp=False):
    n = hets + hom1 + hom2
    if n == 0:
        return 0.5 if midp else 1.0
    n_a, n_b = 2 * hom1 + hets, 2 * hom2 + hets
    prob = lambda h: Fraction(2**h * f(n_a) * f(n_b), f((n_a - h) // 2) * f(h) * f((n_b - h) // 2))
    obs = prob(hets)
    total = tail = ties = Fraction(0)
    for h in range(n_a % 2, min(n_a, n_b) + 1, 2):
        p = prob(h)
        total += p
        if p <= obs * (1 + TIE):
            tail += p
            if p >= obs * (1 - TIE):
                ties += p
    return float((tail - ties / 2 if midp else tail) / total)


def fisher_exact_rational(a, b, c, d):
    r1, c1, n = a + b, a + c, a + b + c + d
    prob = lambda x: Fraction(f(r1) * f(n - r1) * f(c1) * f(n - c1), f(x) * f(r1 - x) * f(c1 - x) * f(n - r1 - c1 + x) * f(n))
    obs = prob(a)
    lo, hi = max(0, r1 + c1 - n), min(r1, c1)
    return float(sum((p for p in (prob(x) for x in range(lo, hi + 1)) if p <= obs * (1 + TIE)), Fraction(0)))


random.seed(8)
hwe_cases = [(0, 0, 0), (0, 10, 0), (1, 0, 0), (0, 1, 1), (2, 0, 0), (57, 14, 50), (5, 100, 0), (0, 50, 50),
             (20, 14, 9), (100, 200, 25), (1000, 800, 700), (3, 2498, 3), (0, 1250, 1254), (1254, 625, 625),
             (40, 2400, 64), (600, 1500, 404)]
hwe_cases += [(random.randint(0, 200), random.randint(0, 300), random.randint(0, 50)) for _ in range(30)]
fisher_cases = [(0, 0, 0, 0), (3, 1, 1, 3), (1, 3, 3, 1), (2, 2, 2, 2), (0, 5, 5, 0), (10, 0, 0, 10), (0, 10, 0, 10),
                (1, 5007, 0, 5008), (12, 4996, 3, 5005), (2500, 2508, 2000, 3008), (400, 10, 10, 400),
                (2000, 0, 0, 2000), (5, 995, 40, 960), (7, 93, 2, 98)]
fisher_cases += [tuple(random.randint(0, 60) for _ in range(4)) for _ in range(30)]
trend_cases = [((10, 20, 5), (30, 15, 2)), ((0, 0, 48), (0, 0, 50)), ((100, 0, 0), (0, 0, 100)),
               ((1200, 50, 2), (1230, 20, 2)), ((2, 1, 1), (0, 1, 0))]
trend_cases += [(tuple(random.randint(0, 80) for _ in range(3)), tuple(random.randint(0, 80) for _ in range(3))) for _ in range(20)]


def trend(cases, controls):
    y = np.repeat([1.0, 1.0, 1.0, 0.0, 0.0, 0.0], list(cases) + list(controls))
    s = np.repeat([0.0, 1.0, 2.0, 0.0, 1.0, 2.0], list(cases) + list(controls))
    if len(y) == 0 or y.min() == y.max() or s.min() == s.max():
        return None
    r = np.corrcoef(y, s)[0, 1]
    return len(y) * r * r


def chi(a, b, c, d):
    if (a + b) * (c + d) * (a + c) * (b + d) == 0:
        return None
    x, p = stats.chi2_contingency([[a, b], [c, d]], correction=False)[:2]
    return [float(x), float(p)]


out = {
    'hwe': [{'hets': h, 'homRef': r, 'homAlt': a, 'p': hwe(h, r, a), 'midP': hwe(h, r, a, True)} for h, r, a in hwe_cases],
    'fisher': [{'table': list(t), 'p': fisher_exact_rational(*t), 'scipy': float(stats.fisher_exact([[t[0], t[1]], [t[2], t[3]]])[1])} for t in fisher_cases],
    'chiSquare': [{'table': list(t), 'chisqP': chi(*t)} for t in fisher_cases],
    'trend': [{'cases': list(a), 'controls': list(b), 'chisq': trend(a, b)} for a, b in trend_cases],
}
print(json.dumps(out, indent=1))
