/**
 * HTML summaries of analysis results (strings, escaped, no DOM): the attrition of a cohort, Table 1, incidence,
 * Kaplan–Meier medians with the log-rank and Cox results, the top rows of a screen or an association, pgx
 * phenotypes, quality and privacy reports (privacy-html.ts). Counts the small-cell policy hid read `<N` (or `—`).
 * The report of `pmw run` shows them; the view may too.
 */
import type {
  AssociationResult, CharacterizeResult, CohortResult, IncidenceResult, PgxResult, QualityReport, ResultPage, SignalResult, SurvivalResult,
} from '../../workers/engine/api.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { displayValue, escapeHtml, htmlTable, paragraph } from './html-text.js';
import type { AnalysisKind } from './notebook.js';
import type { PrivacyCellResult } from './privacy-cell.js';
import { privacyHtml, qualityHtml } from './privacy-html.js';
import { analysisPolicy, analysisSuppression, countText, policyNote } from './small-cells.js';
import { tablePageHtml } from './table-html.js';

const count = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatNumber(value));
const sig = (value: number | null | undefined, digits = 4) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : formatNumber(Number(value.toPrecision(digits)), { maximumSignificantDigits: digits });

function warningsHtml(warnings: string[]): string {
  if (warnings.length === 0) return '';
  return `<div class="warnings"><strong>${escapeHtml(t('nb.warnings'))}</strong><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`;
}

function cohortHtml(result: CohortResult): string {
  const shown = (n: number | null | undefined) => countText(n, result.suppression, formatNumber);
  const rows = result.attrition.map((s) => [s.step, shown(s.persons), shown(s.dropped), shown(s.events), s.ruleOnly === undefined ? '' : shown(s.ruleOnly)]);
  const note = result.suppression ? policyNote({ kind: 'suppressed', suppression: result.suppression }) : null;
  // The persons in the title are shown only when the last step shows them (the members table always holds them).
  const persons = result.attrition.at(-1)?.persons === null ? shown(null) : result.persons;
  return `<h4>${escapeHtml(t('nb.cohort.title', { name: result.spec.name ?? result.cohortTable, persons }))}</h4>`
    + htmlTable([t('nb.cohort.step'), t('nb.cohort.remaining'), t('nb.cohort.dropped'), t('nb.cohort.events'), t('nb.cohort.ruleOnly')], rows, [false, true, true, true, true])
    + (note ? paragraph(note, 'note') : '') + warningsHtml(result.warnings);
}

function characterizeHtml(result: CharacterizeResult): string {
  const comparator = result.comparatorPersons !== undefined;
  const header = [t('nb.table1.section'), t('nb.table1.characteristic'), t('nb.table1.target'), ...(comparator ? [t('nb.table1.comparator'), t('nb.table1.smd')] : [])];
  const rows = result.rows.map((r) => [r.section, r.label, r.target.display, ...(comparator ? [r.comparator?.display ?? '', sig(r.smd ?? null, 3)] : [])]);
  return `<h4>${escapeHtml(t('nb.table1.title'))}</h4>` + htmlTable(header, rows, [false, false, true, true, true])
    + (result.minCellCount > 0 ? paragraph(t('nb.table1.suppressed', { min: String(result.minCellCount) }), 'note') : '') + warningsHtml(result.warnings);
}

function incidenceHtml(result: IncidenceResult): string {
  const rows = [
    [t('nb.incidence.atRisk'), count(result.personsAtRisk)], [t('nb.incidence.outcomes'), countText(result.outcomes, analysisSuppression('incidence', result), formatNumber)],
    [t('nb.incidence.personYears'), sig(result.personYears, 6)],
    [t('nb.incidence.rate'), `${sig(result.rate)} (${sig(result.lower)}–${sig(result.upper)})`],
    [t('nb.incidence.proportion'), sig(result.proportion)],
  ];
  return `<h4>${escapeHtml(t('nb.incidence.title'))}</h4>` + htmlTable(['', ''], rows, [false, true])
    + paragraph(t('nb.incidence.excluded', { prior: result.excludedPriorOutcome, noTime: result.excludedNoTime }), 'note') + warningsHtml(result.warnings);
}

