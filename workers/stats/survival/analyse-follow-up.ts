/**
 * Everything a survival comparison reports, from follow-up held in typed arrays: a Kaplan–Meier curve with
 * its median per group, numbers at risk, and with two or more groups the log-rank test; with exactly two,
 * a Cox model of group 1 against group 0.
 */
import { coxBinary, type CoxFit, type CoxTies } from './cox-binary.js';
import { sortTimesByGroup, type FollowUp } from './follow-up.js';
import { kaplanMeier, medianSurvival, type ConfidenceScale, type KaplanMeierEstimate, type MedianSurvival } from './kaplan-meier.js';
import { logRankTest, type LogRankTest } from './log-rank.js';
import { numbersAtRisk } from './numbers-at-risk.js';
import { alignEventTimes, tabulateRiskTable } from './risk-table.js';

export interface FollowUpAnalysis {
  curves: (KaplanMeierEstimate & MedianSurvival & { persons: number; events: number })[];
  /** atRisk[g][k]: persons of group g followed at `atRiskTimes[k]`. */
  atRisk: Float64Array[];
  logRank?: LogRankTest;
  cox?: CoxFit;
}

export interface FollowUpOptions {
  groups?: number;
  scale?: ConfidenceScale;
  ties?: CoxTies;
  atRiskTimes?: ArrayLike<number>;
}

export function analyseFollowUp(followUp: FollowUp, options: FollowUpOptions = {}): FollowUpAnalysis {
  const groups = options.groups ?? 1;
  const tables = sortTimesByGroup(followUp, groups).map(tabulateRiskTable);
  const curves = tables.map((table) => {
    const curve = kaplanMeier(table, options.scale ?? 'log');
    let events = 0;
    for (let i = 0; i < table.nEvent.length; i++) events += table.nEvent[i]!;
    return { ...curve, ...medianSurvival(curve), persons: table.nRisk[0] ?? 0, events };
  });
  const atRisk = tables.map((table) => numbersAtRisk(table, options.atRiskTimes ?? []));
  if (groups < 2) return { curves, atRisk };
  const aligned = alignEventTimes(tables);
  const logRank = logRankTest(aligned);
  return groups === 2 ? { curves, atRisk, logRank, cox: coxBinary(aligned, options.ties ?? 'efron') } : { curves, atRisk, logRank };
}
