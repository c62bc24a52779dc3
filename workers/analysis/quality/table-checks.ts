import type { DatasetTable } from '../../engine/api.js';
import type { RowCheck, TablePlan } from './check-plan.js';
import {
  ageOver120Check, codeChecks, completenessCheck, endBeforeStartCheck, futureDateCheck, negativeCheck,
} from './column-checks.js';
import { codeSystemOfName, isAgeName, isNonNegativeName, isNumericType, isTemporalType, isTextType, startEndPairs } from './column-names.js';
import { THRESHOLDS } from './thresholds.js';
import { duplicateKeyCheck, duplicateRowsCheck } from './uniqueness-checks.js';

export interface GenericOptions {
  /** Columns that must not be null (threshold 0); every other column's null share is informational. */
  required?: string[];
  /** A key; without one, whole-row duplicates are counted instead. */
  key?: string[];
}

/**
 * The checks a table gets from its columns' names and types alone: null shares, dates after today, ends
 * before starts, negative quantities, doses and ages, ages over 120, and ICD-10, ATC and LOINC codes in
 * columns named so; then duplicate keys, or duplicate rows when there is no key. Plain tables get only
 * these; report tables get them besides their own.
 */
export function genericTablePlan(table: DatasetTable, options: GenericOptions = {}): TablePlan {
  const name = table.table;
  const required = new Set(options.required ?? []);
  const rowChecks: RowCheck[] = table.columns.map((c) =>
    completenessCheck(name, c.name, required.has(c.name) ? THRESHOLDS.required : THRESHOLDS.informational));
  for (const column of table.columns) {
    if (isTemporalType(column.type)) rowChecks.push(futureDateCheck(name, column.name));
  }
  for (const { start, end } of startEndPairs(table.columns)) rowChecks.push(endBeforeStartCheck(name, start, end));
  for (const column of table.columns.filter((c) => isNumericType(c.type))) {
    if (isNonNegativeName(column.name)) rowChecks.push(negativeCheck(name, column.name));
    if (isAgeName(column.name)) rowChecks.push(ageOver120Check(name, { column: column.name }));
  }
  for (const column of table.columns.filter((c) => isTextType(c.type))) {
    const system = codeSystemOfName(column.name);
    if (system) rowChecks.push(...codeChecks(name, column.name, system));
  }
  const queryChecks = options.key
    ? [duplicateKeyCheck(name, options.key)]
    : [duplicateRowsCheck(name, table.columns.map((c) => c.name))];
  return { table: name, rowChecks, queryChecks };
}

/** A plain `table` dataset: the generic checks of each of its tables. */
export function plainTablePlans(tables: DatasetTable[]): TablePlan[] {
  return tables.filter((t) => t.rows > 0).map((t) => genericTablePlan(t));
}
