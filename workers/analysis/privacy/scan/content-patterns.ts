/**
 * The identifier patterns the scan looks for in values. Each is written once, in the common subset of RE2
 * (DuckDB's regexp functions) and JavaScript regular expressions (no look-around, no inline flags), so the
 * SQL that counts matches and the code that masks examples agree on what a match is.
 */
import { RESIDENT_ID_SHAPE } from './cn-resident-id.js';

/** An e-mail address (the common practical subset of RFC 5322). */
export const EMAIL = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';

/**
 * US Social Security number, ddd-dd-dddd: area 001–899 except 666, group 01–99, serial 0001–9999 (SSA's
 * rules for numbers ever issued; 000, 666 and 900–999 are never assigned areas).
 */
const SSN_AREA = '(?:00[1-9]|0[1-9]\\d|[1-578]\\d\\d|6[0-57-9]\\d|66[0-57-9])';
const SSN_GROUP = '(?:0[1-9]|[1-9]\\d)';
const SSN_SERIAL = '(?:000[1-9]|00[1-9]\\d|0[1-9]\\d\\d|[1-9]\\d{3})';
export const SSN_DASHED = `${SSN_AREA}-${SSN_GROUP}-${SSN_SERIAL}`;
/** Nine bare digits (or dashed); only trusted in a column whose name says it holds SSNs. */
export const SSN_ANY = `${SSN_AREA}-?${SSN_GROUP}-?${SSN_SERIAL}`;

/** Chinese mobile number: 1[3-9] and 9 more digits, optionally +86/0086 in front, spaces or dashes as 3-4-4. */
export const CN_MOBILE = '(?:(?:\\+|00)86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}';
/**
 * International form: `+`, a country code, then groups of digits with single spaces, dots or dashes (an area
 * code may stand in parentheses). The total digit count (8–15, E.164's maximum) is checked separately.
 */
export const INTERNATIONAL_PHONE = '\\+[1-9]\\d{0,2}[ .-]?(?:\\(\\d{1,4}\\)|\\d{1,4})(?:[ .-]?\\d{2,5}){1,5}';
export const PHONE_DIGITS = { min: 8, max: 15 } as const;

export { RESIDENT_ID_SHAPE };

/** Words that announce a date of birth, English (any common case) and Chinese. */
const BIRTH_KEYWORD = '(?:[Dd]\\.?[Oo]\\.?[Bb]\\.?|[Dd]ate [Oo]f [Bb]irth|DATE OF BIRTH|[Bb]irth ?[Dd]ate|BIRTH ?DATE|[Bb]irthday|[Bb]orn(?: [Oo]n)?|BORN(?: ON)?|出生日期|出生于|出生|生日)';
/** Cheap test run before the full date-of-birth pattern. */
export const BIRTH_KEYWORD_PREFILTER = '[Dd]\\.?[Oo]\\.?[Bb]|[Bb]irth|BIRTH|[Bb]orn|BORN|出生|生日';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])';
const MONTH = '(?:1[0-2]|0?[1-9])';
const MONTH_NAME = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]*\\.?';
const FULL_DATE = [
  `\\d{4}[-/.]${MONTH}[-/.]${DAY}`,
  `${DAY}[-/.]${MONTH}[-/.]\\d{4}`,
  `${MONTH}[-/.]${DAY}[-/.]\\d{4}`,
  `\\d{4} ?年 ?${MONTH} ?月 ?${DAY} ?[日号]`,
  `${DAY} ${MONTH_NAME},? \\d{4}`,
  `${MONTH_NAME} ${DAY},? \\d{4}`,
].join('|');
/**
 * A birth keyword at a word start, an optional colon, then a date with day precision (longest day and
 * month alternatives first, so a match never stops inside a number): `DOB 1980-01-02`,
 * `born 02/01/1980`, `出生日期：1980年1月2日`. A date without such a keyword is not taken for a birth date.
 */
export const DATE_OF_BIRTH = `(?:^|[^A-Za-z])${BIRTH_KEYWORD}\\s*(?:[:：=]\\s*)?(?:(?:is|was|on)\\s+)?(${FULL_DATE})(?:[^0-9]|$)`;

/** UUIDs (any version) and hex digests of 32, 40 or 64 characters (MD5, SHA-1, SHA-256 / HMAC-SHA-256). */
export const PSEUDONYMOUS_KEY = [
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  '[0-9a-fA-F]{32}', '[0-9a-fA-F]{40}', '[0-9a-fA-F]{64}',
].join('|');
/** Lengths of the keys above, a cheap test before the pattern. */
export const PSEUDONYMOUS_KEY_LENGTHS = [32, 36, 40, 64] as const;

/**
 * `pattern` with boundaries that keep it from starting or ending inside a longer run of digits or Latin
 * letters, the match in group 1. Other scripts (Chinese text) count as a boundary.
 */
export function bounded(pattern: string, before = '[^0-9A-Za-z]', after = '[^0-9A-Za-z]'): string {
  return `(?:^|${before})(${pattern})(?:${after}|$)`;
}

export const BOUNDED_RESIDENT_ID = bounded(RESIDENT_ID_SHAPE);
export const BOUNDED_SSN = bounded(SSN_DASHED, '[^0-9-]', '[^0-9-]');
export const BOUNDED_CN_MOBILE = bounded(CN_MOBILE, '[^0-9A-Za-z+]');
export const BOUNDED_INTERNATIONAL_PHONE = bounded(INTERNATIONAL_PHONE, '[^0-9A-Za-z+]');

/** A whole value (surrounding white space allowed) that is exactly one `pattern`. */
export function whole(pattern: string): string {
  return `\\s*(?:${pattern})\\s*`;
}
