import type { Table1Cell, Table1Row } from '../../engine/api.js';
import type { CellKind } from '../privacy/suppress/suppress-cells.js';
import { continuousSmd, countCell, isSuppressed, meanCell, proportionSmd, type MeanAndSd } from './table1-cells.js';

/** What every row needs: the cohorts' sizes (target first; one entry without a comparator) and the minimum cell count. */
export interface RowContext {
  persons: number[];
  minCellCount: number;
}

type Section = Table1Row['section'];

function assemble(section: Section, label: string, cells: Table1Cell[], smd: () => number | null, conceptId?: number): Table1Row {
  const [target, comparator] = cells;
  const row: Table1Row = { section, label, target: target! };
  if (conceptId !== undefined) row.conceptId = conceptId;
  if (comparator) {
    row.comparator = comparator;
    row.smd = smd();
  }
  return row;
}

/** The persons row: the cohort sizes, without a share or an SMD. */
export function personsRow(context: RowContext): Table1Row {
  const cells = context.persons.map((n): Table1Cell =>
    isSuppressed(n, context.minCellCount) ? { count: null, fraction: null, display: `<${context.minCellCount}` } : { count: n, fraction: n > 0 ? 1 : null, display: String(n) });
  return assemble('persons', 'persons', cells, () => null);
}

/**
 * Persons with a characteristic in each cohort, with the SMD of the two proportions. `kinds` (one per
 * cohort) says which counts are hidden when complementary suppression decided it; else small ones are.
 */
export function countRow(section: Section, label: string, counts: number[], context: RowContext, conceptId?: number, kinds?: CellKind[]): Table1Row {
  const cells = counts.map((count, i) => countCell(count, context.persons[i]!, context.minCellCount, kinds?.[i]));
  const smd = () => {
    const [target, comparator] = cells;
    if (target?.fraction == null || comparator?.fraction == null) return null;
    return proportionSmd(target.fraction, comparator.fraction);
  };
  return assemble(section, label, cells, smd, conceptId);
}

/** A mean (SD) in each cohort, with the SMD of the two means; `countHidden` per cohort hides only the count. */
export function meanRow(section: Section, label: string, values: MeanAndSd[], context: RowContext, decimals?: number, countHidden?: boolean[]): Table1Row {
  const cells = values.map((v, i) => meanCell(v, context.persons[i]!, context.minCellCount, decimals, countHidden?.[i]));
  const smd = () => {
    const [target, comparator] = cells;
    if (target?.mean == null || comparator?.mean == null) return null;
    return continuousSmd(values[0]!, values[1]!);
  };
  return assemble(section, label, cells, smd);
}