function survivalHtml(result: SurvivalResult): string {
  const median = (m: number | null, lo: number | null, hi: number | null) => (m === null ? t('nb.survival.notReached') : `${sig(m)} (${sig(lo)}–${sig(hi)})`);
  const curves = htmlTable([t('nb.survival.cohort'), t('nb.summary.persons'), t('nb.survival.events'), t('nb.survival.median')],
    result.curves.map((c) => [c.label, count(c.persons), count(c.events), median(c.median, c.medianLower, c.medianUpper)]), [false, true, true, true]);
  const atRisk = htmlTable([t('nb.survival.day'), ...result.curves.map((c) => c.label)],
    result.atRisk.map((a) => [formatNumber(a.time), ...a.counts.map((n) => countText(n, analysisSuppression('survival', result), formatNumber))]), result.curves.map(() => true).concat(true));
  const tests = [
    result.logRank ? paragraph(t('nb.survival.logRank', { chisq: sig(result.logRank.chisq), df: String(result.logRank.df), p: sig(result.logRank.p, 3) })) : '',
    result.cox ? paragraph(t('nb.survival.cox', { ties: result.cox.ties, hr: sig(result.cox.hazardRatio), lower: sig(result.cox.lower), upper: sig(result.cox.upper), p: sig(result.cox.p, 3) })) : '',
  ].join('');
  return `<h4>${escapeHtml(t('nb.survival.title'))}</h4>${curves}<h5>${escapeHtml(t('nb.survival.atRisk'))}</h5>${atRisk}${tests}${warningsHtml(result.warnings)}`;
}

function signalsHtml(result: SignalResult, rows: number): string {
  const f = result.fit;
  return `<h4>${escapeHtml(t('nb.signals.title', { pairs: result.pairs, reports: result.reports }))}</h4>`
    + paragraph(t('nb.signals.fit', { alpha1: sig(f.alpha1), beta1: sig(f.beta1), alpha2: sig(f.alpha2), beta2: sig(f.beta2), p: sig(f.p) }), 'note')
    + `<h5>${escapeHtml(t('nb.signals.top'))}</h5>` + tablePageHtml(result.page, result.pairs, rows, analysisPolicy('signals', result)) + warningsHtml(result.warnings);
}

function associationHtml(result: AssociationResult, rows: number): string {
  return `<h4>${escapeHtml(t('nb.association.title', { variants: result.variants, cases: result.cases, controls: result.controls }))}</h4>`
    + `<h5>${escapeHtml(t('nb.association.top'))}</h5>` + tablePageHtml(result.page, result.variants, rows, analysisPolicy('association', result)) + warningsHtml(result.warnings);
}

function pgxHtml(result: PgxResult): string {
  return `<h4>${escapeHtml(t('nb.pgx.title'))}</h4>`
    + htmlTable([t('nb.pgx.gene'), t('nb.pgx.phenotype'), t('nb.pgx.samples')], result.summary.map((s) => [s.gene, s.phenotype, count(s.samples)]), [false, false, true])
    + paragraph(`${result.source.name} ${result.source.version} (${result.source.licence})`, 'note') + warningsHtml(result.warnings);
}

/** The summary of one analysis result; `rows` is how many rows of a long result to list. */
export function analysisHtml(kind: AnalysisKind, result: unknown, rows = 10): string {
  switch (kind) {
    case 'cohort': return cohortHtml(result as CohortResult);
    case 'characterize': return characterizeHtml(result as CharacterizeResult);
    case 'incidence': return incidenceHtml(result as IncidenceResult);
    case 'survival': return survivalHtml(result as SurvivalResult);
    case 'signals': return signalsHtml(result as SignalResult, rows);
    case 'association': return associationHtml(result as AssociationResult, rows);
    case 'pgx': return pgxHtml(result as PgxResult);
    case 'trend': return `<h4>${escapeHtml(t('nb.trend.title', { period: displayValue((result as ResultPage).columns[0]?.name ?? '') }))}</h4>` + tablePageHtml(result as ResultPage, null, rows, analysisPolicy(kind, result));
    case 'variants': return `<h4>${escapeHtml(t('nb.variants.title'))}</h4>` + tablePageHtml(result as ResultPage, null, rows, analysisPolicy(kind, result));
    case 'quality': return qualityHtml(result as QualityReport);
    case 'privacy': return privacyHtml(result as PrivacyCellResult);
  }
}
