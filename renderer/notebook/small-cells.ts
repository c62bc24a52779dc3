/**
 * Small-cell suppression as outputs show it (docs/notebooks.md, "Safe outputs"). The Engine hides counts from 1
 * to minCellCount − 1 (primary) and the counts that would let a total reveal them (complementary) as nulls in the
 * columns `Suppression.columns` names. A null there reads `<N` when every hidden cell of the output is primary;
 * when some are complementary a null may hide a large count, so it reads `—` (the note under the output says
 * both). Exports state the policy on their first line.
 */
import type { CharacterizeResult, IncidenceResult, ResultPage, Suppression, SurvivalResult } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import type { AnalysisKind, CellOutput } from './notebook.js';

/** What the small-cell policy did to the rows of an output. */
export type OutputPolicy =
  /** Rows of a SQL query, as the query returned them: no policy applied. */
  | { kind: 'query' }
  /** Rows that list records (cohort members, pgx calls, quality checks, privacy findings), not counts of persons. */
  | { kind: 'records' }
  /** An analysis that did not say what it hid (an Engine without suppression). */
  | { kind: 'unstated' }
  | { kind: 'suppressed'; suppression: Suppression };

export const QUERY_POLICY: OutputPolicy = { kind: 'query' };

function hidSomething(s: Suppression): boolean {
  return s.minCellCount > 0 && s.primary + s.complementary > 0;
}

/** What a hidden count shows: `<N`, or `—` when the output also hid counts that are not small. */
export function hiddenCountText(suppression: Suppression): string {
  return suppression.complementary > 0 ? '—' : `<${suppression.minCellCount}`;
}

/**
 * What a missing value of a column shows: the hidden-count text in the columns where the policy hid counts,
 * null elsewhere (a plain missing value).
 */
export function hiddenCellText(policy: OutputPolicy | undefined): (column: string) => string | null {
  if (policy?.kind !== 'suppressed' || !hidSomething(policy.suppression)) return () => null;
  const columns = new Set(policy.suppression.columns);
  const text = hiddenCountText(policy.suppression);
  return (column) => (columns.has(column) ? text : null);
}

/** A count for a table: formatted, or the hidden-count text when null and the output hid small counts. */
export function countText(value: number | null | undefined, suppression: Suppression | undefined, format: (n: number) => string): string {
  if (value !== null && value !== undefined) return format(value);
  return suppression && hidSomething(suppression) ? hiddenCountText(suppression) : '—';
}

/** One line under an output saying what was hidden; null when nothing needs saying. */
export function policyNote(policy: OutputPolicy | undefined): string | null {
  if (policy?.kind !== 'suppressed') return null;
  const s = policy.suppression;
  if (s.minCellCount <= 0) return t('nb.policy.none');
  const max = s.minCellCount - 1;
  if (s.primary + s.complementary === 0) return t('nb.policy.nothingHidden', { min: s.minCellCount });
  if (s.complementary === 0) return t('nb.policy.small', { max, min: s.minCellCount, count: s.primary });
  return t('nb.policy.withComplementary', { max, min: s.minCellCount, primary: s.primary, complementary: s.complementary });
}

/** The first line of a CSV export: which small-cell policy its rows went through, in the language of the UI. */
export function csvPolicyLine(policy: OutputPolicy | undefined): string {
  if (policy?.kind !== 'suppressed') return `# ${t(`nb.csvPolicy.${policy?.kind ?? 'query'}`)}`;
  const s = policy.suppression;
  if (s.minCellCount <= 0) return `# ${t('nb.csvPolicy.none')}`;
  const hidden = s.primary + s.complementary;
  if (hidden === 0) return `# ${t('nb.csvPolicy.nothingHidden', { min: s.minCellCount })}`;
  const main = t('nb.csvPolicy.applied', { max: s.minCellCount - 1, min: s.minCellCount, columns: s.columns.join(', ') });
  return `# ${main}${s.complementary > 0 ? t('nb.csvPolicy.complementary', { count: s.complementary }) : ''}`;
}

/**
 * Table 1 as the Engine drew it: a null count is hidden — a small one where the display reads `<N`, one that
 * protects a small one otherwise (`—`, or a mean shown without its count).
 */
function table1Suppression(result: CharacterizeResult): Suppression {
  const cells = result.rows.flatMap((row) => [row.target, ...(row.comparator ? [row.comparator] : [])]);
  const hidden = cells.filter((cell) => cell.count === null);
  const primary = hidden.filter((cell) => cell.display.startsWith('<')).length;
  return { minCellCount: result.minCellCount, columns: ['target_count', 'comparator_count'], primary, complementary: hidden.length - primary };
}

function plain(minCellCount: number, columns: string[], hidden: number): Suppression {
  return { minCellCount, columns, primary: hidden, complementary: 0 };
}

/** The policy of an analysis result's rows, by kind. */
export function analysisPolicy(kind: AnalysisKind, result: unknown): OutputPolicy {
  const stated = (suppression: Suppression | undefined): OutputPolicy => (suppression ? { kind: 'suppressed', suppression } : { kind: 'unstated' });
  switch (kind) {
    case 'signals': case 'association': return stated((result as { suppression?: Suppression }).suppression);
    case 'trend': case 'variants': return stated((result as ResultPage).suppression);
    case 'characterize': return { kind: 'suppressed', suppression: table1Suppression(result as CharacterizeResult) };
    case 'incidence': {
      const r = result as IncidenceResult;
      return { kind: 'suppressed', suppression: plain(r.minCellCount, ['outcomes'], r.outcomes === null ? 1 : 0) };
    }
    // The curve's rows hold no hidden counts; the numbers at risk of the summary may.
    case 'survival': {
      const r = result as SurvivalResult;
      return { kind: 'suppressed', suppression: plain(r.minCellCount, [], r.atRisk.reduce((sum, a) => sum + a.counts.filter((c) => c === null).length, 0)) };
    }
    case 'cohort': case 'pgx': case 'quality': case 'privacy': return { kind: 'records' };
  }
}

/** The suppression an analysis result's counts went through, when it says. */
export function analysisSuppression(kind: AnalysisKind, result: unknown): Suppression | undefined {
  const policy = analysisPolicy(kind, result);
  return policy.kind === 'suppressed' ? policy.suppression : undefined;
}

export function outputPolicy(output: CellOutput | undefined): OutputPolicy {
  return output?.type === 'analysis' ? analysisPolicy(output.kind, output.result) : QUERY_POLICY;
}
