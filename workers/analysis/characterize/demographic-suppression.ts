import { suppressCells, type CellEquation, type CellKind } from '../privacy/suppress/suppress-cells.js';

/** One cohort's demographic counts as Table 1 shows them. */
export interface DemographicCounts {
  persons: number;
  /** Persons with an age (the age row's count). */
  aged: number;
  /** Every age band, `unknown` (no age) last. */
  bands: number[];
  /** male, female, other/unknown. */
  sexes: number[];
}

export interface DemographicKinds {
  aged: CellKind;
  bands: CellKind[];
  sexes: CellKind[];
  /** Sections whose counts do not add up to the persons, so no total protects them (see below). */
  notPartitions: ('sex' | 'age band')[];
  /** A small count the shown ones still give away (a cohort too small to hide anything else in). */
  unprotected: boolean;
}

/**
 * Which demographic counts of one cohort Table 1 hides (suppress-cells.ts). The sexes (with unknown) and
 * the age bands (with `<first edge` and `unknown`) each split the cohort's persons, so each is an
 * equation against the persons (shown in the persons row); persons with an age plus those without are
 * the persons; the bands other than `unknown` are the persons with an age. A section that does not add
 * up to the persons (a person_id repeated in `person`) gets no equation against them: only its small
 * counts are hidden, and the caller warns.
 */
export function demographicKinds(counts: DemographicCounts, minCellCount: number): DemographicKinds {
  const { persons, aged, bands, sexes } = counts;
  const values = [aged, ...bands, ...sexes];
  const bandCells = bands.map((_, i) => 1 + i);
  const sexCells = sexes.map((_, i) => 1 + bands.length + i);
  const unknown = bandCells.at(-1)!;
  const sum = (cells: number[]) => cells.reduce((total, cell) => total + values[cell]!, 0);
  const total = { constant: persons };
  const equations: CellEquation[] = [];
  const notPartitions: DemographicKinds['notPartitions'] = [];
  if (aged + values[unknown]! === persons) equations.push({ total, parts: [0, unknown] });
  if (sum(sexCells) === persons) equations.push({ total, parts: sexCells });
  else notPartitions.push('sex');
  if (sum(bandCells) === persons) equations.push({ total, parts: bandCells });
  else notPartitions.push('age band');
  equations.push({ total: 0, parts: bandCells.slice(0, -1) });
  const result = suppressCells(values, equations, minCellCount);
  return {
    aged: result.kinds[0]!,
    bands: bandCells.map((cell) => result.kinds[cell]!),
    sexes: sexCells.map((cell) => result.kinds[cell]!),
    notPartitions,
    unprotected: result.unprotected.length > 0,
  };
}
