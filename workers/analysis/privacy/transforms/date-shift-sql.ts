import { quoteLiteral } from '../../../db/quote.js';
import { hmacSha256HexSql } from './hmac-sql.js';

/** Prefix of the HMAC message, so a date-shift digest never equals the `hash` transform's digest of a key. */
export const DATE_SHIFT_LABEL = 'pmw-date-shift:';

/**
 * A SQL expression for a person's offset in days, uniform in −maxDays..maxDays: the first 8 bytes of
 * HMAC-SHA-256(secret, 'pmw-date-shift:' ‖ person key as text), read as a big-endian unsigned 64-bit
 * integer, mod (2·maxDays + 1), minus maxDays. The modulo bias is below (2·maxDays + 1) / 2^64, far
 * under anything measurable. Depends only on the secret, the key's text and maxDays, so the same person
 * gets the same offset in every table shifted with the same maxDays.
 */
export function dateShiftOffsetSql(secretHex: string, personSql: string, maxDays: number): string {
  const message = `${quoteLiteral(DATE_SHIFT_LABEL)} || CAST(${personSql} AS VARCHAR)`;
  const first8Bytes = `CAST('0x' || left(${hmacSha256HexSql(secretHex, message)}, 16) AS UBIGINT)`;
  return `(CAST(${first8Bytes} % CAST(${2 * maxDays + 1} AS UBIGINT) AS BIGINT) - ${maxDays})`;
}

/** `dateSql` moved by `offsetSql` days, keeping its type (DATE, TIMESTAMP, …); null stays null. */
export function shiftDateSql(dateSql: string, type: string, offsetSql: string): string {
  return `CAST(${dateSql} + to_days(CAST(${offsetSql} AS INTEGER)) AS ${type})`;
}
