import { quoteLiteral } from '../../db/quote.js';
import type { CodeSystem } from './column-names.js';

/**
 * The written form of the codes the conformance checks know, as DuckDB regular expressions matched against
 * the whole value (no trimming, no case folding: ` k92.2` and `k92.2` do not conform).
 */
export const CODE_FORMATS: Record<CodeSystem, { label: string; article: 'a' | 'an'; pattern: string }> = {
  /**
   * ICD-10 (WHO) and ICD-10-CM (CMS/NCHS): a category of a letter, a digit and a digit or letter (`K92`,
   * ICD-10-CM's `C4A`), then up to four more characters, written after a dot (`K92.2`, `S72.001A`) or
   * without it as claims data often does (`K922`); also a block of categories (`A00-A09`) as the
   * vocabularies' hierarchy concepts write them.
   */
  icd10: {
    label: 'ICD-10',
    article: 'an',
    pattern: '[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?|[A-Z][0-9][0-9A-Z]-[A-Z][0-9][0-9A-Z]',
  },
  /**
   * ATC (WHO Collaborating Centre for Drug Statistics Methodology): level 1 one of the 14 anatomical main
   * groups (A B C D G H J L M N P R S V), level 2 two digits, levels 3 and 4 a letter each, level 5 two
   * digits — `N`, `N02`, `N02B`, `N02BE`, `N02BE01`.
   */
  atc: {
    label: 'ATC',
    article: 'an',
    pattern: '[ABCDGHJLMNPRSV]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?',
  },
  /**
   * LOINC (LOINC Users' Guide): digits, a hyphen and one check digit (`2160-0`); Parts, Answers and Groups
   * carry a prefix (`LP31755-9`, `LA6576-8`, `LG10990-6`).
   */
  loinc: {
    label: 'LOINC',
    article: 'a',
    pattern: '[0-9]{1,7}-[0-9]|L[APG][0-9]{1,7}-[0-9]',
  },
};

/** A plain LOINC code (no prefix): the ones whose check digit the Users' Guide's mod 10 algorithm gives. */
export const NUMERIC_LOINC = '[0-9]{1,7}-[0-9]';

/**
 * Deprecated LOINC codes whose published check digit the algorithm does not give, "a known issue" listed
 * in the LOINC Users' Guide, Appendix C (Calculating Mod 10 Check Digits): not flagged.
 */
export const LOINC_KNOWN_BAD_CHECK_DIGITS = [
  '11491-6', '11501-6', '5895-7', '5896-5', '5897-3', '5928-1', '6028-3', '6415-5', '6580-7', '6645-7', '6646-5', '6647-3', '6648-1', '6649-9',
];

/** SQL true when `expression` (text, not null) is not written as a `system` code. */
export function codeFormatFails(expression: string, system: CodeSystem): string {
  return `NOT regexp_full_match(${expression}, ${quoteLiteral(CODE_FORMATS[system].pattern)})`;
}

/**
 * The mod 10 check digit of the digits before the hyphen (LOINC Users' Guide, Appendix C): counting from
 * the right, the digits in odd positions doubled, the digits of everything summed, and the step up to the
 * next multiple of 10. Doubling the number formed by the odd-position digits (the guide's wording) gives
 * the same digit sum as doubling each digit and summing the digits of each product (Luhn), because a
 * carry leaves a digit exactly when that digit is 5 or more; so each doubled digit d adds 2d, less 9 when
 * d ≥ 5. Digits are taken by integer division, seven of them (leading zeros add nothing).
 */
export function loincCheckDigitSql(expression: string): string {
  const number = `TRY_CAST(split_part(${expression}, '-', 1) AS BIGINT)`;
  const terms = Array.from({ length: 7 }, (_, i) => {
    const digit = `(${number} // ${10 ** i} % 10)`;
    return i % 2 === 0 ? `2 * ${digit} - 9 * (${digit} >= 5)::INTEGER` : digit;
  });
  return `((10 - (${terms.join(' + ')}) % 10) % 10)`;
}

/** SQL true when a plain LOINC code's last digit is not its check digit (known exceptions left out). */
export function loincCheckDigitFails(expression: string): string {
  const exceptions = LOINC_KNOWN_BAD_CHECK_DIGITS.map(quoteLiteral).join(', ');
  return `TRY_CAST(right(${expression}, 1) AS INTEGER) <> ${loincCheckDigitSql(expression)} AND ${expression} NOT IN (${exceptions})`;
}
