import { beforeAll, describe, expect, it } from 'vitest';
import { computeDisproportionality, type Disproportionality } from './disproportionality.js';
import { loadCaersScreen, type CaersScreen } from './reference/caers-fixture.js';
import { compareColumns } from './reference/compare.js';

/** One 2×2 table (a, b, c, d) as the column arrays the function takes. */
function table(a: number, b: number, c: number, d: number): Disproportionality {
  const total = a + b + c + d;
  return computeDisproportionality({
    n: Float64Array.of(a),
    nDrug: Float64Array.of(a + b),
    nEvent: Float64Array.of(a + c),
    nTotal: Float64Array.of(total),
    e: Float64Array.of(((a + b) * (a + c)) / total),
  });
}

function expectRelative(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('computeDisproportionality, hand-computed tables', () => {
  it('a = 10, b = 90, c = 20, d = 880 (N = 1,000)', () => {
    const m = table(10, 90, 20, 880);
    // PRR = (10/100) / (20/900) = 0.1 / 0.0222… = 4.5
    expectRelative(m.prr[0]!, 4.5);
    // SE(ln PRR) = √(1/10 − 1/100 + 1/20 − 1/900) = √0.1388889 = 0.3726780; 4.5·e^(∓1.96·0.3726780)
    expectRelative(m.prrLo[0]!, 2.1676172528999116);
    expectRelative(m.prrHi[0]!, 9.342055186592036);
    // Yates: ad − bc = 8,800 − 1,800 = 7,000; 1,000·(7,000 − 500)² / (100·900·30·970) = 4.225e10 / 2.619e9
    expectRelative(m.chisq[0]!, 16.132111492936236);
    // R 4.2: chisq.test(matrix(c(10, 20, 90, 880), 2), correct = TRUE)$p.value = 5.9073877827803972e-05
    expectRelative(m.chisqP[0]!, 5.9073877827803972e-05, 1e-12);
    // ROR = (10·880)/(90·20) = 8,800/1,800 = 4.8888…; SE = √(1/10 + 1/90 + 1/20 + 1/880) = 0.4027995
    expectRelative(m.ror[0]!, 4.888888888888889);
    expectRelative(m.rorLo[0]!, 2.2199350644989457);
    expectRelative(m.rorHi[0]!, 10.766636803989538);
    expect(m.rorCorrected[0]).toBe(0);
    // E = 100·30/1,000 = 3; IC = log2(10.5/3.5) = log2 3
    expectRelative(m.ic[0]!, Math.log2(3));
    // R 4.2: log2(qgamma(c(0.025, 0.975), 10.5, 3.5)) = 0.55482005480887564, 2.34153347359265052
    expectRelative(m.ic025[0]!, 0.55482005480887564, 1e-12);
    expectRelative(m.ic975[0]!, 2.34153347359265052, 1e-12);
  });

  it('b = 0 (every report of the drug names the event): Haldane-corrected ROR, flagged; PRR uncorrected', () => {
    const m = table(3, 0, 7, 990);
    // PRR = (3/3)/(7/997) = 997/7; SE = √(1/3 − 1/3 + 1/7 − 1/997) = 0.3766353
    expectRelative(m.prr[0]!, 997 / 7);
    expectRelative(m.prrLo[0]!, 68.07673146573062);
    expectRelative(m.prrHi[0]!, 297.98578049234726);
    // ROR with 0.5 in every cell: (3.5·990.5)/(0.5·7.5) = 3,466.75/3.75 = 924.4666…; SE = √(1/3.5 + 1/0.5 + 1/7.5 + 1/990.5)
    expectRelative(m.ror[0]!, 924.4666666666667);
    expectRelative(m.rorLo[0]!, 43.82202363928935);
    expectRelative(m.rorHi[0]!, 19502.49091216175);
    expect(m.rorCorrected[0]).toBe(1);
    // ad − bc = 2,970; 1,000·(2,970 − 500)² / (3·997·10·990) = 6.1009e9 / 29,610,900 = 206.0356
    expectRelative(m.chisq[0]!, 206.03561526329833);
  });

  it('c = 0 (every report of the event names the drug): PRR = +∞ with the interval [0, +∞]', () => {
    const m = table(4, 16, 0, 980);
    expect(m.prr[0]).toBe(Infinity);
    expect(m.prrLo[0]).toBe(0);
    expect(m.prrHi[0]).toBe(Infinity);
    // ad − bc = 3,920; 1,000·3,420² / (20·980·4·996) = 1.16964e10 / 78,086,400 = 149.7879
    expectRelative(m.chisq[0]!, 149.78792721908042);
    // ROR (4.5·980.5)/(16.5·0.5) = 4,412.25/8.25 = 534.8181…
    expectRelative(m.ror[0]!, 534.8181818181819);
    expect(m.rorCorrected[0]).toBe(1);
    // E = 20·4/1,000 = 0.08; IC = log2(4.5/0.58); R: log2(qgamma(0.025, 4.5, 0.58)) = 1.219042709020372817
    expectRelative(m.ic[0]!, Math.log2(4.5 / 0.58));
    expectRelative(m.ic025[0]!, 1.219042709020372817, 1e-12);
  });

  it('n = 0 (a pair with no report): PRR = 0 with [0, +∞], ROR corrected, IC below 0', () => {
    const m = table(0, 50, 30, 920);
    expect(m.prr[0]).toBe(0);
    expect(m.prrLo[0]).toBe(0);
    expect(m.prrHi[0]).toBe(Infinity);
    // (0.5·920.5)/(50.5·30.5) = 460.25/1,540.25
    expectRelative(m.ror[0]!, 460.25 / 1540.25);
    expect(m.rorCorrected[0]).toBe(1);
    // |ad − bc| = 1,500; 1,000·(1,500 − 500)² / (50·950·30·970) = 1e9 / 1.38225e9
    expectRelative(m.chisq[0]!, 0.7234581298607343);
    // E = 50·30/1,000 = 1.5; IC = log2(0.5/2) = −2; R: log2(qgamma(c(0.025, 0.975), 0.5, 2)) = −11.99188781580686225, 0.32880378133617266
    expect(m.ic[0]).toBe(-2);
    expectRelative(m.ic025[0]!, -11.99188781580686225, 1e-12);
    expectRelative(m.ic975[0]!, 0.32880378133617266, 1e-12);
  });

  it('a table at independence scores χ² = 0 (p = 1): the Yates correction is capped at |ad − bc|', () => {
    const m = table(1, 9, 9, 81);
    // ad − bc = 81 − 81 = 0; the uncapped formula would give 100·(0 − 50)²/(10·90·10·90) = 0.3086
    expect(m.chisq[0]).toBe(0);
    expect(m.chisqP[0]).toBe(1);
    expect(m.prr[0]).toBe(1);
    expect(m.ror[0]).toBe(1);
    expect(m.ic[0]).toBe(0); // E = 1: log2(1.5/1.5)
  });

  it('keeps full precision (no rounding to 2 digits as openEBGM does)', () => {
    expect(table(1, 2, 3, 994).prr[0]).toBe(1 / 3 / (3 / 997));
  });
});

describe('computeDisproportionality on caers against the independent R script', () => {
  let screen: CaersScreen;
  let measures: Disproportionality;
  beforeAll(async () => {
    screen = await loadCaersScreen();
    const { n, n_drug, n_event, n_total, e } = screen.counts;
    measures = computeDisproportionality({ n, nDrug: n_drug, nEvent: n_event, nTotal: n_total, e });
  });

  it('counts the same 17,189 pairs and the same distinct-report counts as R', () => {
    expect(screen.keys.length).toBe(17_189);
    for (const column of ['n', 'n_drug', 'n_event', 'n_total', 'e', 'e_strat'] as const) {
      expect(compareColumns(screen.counts[column], screen.reference[column]).worst, column).toBeLessThan(1e-13);
    }
    expect(screen.counts.n_total[0]).toBe(3_356);
  });

  it.each([
    ['prr', 'prr'], ['prrLo', 'prr_lo'], ['prrHi', 'prr_hi'], ['chisq', 'chisq'],
    ['ror', 'ror'], ['rorLo', 'ror_lo'], ['rorHi', 'ror_hi'], ['ic', 'ic'], ['ic025', 'ic025'], ['ic975', 'ic975'],
  ] as const)('%s matches R’s %s for every pair to 1e-9 relative', (ours, theirs) => {
    const difference = compareColumns(measures[ours], screen.reference[theirs]);
    expect(difference.mismatches).toBe(0);
    expect(difference.worst).toBeLessThan(1e-9);
  });

  it('flags the same Haldane-corrected pairs as R', () => {
    expect(Array.from(measures.rorCorrected)).toEqual(Array.from(screen.reference.ror_corrected));
  });

  it('stratified IC matches R with the stratum-summed E', () => {
    const { n, n_drug, n_event, n_total, e_strat } = screen.counts;
    const stratified = computeDisproportionality({ n, nDrug: n_drug, nEvent: n_event, nTotal: n_total, e: e_strat });
    for (const [ours, theirs] of [['ic', 'ic_strat'], ['ic025', 'ic025_strat'], ['ic975', 'ic975_strat']] as const) {
      expect(compareColumns(stratified[ours], screen.reference[theirs]).worst).toBeLessThan(1e-9);
    }
  });
});
