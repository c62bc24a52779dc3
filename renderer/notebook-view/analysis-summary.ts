/**
 * The key numbers of an analysis result, as label/value pairs the view lists above the result's grid:
 * cohort size, signal-screen size and MGPS fit, association counts, KM medians, log-rank and Cox, incidence.
 * Pure (no DOM): values are formatted for the current language here.
 */
import type {
  AssociationResult, CohortResult, IncidenceResult, SignalResult, SurvivalResult,
} from '../../workers/engine/api.js';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.js';
import type { AnalysisKind } from '../notebook/notebook.js';
import { analysisSuppression, countText } from '../notebook/small-cells.js';

export interface Fact { label: string; value: string }

function fact(key: MessageKey, value: string, params: Record<string, string | number> = {}): Fact {
  return { label: t(key, params), value };
}

const count = (n: number | null | undefined): string => n === null || n === undefined ? '—' : formatNumber(n, { maximumFractionDigits: 0 });
const number = (n: number | null | undefined, digits = 3): string => n === null || n === undefined ? '—' : formatNumber(n, { maximumSignificantDigits: digits });
const interval = (value: number | null, lower: number | null, upper: number | null): string =>
  t('view.summary.interval', { value: number(value), lower: number(lower), upper: number(upper) });

function cohortFacts(r: CohortResult): Fact[] {
  // The members table always holds every person; the count shown follows the attrition's last step, which may be hidden.
  const persons = r.attrition.at(-1)?.persons === null ? countText(null, r.suppression, count) : count(r.persons);
  return [fact('view.summary.persons', persons), fact('view.summary.elapsed', t('view.elapsed', { ms: Math.round(r.elapsedMs) }))];
}

function signalFacts(r: SignalResult): Fact[] {
  const f = r.fit;
  return [
    fact('view.summary.reports', count(r.reports)),
    fact('view.summary.pairs', count(r.pairs)),
    fact('view.summary.mgpsFit', `α1 ${number(f.alpha1)}, β1 ${number(f.beta1)}, α2 ${number(f.alpha2)}, β2 ${number(f.beta2)}, P ${number(f.p)}`),
    fact('view.summary.logLik', number(f.logLik, 6)),
    fact('view.summary.converged', t(f.converged ? 'view.summary.yes' : 'view.summary.no')),
  ];
}

function associationFacts(r: AssociationResult): Fact[] {
  return [
    fact('view.summary.cases', count(r.cases)),
    fact('view.summary.controls', count(r.controls)),
    fact('view.summary.noPhenotype', count(r.samplesWithoutPhenotype)),
    fact('view.summary.variants', count(r.variants)),
  ];
}

function survivalFacts(r: SurvivalResult): Fact[] {
  const facts = r.curves.map((curve) => fact('view.summary.median', t('view.summary.curve', { persons: count(curve.persons), events: count(curve.events), median: interval(curve.median, curve.medianLower, curve.medianUpper) }), { label: curve.label }));
  if (r.logRank) facts.push(fact('view.summary.logRank', t('view.summary.chisq', { chisq: number(r.logRank.chisq), df: r.logRank.df, p: number(r.logRank.p) })));
  if (r.cox) facts.push(fact('view.summary.cox', t('view.summary.hazard', { hr: interval(r.cox.hazardRatio, r.cox.lower, r.cox.upper), p: number(r.cox.p) })));
  return facts;
}

function incidenceFacts(r: IncidenceResult): Fact[] {
  return [
    fact('view.summary.personsAtRisk', count(r.personsAtRisk)),
    fact('view.summary.outcomes', countText(r.outcomes, analysisSuppression('incidence', r), count)),
    fact('view.summary.personYears', number(r.personYears, 6)),
    fact('view.summary.rate', interval(r.rate, r.lower, r.upper)),
  ];
}

/** The facts of a result, by analysis kind; none for kinds whose result is all in the grid. */
export function analysisFacts(kind: AnalysisKind, result: unknown): Fact[] {
  switch (kind) {
    case 'cohort': return cohortFacts(result as CohortResult);
    case 'signals': return signalFacts(result as SignalResult);
    case 'association': return associationFacts(result as AssociationResult);
    case 'survival': return survivalFacts(result as SurvivalResult);
    case 'incidence': return incidenceFacts(result as IncidenceResult);
    default: return [];
  }
}

/** Warnings an analysis result carries (every result type has a `warnings` list). */
export function analysisWarnings(result: unknown): string[] {
  const warnings = (result as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : [];
}
