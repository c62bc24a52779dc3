/**
 * One expression per text column and row that says what the value holds, for the counting pass. The
 * standalone checks of content-sql.ts would each run their own regular expressions on every long value;
 * here a cascade settles the common cases first and the rest pays at most one "could anything be here"
 * pattern before any specific one:
 *
 * 1. shorter than 6 bytes → nothing (`a@b.cn` is the shortest identifier looked for); shorter than 9 →
 *    only an e-mail address can fit;
 * 2. a whole 11-digit mobile, a whole resident ID (casts and arithmetic), a pseudonymous key (one anchored
 *    pattern, only at its lengths) → that;
 * 3. a whole e-mail address → that;
 * 4. otherwise e-mail inside text (needs `@`) plus, when the value matches ANY_CANDIDATE, the resident-ID,
 *    SSN, phone and date-of-birth checks.
 *
 * The result packs one base-3 digit per kind (0 none, 1 whole value, 2 inside text), KEY_CODE for keys;
 * nulls give 0.
 */
import { quoteLiteral } from '../../../db/quote.js';
import type { FindingKind } from '../../../engine/api.js';
import { BIRTH_KEYWORD_PREFILTER, EMAIL, whole } from './content-patterns.js';
import {
  dateOfBirthSql, emailSql, mobileWholeSql, phoneSql, pseudonymousKeySql, residentIdTextSql, residentIdWholeSql, ssnSql, WHOLE,
} from './content-sql.js';

/** Kinds whose outcome the code carries, each at its base-3 place. */
export const TEXT_CODE_KINDS = ['email', 'national_id', 'ssn', 'phone', 'birth_date'] as const satisfies readonly FindingKind[];
export type TextCodeKind = (typeof TEXT_CODE_KINDS)[number];

const PLACE = Object.fromEntries(TEXT_CODE_KINDS.map((kind, i) => [kind, 3 ** i])) as Record<TextCodeKind, number>;
/** A code above every packed combination: the value is a pseudonymous key (and nothing else). */
export const KEY_CODE = 3 ** TEXT_CODE_KINDS.length;

/**
 * Every value in which a resident ID, SSN, phone number or date of birth could be found matches this: nine
 * digits with at most two single separators (IDs, bare SSNs, mobiles), the dashed SSN shape, `+` and a
 * digit (international numbers), or a birth keyword.
 */
export const ANY_CANDIDATE = `\\d[ .-]?\\d{4}[ .-]?\\d{4}|\\d{3}-\\d{2}-\\d{4}|\\+[1-9]|${BIRTH_KEYWORD_PREFILTER}`;

/** Columns computed once per row in the projection below the code. */
export interface TextBindings {
  /** strlen of the value. */
  length: string;
  /** residentIdBodySql of the value. */
  body: string;
  /** residentIdBirthSql of the value. */
  birth: string;
}

/**
 * The code of VARCHAR column `c`, over its `bindings`; branching on the length, a plain number, first keeps
 * short values cheap.
 */
export function textCodeSql(c: string, bindings: TextBindings, bareSsnDigits: boolean): string {
  const { length } = bindings;
  const slow = [
    `(${residentIdTextSql(c, true)}) * ${PLACE.national_id}`,
    `(${ssnSql(c, bareSsnDigits)}) * ${PLACE.ssn}`,
    `(${phoneSql(c)}) * ${PLACE.phone}`,
    `(${dateOfBirthSql(c)}) * ${PLACE.birth_date}`,
  ].join(' + ');
  return `CASE WHEN ${length} IS NULL OR ${length} < 6 THEN 0`
    + ` WHEN ${length} < 9 THEN (${emailSql(c)}) * ${PLACE.email}`
    + ` WHEN ${length} = 11 AND ${mobileWholeSql(c)} THEN ${WHOLE * PLACE.phone}`
    + ` WHEN ${length} = 18 AND ${residentIdWholeSql(c, bindings)} THEN ${WHOLE * PLACE.national_id}`
    + ` WHEN ${length} IN (32, 36, 40, 64) AND ${pseudonymousKeySql(c)} THEN ${KEY_CODE}`
    + ` WHEN contains(${c}, '@') AND regexp_full_match(${c}, ${literalWhole(EMAIL)}) THEN ${WHOLE * PLACE.email}`
    + ` ELSE (${emailSql(c)}) * ${PLACE.email}`
    + ` + CASE WHEN NOT regexp_matches(${c}, ${quoteLiteral(ANY_CANDIDATE)}) THEN 0 ELSE ${slow} END END`;
}

function literalWhole(pattern: string): string {
  return quoteLiteral(whole(pattern));
}

/** The base-3 place of each kind in the code, and of the key flag. */
export function textCodePlace(kind: TextCodeKind | 'pseudonymous_key'): number {
  return kind === 'pseudonymous_key' ? TEXT_CODE_KINDS.length : TEXT_CODE_KINDS.indexOf(kind);
}
