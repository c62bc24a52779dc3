/**
 * Chinese resident identity card numbers (GB 11643-1999, "Citizen identification number"): 18 characters,
 * a 6-digit administrative region (GB/T 2260), the birth date as YYYYMMDD, a 3-digit sequence and a check
 * character computed with ISO 7064 MOD 11-2 over the first 17 digits.
 */

/**
 * Weight of digit i (1-based, from the left) is 2^(18 − i) mod 11 (ISO 7064 MOD 11-2 with the check
 * character in position 18): 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
 */
export const RESIDENT_ID_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);

/** Check character for each value of (Σ digit × weight) mod 11: the standard's table, 10 written `X`. */
const CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level codes that start a region code: GB/T 2260's provinces plus 71 Taiwan, 81 Hong Kong, 82 Macao
 * and 83 (residence permits of Taiwan residents).
 */
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];
/**
 * Character p + 1 is `1` when p is a province code: a lookup by substr. (DuckDB turns an IN list of more
 * than a few constants into a hash join that runs on every row, outside the CASE that should guard it.)
 */
const PROVINCE_MASK = Array.from({ length: 84 }, (_, p) => (PROVINCES.includes(p) ? '1' : '0')).join('');
const REGION = '(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])\\d{4}';
/** Birth years 1900–2099 here; the date must also be real and not after today (checked below). */
const BIRTH_DATE = '(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';

/** The shape of a resident ID number (no checksum, no calendar check); valid for RE2 and JavaScript. */
export const RESIDENT_ID_SHAPE = `${REGION}${BIRTH_DATE}\\d{3}[0-9Xx]`;

/** The check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`a resident ID check character needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** True when `value` is an 18-character resident ID with a real past birth date and a valid check character. */
export function isValidResidentId(value: string, today: Date = new Date()): boolean {
  if (!new RegExp(`^${RESIDENT_ID_SHAPE}$`).test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth.getTime() > today.getTime()) return false;
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17]!.toUpperCase();
}

/**
 * The first 17 characters of a VARCHAR as a BIGINT when the value is 18 characters long (null otherwise):
 * the number the arithmetic below works on. Computed once per row and passed to residentIdValidSql.
 */
export function residentIdBodySql(text: string): string {
  return `CASE WHEN strlen(${text}) = 18 THEN TRY_CAST(substr(${text}, 1, 17) AS BIGINT) END`;
}

/** The birth-date digits (YYYYMMDD) of an 18-character VARCHAR as an INTEGER, the `birth` of residentIdValidSql. */
export function residentIdBirthSql(text: string): string {
  return `CASE WHEN strlen(${text}) = 18 THEN TRY_CAST(substr(${text}, 7, 8) AS INTEGER) END`;
}

/**
 * A SQL boolean: `body` (a BIGINT column or lambda parameter holding the first 17 digits — it is repeated
 * some twenty times, so never pass an expression) has a known province, a real birth date from 1900 to
 * today, and `checkCharacter` (a one-character VARCHAR expression) is its check character. `birth`, the
 * YYYYMMDD digits as an INTEGER, may be given as a precomputed column.
 *
 * Integer arithmetic only, in a CASE so the checksum runs only on rows whose region and date passed; the
 * calendar test settles days 1–28 at once and looks at the month and the leap year only for the rest
 * (31-day months: odd months before August, even ones from August on). No IN lists: DuckDB turns an IN
 * list of more than a few constants into a join that runs on every row.
 */
export function residentIdValidSql(body: string, checkCharacter: string, birth = `(${body} // 1000 % 100000000)`): string {
  const year = `(${birth} // 10000)`;
  const month = `(${birth} // 100 % 100)`;
  const day = `(${birth} % 100)`;
  const leapYear = `(${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0))`;
  const realDay = `(${day} BETWEEN 1 AND 28 OR (${day} BETWEEN 29 AND 30 AND ${month} <> 2) OR (${day} = 31 AND (${month} < 8) = (${month} % 2 = 1))`
    + ` OR (${day} = 29 AND ${leapYear}))`;
  const weighted = RESIDENT_ID_WEIGHTS.map((weight, i) => `(${body} // ${10n ** BigInt(16 - i)} % 10) * ${weight}`).join(' + ');
  const checksum = `substr('${CHECK_CHARACTERS}', ((${weighted}) % 11)::INTEGER + 1, 1) = upper(${checkCharacter})`;
  return `(CASE WHEN ${body} BETWEEN 11000000000000000 AND 83999999999999999`
    + ` AND ${birth} BETWEEN 19000101 AND CAST(strftime(current_date, '%Y%m%d') AS INTEGER)`
    + ` AND ${month} BETWEEN 1 AND 12 AND ${realDay}`
    + ` AND substr('${PROVINCE_MASK}', (${body} // 1000000000000000)::INTEGER + 1, 1) = '1'`
    + ` THEN ${checksum} ELSE false END)`;
}

/** Lambda parameter that binds the body once inside residentIdTextValidSql. */
const BODY_PARAMETER = '__pmw_id_body';

/**
 * residentIdValidSql for an 18-character VARCHAR expression `text`: the body is parsed once and bound to a
 * lambda parameter, which keeps the SQL short (the body appears some thirty times in the check).
 */
export function residentIdTextValidSql(text: string): string {
  return `list_transform([TRY_CAST(substr(${text}, 1, 17) AS BIGINT)], lambda ${BODY_PARAMETER}: ${residentIdValidSql(BODY_PARAMETER, `substr(${text}, 18, 1)`)})[1]`;
}

/** residentIdValidSql for an integer column whose values have 18 digits (the check character is the last digit). */
export function residentIdIntegerValidSql(value: string): string {
  return `list_transform([CAST(${value} // 10 AS BIGINT)], lambda ${BODY_PARAMETER}: ${residentIdValidSql(BODY_PARAMETER, `CAST(${value} % 10 AS VARCHAR)`)})[1]`;
}
