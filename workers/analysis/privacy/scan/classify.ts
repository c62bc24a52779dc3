/**
 * From counts to findings and a verdict. Kept apart from SQL so the rules can be read (and tested) alone.
 */
import type { ColumnFinding, ColumnScan, FindingKind, QuasiIdentifierKind } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';
import type { ColumnPlan } from './column-checks.js';
import type { ColumnCounts } from './count-matches.js';

/** Share of non-null values that must be keys for a column to count as pseudonymous. */
export const PSEUDONYMOUS_SHARE = 0.95;

const QUASI_IDENTIFIERS: ReadonlySet<FindingKind> = new Set<QuasiIdentifierKind>(['birth_date', 'postcode']);

/** A finding before its examples are read, with the SQL condition that selects rows showing it. */
export interface PendingFinding extends Omit<ColumnFinding, 'examples'> {
  where: string;
}

/**
 * The findings of one column:
 * - by name, when the name announces a kind and some value is not null (and, for birth dates and
 *   postcodes, the values still identify); not when the values are pseudonymous keys — a `phone` column
 *   that holds HMAC digests after the `hash` transform is no longer a phone column;
 * - by content, whole values and values inside text, for every pattern that matched at least one row;
 * - pseudonymous key, when at least 95 % of the non-null values are keys.
 */
export function findingsOf(plan: ColumnPlan, counts: ColumnCounts): PendingFinding[] {
  const { nonNull } = counts;
  if (nonNull === 0) return [];
  const findings: PendingFinding[] = [];
  let keys = false;
  let gateOpen = true;
  let nameWhere = `${quoteIdentifier(plan.column.name)} IS NOT NULL`;
  plan.outcomes.forEach((outcome, j) => {
    const rows = counts.outcomes[j]!;
    if (outcome.role === 'gate') {
      gateOpen = rows > 0;
      nameWhere = outcome.where;
      return;
    }
    if (outcome.role === 'key') keys = rows / nonNull >= PSEUDONYMOUS_SHARE;
    if (outcome.role === 'key' ? keys : rows > 0) {
      const evidence = outcome.role === 'free_text' ? 'free_text' : 'content';
      findings.push({ kind: outcome.kind, evidence, rows, share: rows / nonNull, where: outcome.where });
    }
  });
  if (plan.nameKind && gateOpen && !keys) {
    findings.unshift({ kind: plan.nameKind, evidence: 'name', rows: nonNull, share: 1, where: nameWhere });
  }
  return findings;
}

export function verdictOf(findings: Pick<ColumnFinding, 'kind'>[]): ColumnScan['verdict'] {
  const kinds = findings.map((f) => f.kind);
  if (kinds.some((k) => k !== 'pseudonymous_key' && !QUASI_IDENTIFIERS.has(k))) return 'identifier';
  if (kinds.some((k) => QUASI_IDENTIFIERS.has(k))) return 'quasi_identifier';
  if (kinds.includes('pseudonymous_key')) return 'pseudonymous';
  return 'clear';
}
