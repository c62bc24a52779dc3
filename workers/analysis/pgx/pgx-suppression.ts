/**
 * Small counts in the pharmacogenomic summary and cross-tab (privacy/suppress/suppress-cells.ts).
 *
 * - Summary: per gene, the samples of each phenotype ("not determinable" included) add up to the VCF's
 *   samples, a total everyone knows: small counts are hidden with the counts that would reveal them.
 * - Cross-tab: per group (the phenotype, other phenotypes, not determinable, no linked sample) the exposed
 *   persons are those with the outcome plus those without (shown by subtraction), and the groups add up to
 *   the exposed persons. A small count with or without the outcome, or a small group, is hidden with what
 *   would reveal it; the odds ratio and Fisher's p go when a count of the 2×2 table does.
 *
 * PgxResult's counts are numbers (not nullable), so what is hidden is left out instead: hidden summary rows
 * are dropped, and a cross-tab with a hidden count is not returned; warnings say what was left out.
 */
import type { PgxResult } from '../../engine/api.js';
import { suppressCells, type CellEquation, type CellKind } from '../privacy/suppress/suppress-cells.js';

type SummaryRow = PgxResult['summary'][number];
type CrossTab = NonNullable<PgxResult['crossTab']>;

export interface SuppressedSummary {
  rows: (SummaryRow & { kind: CellKind })[];
  primary: number;
  complementary: number;
  /** Genes whose small counts the shown ones still give away (too few samples to protect them). */
  unprotected: string[];
}

/** The summary's kinds: per gene, its phenotype counts against the `samples` of the VCF. */
export function suppressSummary(rows: SummaryRow[], samples: number, minCellCount: number): SuppressedSummary {
  const genes = [...new Set(rows.map((r) => r.gene))];
  const equations: CellEquation[] = genes.map((gene) => ({ total: { constant: samples }, parts: rows.flatMap((r, i) => (r.gene === gene ? [i] : [])) }));
  const result = suppressCells(rows.map((r) => r.samples), equations, minCellCount);
  return {
    rows: rows.map((r, i) => ({ ...r, kind: result.kinds[i]! })),
    primary: result.primary,
    complementary: result.complementary,
    unprotected: result.unprotected.map((e) => genes[e]!),
  };
}

export interface SuppressedCrossTab {
  /** Per row of the cross-tab: the kinds of `exposed` and `withOutcome`. */
  kinds: { exposed: CellKind; withOutcome: CellKind }[];
  /** Whether a count of the 2×2 table (the first two rows, with and without the outcome) is hidden. */
  tableHidden: boolean;
  primary: number;
  complementary: number;
}

/**
 * The cross-tab's kinds. Cells per row g: with the outcome (3g), without it (3g + 1, never printed but
 * exposed − with), exposed (3g + 2); exposed = with + without, and Σ exposed = the exposed persons.
 */
export function suppressCrossTab(crossTab: CrossTab, minCellCount: number): SuppressedCrossTab {
  const values = crossTab.rows.flatMap((r) => [r.withOutcome, r.exposed - r.withOutcome, r.exposed]);
  const exposed = crossTab.rows.reduce((sum, r) => sum + r.exposed, 0);
  const equations: CellEquation[] = [
    ...crossTab.rows.map((_, g) => ({ total: 3 * g + 2, parts: [3 * g, 3 * g + 1] })),
    { total: { constant: exposed }, parts: crossTab.rows.map((_, g) => 3 * g + 2) },
  ];
  const result = suppressCells(values, equations, minCellCount);
  const kinds = crossTab.rows.map((_, g) => ({ exposed: result.kinds[3 * g + 2]!, withOutcome: result.kinds[3 * g]! }));
  return {
    kinds,
    tableHidden: [0, 1, 3, 4].some((cell) => result.hidden[cell]),
    primary: result.primary,
    complementary: result.complementary,
  };
}

/**
 * The summary and cross-tab as PgxResult can carry them, with warnings for what was left out:
 * hidden summary rows dropped, a cross-tab with any hidden count withheld.
 */
export function shownPgxCounts(
  summary: SummaryRow[], crossTab: CrossTab | undefined, samples: number, minCellCount: number,
): { summary: SummaryRow[]; crossTab: CrossTab | undefined; warnings: string[] } {
  const warnings: string[] = [];
  const shown = suppressSummary(summary, samples, minCellCount);
  const left = shown.rows.filter((r) => r.kind !== 'shown');
  if (left.length > 0) {
    const describe = (r: (typeof left)[number]) => `${r.gene} ${r.phenotype} (${r.kind === 'primary' ? `<${minCellCount}` : 'hidden so that the others cannot reveal a small one'})`;
    warnings.push(`phenotype counts below the minimum cell count ${minCellCount} are left out of the summary: ${left.map(describe).join('; ')}`);
  }
  if (shown.unprotected.length > 0) warnings.push(`${shown.unprotected.join(', ')}: too few samples to hide the small phenotype counts completely`);
  let shownCrossTab = crossTab;
  if (crossTab) {
    const hidden = suppressCrossTab(crossTab, minCellCount);
    if (hidden.primary > 0) {
      shownCrossTab = undefined;
      warnings.push(`the cross-tab of ${crossTab.gene} ${crossTab.phenotype} has counts below the minimum cell count ${minCellCount}: it is not shown`);
    }
  }
  return { summary: shown.rows.filter((r) => r.kind === 'shown').map(({ kind: _kind, ...row }) => row), crossTab: shownCrossTab, warnings };
}
