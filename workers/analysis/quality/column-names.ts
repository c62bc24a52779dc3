/**
 * What a column holds, guessed from its name and type, for tables without a schema of their own (plain
 * tables, report strata). Names are split into words at `_`, spaces, punctuation and camelCase humps, so
 * `age` matches `age`, `patient_age` and `ageYears` but not `page`, `stage` or `dosage`.
 */

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/i;
const TEMPORAL_TYPE = /^(DATE|TIMESTAMP.*)$/i;
const TEXT_TYPE = /^VARCHAR$/i;

export const isNumericType = (type: string): boolean => NUMERIC_TYPE.test(type);
export const isTemporalType = (type: string): boolean => TEMPORAL_TYPE.test(type);
export const isTextType = (type: string): boolean => TEXT_TYPE.test(type);

/** `patientAge_years` → `['patient', 'age', 'years']`, `ATCCode` → `['atc', 'code']`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const AGE_UNITS_OR_CODES = new Set(['month', 'months', 'mon', 'week', 'weeks', 'wk', 'day', 'days', 'dy', 'hour', 'hours', 'hr', 'cod', 'code', 'unit', 'units', 'grp', 'group', 'band', 'bands']);

/**
 * An age in years: a word `age` (or 年龄, 岁) without a word naming another unit, a code or a band
 * (`age_months`, FAERS's `age_cod`, `age_band` are not ages in years).
 */
export function isAgeName(name: string): boolean {
  const words = nameWords(name);
  const age = words.includes('age') || /年龄|岁/.test(name);
  return age && !words.some((w) => AGE_UNITS_OR_CODES.has(w));
}

const AMOUNT_WORDS = new Set(['quantity', 'qty', 'dose', 'dosage', 'amount', 'supply', 'refills']);

/** A quantity, dose or amount (also 剂量, 数量, 用量), which cannot be negative; ages included. */
export function isNonNegativeName(name: string): boolean {
  return isAgeName(name) || nameWords(name).some((w) => AMOUNT_WORDS.has(w)) || /剂量|数量|用量/.test(name);
}

export type CodeSystem = 'icd10' | 'atc' | 'loinc';

/** The code system a column's name says it holds: `icd10`, `icd_10_cm`, `ICD-10`, `atc_code`, `loinc`. */
export function codeSystemOfName(name: string): CodeSystem | null {
  const words = nameWords(name);
  const joined = words.join('');
  if (/icd10/.test(joined)) return 'icd10';
  if (words.includes('atc')) return 'atc';
  if (words.some((w) => w.startsWith('loinc'))) return 'loinc';
  return null;
}

/**
 * Start and end columns of one interval: names equal but for `start` → `end` (`start_date`/`end_date`,
 * `drug_exposure_start_date`/`drug_exposure_end_date`, `startTime`/`endTime`), both temporal.
 */
export function startEndPairs(columns: { name: string; type: string }[]): { start: string; end: string }[] {
  const temporal = new Set(columns.filter((c) => isTemporalType(c.type)).map((c) => c.name));
  const pairs: { start: string; end: string }[] = [];
  for (const start of temporal) {
    for (const end of [start.replace('start', 'end'), start.replace('Start', 'End'), start.replace('START', 'END')]) {
      if (end !== start && temporal.has(end)) {
        pairs.push({ start, end });
        break;
      }
    }
  }
  return pairs;
}
