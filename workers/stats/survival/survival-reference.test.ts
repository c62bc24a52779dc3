import { describe, expect, it } from 'vitest';
import { analyseFollowUp } from './analyse-follow-up.js';
import { coxBinary } from './cox-binary.js';
import { exactPoissonInterval } from './exact-poisson.js';
import { sortTimesByGroup } from './follow-up.js';
import { kaplanMeier, medianSurvival, type ConfidenceScale } from './kaplan-meier.js';
import { logRankTest } from './log-rank.js';
import { numbersAtRisk } from './numbers-at-risk.js';
import { expectClose, expectCurveLikeR } from './reference/expect-like-r.js';
import { readFixture, readSurvivalReference, type ReferenceCurve } from './reference/load-reference.js';
import { alignEventTimes, tabulateRiskTable } from './risk-table.js';

// Expected values: reference/survival_reference.R — R's survival package (survfit, summary.survfit,
// survdiff, coxph) and poisson.test run on the fixtures in reference/fixtures (public data sets of the
// survival package, see fixtures/SOURCES.md); its output reference/survival_reference.json is committed.

const reference = readSurvivalReference();
const SCALES: ConfidenceScale[] = ['log', 'log-log', 'plain'];

function expectCurve(followUp: ReturnType<typeof readFixture>, group: number | null, scale: ConfidenceScale, r: ReferenceCurve, what: string): void {
  const groups = group === null ? 1 : followUp.groups;
  const sorted = sortTimesByGroup(group === null ? { time: followUp.time, status: followUp.status } : followUp, groups);
  const curve = kaplanMeier(tabulateRiskTable(sorted[group ?? 0]!), scale);
  expectCurveLikeR({ ...curve, ...medianSurvival(curve) }, r, what);
}

describe.each(Object.keys(reference.data_sets))('survival numerics on %s, against R survival', (name) => {
  const r = reference.data_sets[name]!;
  const followUp = readFixture(name);
  const tables = sortTimesByGroup(followUp, followUp.groups).map(tabulateRiskTable);

  it.each(SCALES)('Kaplan–Meier with the %s interval, overall and per group, with medians', (scale) => {
    expectCurve(followUp, null, scale, r.km[scale].all, `${name} all ${scale}`);
    r.km[scale].groups.forEach((curve, g) => expectCurve(followUp, g, scale, curve, `${name} group ${g} ${scale}`));
  });

  it('numbers at risk at chosen times', () => {
    const all = tabulateRiskTable(sortTimesByGroup({ time: followUp.time, status: followUp.status })[0]!);
    expect(Array.from(numbersAtRisk(all, r.at_risk_times))).toEqual(r.at_risk.all);
    tables.forEach((table, g) => expect(Array.from(numbersAtRisk(table, r.at_risk_times)), `group ${g}`).toEqual(r.at_risk.groups[g]));
  });

  it('log-rank test (survdiff)', () => {
    const test = logRankTest(alignEventTimes(tables));
    expect(Array.from(test.observed)).toEqual(r.log_rank.observed);
    expectClose(test.expected, r.log_rank.expected, 'expected');
    expectClose(test.variance, r.log_rank.variance, 'variance', 1e-7);
    expect(test.df).toBe(r.log_rank.df);
    expectClose([test.chisq, test.p], [r.log_rank.chisq, r.log_rank.p], 'chisq and p');
  });

  it.runIf(r.cox && name !== 'separated').each(['efron', 'breslow'] as const)('Cox model of group 1 against group 0, %s ties (coxph)', (ties) => {
    const rc = r.cox![ties];
    const fit = coxBinary(alignEventTimes(tables), ties);
    if (fit.status !== 'fitted') throw new Error(`expected a fitted model, got ${fit.status}`);
    const ours = [fit.coef, fit.se, fit.z, fit.p, fit.hazardRatio, fit.lower, fit.upper];
    // R run to its maximum (eps 1e-13): our fit goes there too.
    expectClose(ours, [rc.coef, rc.se, rc.z, rc.p, rc.hazard_ratio, rc.lower, rc.upper], 'coef, se, z, p, HR, lower, upper', 1e-10);
    // R's default stop (eps 1e-9) is one Newton step short, a few 1e-9 away.
    expectClose([fit.coef, fit.se], [rc.default_coef, rc.default_se], 'coef and se of R\'s default fit');
    expect(fit.events).toBe(r.log_rank.observed.reduce((a, b) => a + b, 0));
  });
});

