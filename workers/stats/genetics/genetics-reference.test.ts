import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fisherExactP } from './fisher-exact.js';
import { hardyWeinbergExactP } from './hardy-weinberg.js';
import { expectedMinusLog10P, genomicInflation } from './qq-expected.js';
import { trendChiSquare } from './trend-test.js';
import { allelicChiSquare, chiSquare1P, intervalZ, oddsRatio, woolfLimit } from './two-by-two.js';

/** reference/exact_tests.py: exact rationals for HWE and Fisher, scipy for χ², numpy for the trend test. */
const reference = JSON.parse(readFileSync(new URL('./reference/exact_tests.json', import.meta.url), 'utf8')) as {
  hwe: { hets: number; homRef: number; homAlt: number; p: number; midP: number }[];
  fisher: { table: [number, number, number, number]; p: number; scipy: number }[];
  chiSquare: { table: [number, number, number, number]; chisqP: [number, number] | null }[];
  trend: { cases: [number, number, number]; controls: [number, number, number]; chisq: number | null }[];
};

/** Relative difference, with values below 1e-300 (underflowing in one of the two) taken as equal to 0. */
function expectClose(actual: number, expected: number, relative = 1e-10): void {
  if (Math.abs(expected) < 1e-300) {
    expect(Math.abs(actual)).toBeLessThan(1e-290);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(relative);
}

describe('Hardy–Weinberg exact test', () => {
  it.each(reference.hwe)('hets $hets, hom $homRef/$homAlt equals the exact enumeration', ({ hets, homRef, homAlt, p, midP }) => {
    expectClose(hardyWeinbergExactP(hets, homRef, homAlt), p);
    expectClose(hardyWeinbergExactP(hets, homRef, homAlt, true), midP);
  });

  it('does not depend on which allele is called ALT', () => {
    expect(hardyWeinbergExactP(100, 200, 25)).toBe(hardyWeinbergExactP(100, 25, 200));
  });
});

describe('Fisher exact test', () => {
  it.each(reference.fisher)('$table equals the exact enumeration and scipy', ({ table, p, scipy }) => {
    const [a, b, c, d] = table;
    expectClose(fisherExactP(a, b, c, d), p);
    expectClose(fisherExactP(a, b, c, d), scipy, 1e-9);
  });

  it('is symmetric in rows and columns', () => {
    expect(fisherExactP(5, 995, 40, 960)).toBeCloseTo(fisherExactP(40, 960, 5, 995), 15);
    expect(fisherExactP(5, 995, 40, 960)).toBeCloseTo(fisherExactP(5, 40, 995, 960), 15);
  });
});

describe('allelic χ² and odds ratio', () => {
  it.each(reference.chiSquare)('$table equals scipy chi2_contingency(correction=False)', ({ table, chisqP }) => {
    const [a, b, c, d] = table;
    const chisq = allelicChiSquare(a, b, c, d);
    if (chisqP === null) {
      expect(chisq).toBeNaN();
      return;
    }
    expectClose(chisq, chisqP[0]);
    expectClose(chiSquare1P(chisq), chisqP[1]);
  });

  it('Woolf interval: exp(ln OR ± 1.96·SE); zero cells give no interval, a zero numerator an OR of 0', () => {
    const z = intervalZ(0.95);
    expect(z).toBeCloseTo(1.959963984540054, 14);
    const se = Math.sqrt(1 / 12 + 1 / 4996 + 1 / 3 + 1 / 5005);
    expect(woolfLimit(12, 4996, 3, 5005, z, -1)).toBeCloseTo(((12 * 5005) / (4996 * 3)) * Math.exp(-z * se), 12);
    expect(woolfLimit(0, 4, 1, 1, z, 1)).toBeNaN();
    expect(oddsRatio(0, 4, 1, 1)).toBe(0);
    expect(oddsRatio(3, 1, 0, 0)).toBeNaN();
    expect(oddsRatio(3, 0, 1, 1)).toBeNaN();
  });
});

describe('Cochran–Armitage trend test', () => {
  it.each(reference.trend)('$cases vs $controls equals T·r² (numpy)', ({ cases, controls, chisq }) => {
    const value = trendChiSquare(cases[0], cases[1], cases[2], controls[0], controls[1], controls[2]);
    if (chisq === null) expect(value).toBeNaN();
    else expectClose(value, chisq);
  });
});

describe('QQ plot helpers', () => {
  it('expected −log10 p at (i − 0.5)/n and λ from the median χ²', () => {
    expect(expectedMinusLog10P(1, 10)).toBeCloseTo(-Math.log10(0.05), 15);
    expect(genomicInflation(Float64Array.of(NaN, 0.454936423119572, 0.1, 5))).toBeCloseTo(1, 12);
  });
});
