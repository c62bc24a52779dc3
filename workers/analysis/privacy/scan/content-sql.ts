/**
 * SQL expressions that look at one value of a column: each returns 1 when the whole value is the identifier,
 * 2 when the identifier stands inside a longer text, and 0 otherwise. Each stands alone (the example
 * queries use them as WHERE conditions) and starts with cheap tests (byte length, `contains`, casts),
 * because DuckDB evaluates later CASE branches only for the rows earlier ones left over: a regular
 * expression costs about 250 ns a call here, a length test almost nothing.
 */
import { quoteLiteral } from '../../../db/quote.js';
import { residentIdIntegerValidSql, residentIdTextValidSql, residentIdValidSql } from './cn-resident-id.js';
import {
  BIRTH_KEYWORD_PREFILTER, BOUNDED_CN_MOBILE, BOUNDED_INTERNATIONAL_PHONE, BOUNDED_RESIDENT_ID, BOUNDED_SSN, CN_MOBILE,
  DATE_OF_BIRTH, EMAIL, INTERNATIONAL_PHONE, PHONE_DIGITS, PSEUDONYMOUS_KEY, PSEUDONYMOUS_KEY_LENGTHS, RESIDENT_ID_SHAPE, SSN_ANY,
  SSN_DASHED, whole,
} from './content-patterns.js';

/** 1 = the whole value, 2 = inside longer text. */
export const WHOLE = 1;
export const INSIDE = 2;

const literal = quoteLiteral;

/**
 * `1` when the whole value matches `pattern` (white space around allowed), else `2`: for rows known to
 * contain it. Every expression below starts with a null test, since this one takes a null for "inside".
 */
function wholeOrInside(c: string, pattern: string): string {
  return `CASE WHEN regexp_full_match(${c}, ${literal(whole(pattern))}) THEN ${WHOLE} ELSE ${INSIDE} END`;
}

export function emailSql(c: string): string {
  return `CASE WHEN ${c} IS NULL OR NOT contains(${c}, '@') OR NOT regexp_matches(${c}, ${literal(EMAIL)}) THEN 0 ELSE ${wholeOrInside(c, EMAIL)} END`;
}

/**
 * An 18-character value that is a valid resident ID, by integer arithmetic on its first 17 digits; `bound`
 * names columns already holding residentIdBodySql(c) and residentIdBirthSql(c), when there are such.
 */
export function residentIdWholeSql(c: string, bound?: { body: string; birth: string }): string {
  return bound ? residentIdValidSql(bound.body, `substr(${c}, 18, 1)`, bound.birth) : residentIdTextValidSql(c);
}

/**
 * Resident ID numbers in text, checksum and birth date validated: every candidate the bounded pattern
 * extracts is checked (a lambda over the list), so an invalid number does not hide a valid one after it.
 * With `wholeChecked` (the caller has already tested 18-character values) values of 18 characters or
 * fewer give 0.
 */
export function residentIdTextSql(c: string, wholeChecked = false): string {
  const exact = wholeChecked ? 'THEN 0' : `THEN CASE WHEN ${residentIdWholeSql(c)} THEN ${WHOLE} ELSE 0 END`;
  return `CASE WHEN ${c} IS NULL OR strlen(${c}) < 18 THEN 0 WHEN strlen(${c}) = 18 ${exact}`
    + ` WHEN NOT regexp_matches(${c}, ${literal(RESIDENT_ID_SHAPE)}) THEN 0`
    + ` WHEN len(list_filter(regexp_extract_all(${c}, ${literal(BOUNDED_RESIDENT_ID)}, 1), lambda __pmw_candidate: ${residentIdTextValidSql('__pmw_candidate')})) = 0 THEN 0`
    + ` ELSE ${wholeOrInside(c, RESIDENT_ID_SHAPE)} END`;
}

/** SSNs written ddd-dd-dddd; with `bareDigits` (a column named as SSNs) nine digits in a row count too. */
export function ssnSql(c: string, bareDigits: boolean): string {
  const wholeValue = bareDigits
    ? `WHEN strlen(${c}) < 9 THEN 0 WHEN regexp_full_match(${c}, ${literal(whole(SSN_ANY))}) THEN ${WHOLE}`
    : `WHEN strlen(${c}) < 11 THEN 0 WHEN regexp_full_match(${c}, ${literal(whole(SSN_DASHED))}) THEN ${WHOLE}`;
  return `CASE WHEN ${c} IS NULL THEN 0 ${wholeValue} WHEN contains(${c}, '-') AND regexp_matches(${c}, ${literal(BOUNDED_SSN)}) THEN ${INSIDE} ELSE 0 END`;
}