describe('Cox model whose maximum is at infinity (fixtures/separated.csv)', () => {
  const r = reference.data_sets.separated!;
  const followUp = readFixture('separated');

  it('says the hazard ratio is infinite where R warns the coefficient may be infinite', () => {
    for (const ties of ['efron', 'breslow'] as const) {
      expect(r.cox![ties].warning).toMatch(/coefficient may be infinite/);
      const fit = coxBinary(alignEventTimes(sortTimesByGroup(followUp, 2).map(tabulateRiskTable)), ties);
      expect(fit).toMatchObject({ status: 'infinite', direction: 1, events: 4 });
    }
  });

  it('with the groups swapped, a hazard ratio of zero', () => {
    const swapped = { ...followUp, group: followUp.group.map((g) => 1 - g) };
    const fit = coxBinary(alignEventTimes(sortTimesByGroup(swapped, 2).map(tabulateRiskTable)));
    expect(fit).toMatchObject({ status: 'infinite', direction: -1 });
  });

  it('without any event while both groups are at risk, no estimate at all', () => {
    const noOverlap = { time: Float64Array.of(1, 2, 3, 4), status: Uint8Array.of(0, 0, 1, 1), group: Uint8Array.of(1, 1, 0, 0) };
    // group 1 is censored by time 2; group 0's events come at 3 and 4, when group 1 is no longer at risk
    expect(coxBinary(alignEventTimes(sortTimesByGroup(noOverlap, 2).map(tabulateRiskTable)))).toMatchObject({ status: 'not estimable' });
    const noEvents = { time: Float64Array.of(1, 2), status: Uint8Array.of(0, 0), group: Uint8Array.of(0, 1) };
    expect(coxBinary(alignEventTimes(sortTimesByGroup(noEvents, 2).map(tabulateRiskTable)))).toMatchObject({ status: 'not estimable', events: 0 });
  });
});

describe('exact Poisson interval, against poisson.test', () => {
  it.each(reference.poisson)('$count events over $exposure', ({ count, exposure, lower, upper }) => {
    const interval = exactPoissonInterval(count, exposure);
    expect(interval.lower === 0 ? 0 : NaN, 'lower is 0 exactly when R says so').toBe(lower === 0 ? 0 : NaN);
    expectClose([interval.lower, interval.upper], [lower, upper], 'limits');
  });
});

describe('analyseFollowUp, the whole comparison in one call', () => {
  it('gives the curves, numbers at risk, log-rank and Cox of the lung data as R', () => {
    const r = reference.data_sets.lung!;
    const analysis = analyseFollowUp(readFixture('lung'), { groups: 2, scale: 'log-log', ties: 'breslow', atRiskTimes: r.at_risk_times });
    analysis.curves.forEach((curve, g) => {
      expectClose(curve.upper, r.km['log-log'].groups[g]!.upper, `group ${g} upper`);
      expect(curve.median).toBe(r.km['log-log'].groups[g]!.median);
      expect(curve.persons).toBe(r.km['log-log'].groups[g]!.n_risk[0]);
    });
    expect(analysis.atRisk.map((a) => Array.from(a))).toEqual(r.at_risk.groups);
    expectClose([analysis.logRank!.chisq], [r.log_rank.chisq], 'chisq');
    expect(analysis.cox).toMatchObject({ status: 'fitted', ties: 'breslow' });
    expectClose([analysis.cox!.status === 'fitted' ? analysis.cox!.coef : NaN], [r.cox!.breslow.coef], 'coef', 1e-10);
  });
});

