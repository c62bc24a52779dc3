import { quoteIdentifier } from '../../db/quote.js';
import { quoteTableName } from '../../engine/catalog.js';
import type { RowCheck } from './check-plan.js';
import { shortName } from './check-plan.js';
import { CODE_FORMATS, codeFormatFails, loincCheckDigitFails, NUMERIC_LOINC } from './code-formats.js';
import type { CodeSystem } from './column-names.js';
import { THRESHOLDS } from './thresholds.js';

/** `t."name"`: a column of the checked row. */
export const rowColumn = (name: string): string => `t.${quoteIdentifier(name)}`;

/** Nulls of one column: required columns fail on any, the others are informational. */
export function completenessCheck(table: string, column: string, threshold: number): RowCheck {
  const what = threshold === THRESHOLDS.informational ? 'null (informational)' : threshold === 0 ? 'null (required)' : 'null';
  return {
    id: `completeness.${shortName(table)}.${column}`, category: 'completeness', column, threshold,
    description: `${column} is ${what}`,
    fails: `${rowColumn(column)} IS NULL`,
  };
}

/** A date or timestamp after today (DQD plausibleValueHigh: later than the day the checks run). */
export function futureDateCheck(table: string, column: string): RowCheck {
  const c = rowColumn(column);
  return {
    id: `plausibility.future_date.${shortName(table)}.${column}`, category: 'plausibility', column, threshold: THRESHOLDS.plausibility,
    description: `${column} is after today`,
    applies: `${c} IS NOT NULL`,
    fails: `CAST(${c} AS DATE) > current_date`,
  };
}

/** An interval that ends before it starts (DQD plausibleStartBeforeEnd). */
export function endBeforeStartCheck(table: string, start: string, end: string): RowCheck {
  const [s, e] = [rowColumn(start), rowColumn(end)];
  return {
    id: `plausibility.end_before_start.${shortName(table)}.${end}`, category: 'plausibility', column: end, threshold: THRESHOLDS.plausibility,
    description: `${end} is before ${start}`,
    applies: `${s} IS NOT NULL AND ${e} IS NOT NULL`,
    fails: `${e} < ${s}`,
  };
}

/** A quantity, dose, amount or age below zero (DQD plausibleValueLow). */
export function negativeCheck(table: string, column: string): RowCheck {
  const c = rowColumn(column);
  return {
    id: `plausibility.negative.${shortName(table)}.${column}`, category: 'plausibility', column, threshold: THRESHOLDS.plausibility,
    description: `${column} is negative`,
    applies: `${c} IS NOT NULL`,
    fails: `${c} < 0`,
  };
}

/** Oldest plausible age in years. */
export const MAX_AGE_YEARS = 120;

/** An age in years (a column, or an expression over joined rows) over 120. */
export function ageOver120Check(table: string, age: { column: string; expression?: string; applies?: string; with?: Record<string, string>; joins?: string[]; of?: string }): RowCheck {
  const expression = age.expression ?? rowColumn(age.column);
  return {
    id: `plausibility.age_over_120.${shortName(table)}.${age.column}`, category: 'plausibility', column: age.column, threshold: THRESHOLDS.plausibility,
    description: `${age.of ?? age.column} over ${MAX_AGE_YEARS} years`,
    applies: age.applies ?? `${expression} IS NOT NULL`,
    fails: `${expression} > ${MAX_AGE_YEARS}`,
    ...(age.with ? { with: age.with } : {}),
    ...(age.joins ? { joins: age.joins } : {}),
  };
}

/** Values not written as codes of `system`, among the rows `where` selects (e.g. one vocabulary of concept). */
export function codeFormatCheck(table: string, column: string, system: CodeSystem, where?: { sql: string; label: string }): RowCheck {
  const c = rowColumn(column);
  return {
    id: `conformance.${system}.${shortName(table)}.${column}`, category: 'conformance', column, threshold: THRESHOLDS.conformance,
    description: `${column}${where ? ` (${where.label})` : ''} is not ${CODE_FORMATS[system].article} ${CODE_FORMATS[system].label} code`,
    applies: `${c} IS NOT NULL${where ? ` AND ${where.sql}` : ''}`,
    fails: codeFormatFails(c, system),
  };
}

/**
 * Plain LOINC codes whose last digit is not their mod 10 check digit. The digit is worked out once per
 * distinct code (a code column holds few), joined back to the rows by code.
 */
export function loincCheckDigitCheck(table: string, column: string, where?: { sql: string; label: string }): RowCheck {
  const c = rowColumn(column);
  const codes = quoteIdentifier(`loinc_codes_${column}`);
  const alias = quoteIdentifier(`loinc_${column}`);
  return {
    id: `conformance.loinc_check_digit.${shortName(table)}.${column}`, category: 'conformance', column, threshold: THRESHOLDS.conformance,
    description: `${column}${where ? ` (${where.label})` : ''}: the LOINC check digit is wrong`,
    applies: `${alias}.plain${where ? ` AND ${where.sql}` : ''}`,
    fails: `${alias}.wrong`,
    with: {
      [codes]: `SELECT code, regexp_full_match(code, '${NUMERIC_LOINC}') AS plain, plain AND ${loincCheckDigitFails('code')} AS wrong
    FROM (SELECT DISTINCT ${quoteIdentifier(column)} AS code FROM ${quoteTableName(table)} WHERE ${quoteIdentifier(column)} IS NOT NULL)`,
    },
    joins: [`LEFT JOIN ${codes} ${alias} ON ${alias}.code = ${c}`],
  };
}

/** The format check of a code column, and the check digit check for LOINC. */
export function codeChecks(table: string, column: string, system: CodeSystem, where?: { sql: string; label: string }): RowCheck[] {
  const format = codeFormatCheck(table, column, system, where);
  return system === 'loinc' ? [format, loincCheckDigitCheck(table, column, where)] : [format];
}

/** A non-null value of `column` that `target.targetColumn` does not hold. */
export function referenceCheck(spec: {
  id: string; category: 'integrity' | 'conformance'; table: string; column: string; target: string; targetColumn: string; description: string;
}): RowCheck {
  const c = rowColumn(spec.column);
  return {
    id: spec.id, category: spec.category, column: spec.column,
    threshold: spec.category === 'integrity' ? THRESHOLDS.integrity : THRESHOLDS.conformance,
    description: spec.description,
    applies: `${c} IS NOT NULL`,
    fails: `NOT EXISTS (SELECT 1 FROM ${quoteTableName(spec.target)} r WHERE r.${quoteIdentifier(spec.targetColumn)} = ${c})`,
  };
}