/** An 11-character value that is a Chinese mobile number, by a cast and a range. */
export function mobileWholeSql(c: string): string {
  return `(strlen(${c}) = 11 AND TRY_CAST(${c} AS BIGINT) BETWEEN 13000000000 AND 19999999999)`;
}

function digitCountSql(text: string): string {
  return `strlen(regexp_replace(${text}, '[^0-9]', '', 'g'))`;
}

export function phoneSql(c: string): string {
  const digits = `BETWEEN ${PHONE_DIGITS.min} AND ${PHONE_DIGITS.max}`;
  return `CASE WHEN ${c} IS NULL OR strlen(${c}) < 9 THEN 0 WHEN ${mobileWholeSql(c)} THEN ${WHOLE}`
    + ` WHEN regexp_matches(${c}, ${literal(BOUNDED_CN_MOBILE)}) THEN ${wholeOrInside(c, CN_MOBILE)}`
    + ` WHEN contains(${c}, '+') AND ${digitCountSql(`regexp_extract(${c}, ${literal(BOUNDED_INTERNATIONAL_PHONE)}, 1)`)} ${digits}`
    + ` THEN ${wholeOrInside(c, INTERNATIONAL_PHONE)}`
    + ' ELSE 0 END';
}

/** A birth keyword followed by a full date, inside text only: a bare date does not say whose birth it is. */
export function dateOfBirthSql(c: string): string {
  return `CASE WHEN ${c} IS NULL OR strlen(${c}) < 10 OR NOT regexp_matches(${c}, ${literal(BIRTH_KEYWORD_PREFILTER)}) THEN 0`
    + ` WHEN regexp_matches(${c}, ${literal(DATE_OF_BIRTH)}) THEN ${INSIDE} ELSE 0 END`;
}

/** UUIDs and hex digests of 32, 40 or 64 characters; the length test first (the pattern costs more than a UUID cast would save). */
export function pseudonymousKeySql(c: string): string {
  return `(strlen(${c}) IN (${PSEUDONYMOUS_KEY_LENGTHS.join(', ')}) AND regexp_full_match(${c}, ${literal(PSEUDONYMOUS_KEY)}))`;
}

/**
 * Numbers: an 11-digit Chinese mobile is a range test; an 18-digit resident ID is a range test, then the
 * arithmetic check. Floating-point columns are tested for mobiles only (18 digits do not fit a double's
 * 53-bit mantissa exactly) and must hold whole numbers.
 */
export function phoneNumberSql(c: string, floating: boolean): string {
  const integral = floating ? ` AND ${c} = trunc(${c})` : '';
  return `CASE WHEN ${c} BETWEEN 13000000000 AND 19999999999${integral} THEN ${WHOLE} ELSE 0 END`;
}

export function residentIdNumberSql(c: string): string {
  return `CASE WHEN ${c} BETWEEN 110000000000000000 AND 839999999999999999`
    + ` THEN CASE WHEN ${residentIdIntegerValidSql(c)} THEN ${WHOLE} ELSE 0 END ELSE 0 END`;
}

/** Formats a text birth date may come in besides ISO (which a cast reads). */
const BIRTH_DATE_FORMATS = ['%Y%m%d', '%Y/%m/%d', '%Y.%m.%d', '%d/%m/%Y', '%m/%d/%Y', '%d.%m.%Y', '%Y年%m月%d日'];

/**
 * A birth date with day precision: a real date whose day of month is not the 1st (dates generalised to a
 * month or year are stored as its first day). Text is read as ISO or one of the formats above, integers as
 * YYYYMMDD.
 */
export function dayPrecisionSql(c: string, category: 'text' | 'integer' | 'temporal'): string {
  const date = category === 'temporal'
    ? c
    : category === 'integer'
      ? `CASE WHEN ${c} BETWEEN 18000101 AND 29991231 THEN try_strptime(CAST(${c} AS VARCHAR), '%Y%m%d') END`
      : `coalesce(try_cast(${c} AS TIMESTAMP), try_strptime(trim(${c}), [${BIRTH_DATE_FORMATS.map(literal).join(', ')}]))`;
  return `CASE WHEN day(${date}) <> 1 THEN ${WHOLE} ELSE 0 END`;
}

/**
 * A postcode with more than three characters: HIPAA's Safe Harbor keeps the first three digits of a ZIP
 * code (45 CFR 164.514(b)(2)(i)(B)), so a column truncated to three (see the `truncate` transform) is no
 * longer reported.
 */
export function longPostcodeSql(c: string): string {
  return `CASE WHEN strlen(CAST(${c} AS VARCHAR)) > 3 THEN ${WHOLE} ELSE 0 END`;
}
