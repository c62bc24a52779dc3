/**
 * Which checks a column gets, from its type and its name. Text gets every content pattern (one packed
 * code, see text-code.ts); big integers and doubles get the two identifiers that are plain numbers
 * (11-digit mobiles, 18-digit resident IDs) as range tests; a name that announces a birth date or a
 * postcode adds the test that decides whether the values still identify (day precision, more than three
 * characters).
 */
import type { ColumnInfo, FindingKind } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';
import { residentIdBirthSql, residentIdBodySql } from './cn-resident-id.js';
import { kindFromName, type NameKind } from './column-names.js';
import {
  dateOfBirthSql, dayPrecisionSql, emailSql, INSIDE, longPostcodeSql, phoneNumberSql, phoneSql, pseudonymousKeySql,
  residentIdNumberSql, residentIdTextSql, ssnSql, WHOLE,
} from './content-sql.js';
import { TEXT_CODE_KINDS, textCodePlace, textCodeSql, type TextBindings } from './text-code.js';

/**
 * One thing counted for a column. `content` / `free_text`: findings of `kind` by value; `key`: values that
 * are pseudonymous keys; `gate`: values that keep a name finding alive (day-precise birth dates, long
 * postcodes). A row shows it when base-3 digit `place` of the column's code equals `digit`; `where` is
 * the same condition written on the table itself, for reading examples.
 */
export interface Outcome {
  kind: FindingKind;
  role: 'content' | 'free_text' | 'key' | 'gate';
  place: number;
  digit: number;
  where: string;
}

/** An expression computed once per row under an alias, in the projection below the code. */
export interface Binding {
  alias: string;
  sql: string;
}

/**
 * A column's checks: `code` (SQL over the column and the bindings) packs every check's result into one
 * integer, one base-3 digit per place, so the counting pass needs a single histogram per column.
 */
export interface ColumnPlan {
  column: ColumnInfo;
  nameKind: NameKind | null;
  bindings: Binding[];
  code: string;
  outcomes: Outcome[];
}

type Category = 'text' | 'big_integer' | 'integer' | 'floating' | 'temporal' | 'uuid' | 'boolean' | 'other';

export function typeCategory(type: string): Category {
  const t = type.toUpperCase();
  if (t === 'VARCHAR' || t.startsWith('VARCHAR(')) return 'text';
  if (/^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/.test(t)) return 'big_integer';
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/.test(t)) return 'integer';
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(t)) return 'floating';
  if (/^(DATE|TIMESTAMP.*)$/.test(t)) return 'temporal';
  if (t === 'UUID') return 'uuid';
  if (t === 'BOOLEAN') return 'boolean';
  return 'other';
}

/** Standalone per-kind expressions for the examples of a text column (same outcomes as the packed code). */
function textKindSql(c: string, kind: (typeof TEXT_CODE_KINDS)[number], bareSsnDigits: boolean): string {
  switch (kind) {
    case 'email': return emailSql(c);
    case 'national_id': return residentIdTextSql(c);
    case 'ssn': return ssnSql(c, bareSsnDigits);
    case 'phone': return phoneSql(c);
    case 'birth_date': return dateOfBirthSql(c);
  }
}

function textPlan(c: string, index: number, nameKind: NameKind | null): Pick<ColumnPlan, 'bindings' | 'code' | 'outcomes'> {
  const bound: TextBindings = {
    length: quoteIdentifier(`__pmw_length_${index}`),
    body: quoteIdentifier(`__pmw_body_${index}`),
    birth: quoteIdentifier(`__pmw_birth_${index}`),
  };
  const bare = nameKind === 'ssn';
  const outcomes: Outcome[] = TEXT_CODE_KINDS.flatMap((kind) => ([['content', WHOLE], ['free_text', INSIDE]] as const).map(([role, digit]) => ({
    kind, role, place: textCodePlace(kind), digit, where: `(${textKindSql(c, kind, bare)}) = ${digit}`,
  })));
  outcomes.push({ kind: 'pseudonymous_key', role: 'key', place: textCodePlace('pseudonymous_key'), digit: WHOLE, where: `(${pseudonymousKeySql(c)})` });
  return {
    bindings: [
      { alias: bound.length, sql: `strlen(${c})` },
      { alias: bound.body, sql: residentIdBodySql(c) },
      { alias: bound.birth, sql: residentIdBirthSql(c) },
    ],
    code: textCodeSql(c, bound, bare),
    outcomes,
  };
}

function numberChecks(c: string, category: Category): [FindingKind, string][] {
  if (category === 'big_integer') return [['phone', phoneNumberSql(c, false)], ['national_id', residentIdNumberSql(c)]];
  if (category === 'floating') return [['phone', phoneNumberSql(c, true)]];
  return [];
}

function gateSql(c: string, category: Category, nameKind: NameKind | null): string | null {
  if (nameKind === 'birth_date') {
    if (category === 'text' || category === 'temporal') return dayPrecisionSql(c, category);
    if (category === 'integer' || category === 'big_integer') return dayPrecisionSql(c, 'integer');
    return '0';
  }
  return nameKind === 'postcode' ? longPostcodeSql(c) : null;
}

/** The checks for one column (`index` keeps aliases apart); a boolean column is never an identifier, whatever its name. */
export function planColumn(column: ColumnInfo, index: number): ColumnPlan {
  const category = typeCategory(column.type);
  const nameKind = category === 'boolean' ? null : kindFromName(column.name);
  const c = quoteIdentifier(column.name);
  const plan: ColumnPlan = { column, nameKind, bindings: [], code: '0', outcomes: [] };
  if (category === 'text') Object.assign(plan, textPlan(c, index, nameKind));
  // Checks whose result is 0 or 1, each at the next free place after the text code's.
  const single: [FindingKind, Outcome['role'], string][] = numberChecks(c, category).map(([kind, sql]) => [kind, 'content', sql]);
  if (category === 'uuid') single.push(['pseudonymous_key', 'key', `CASE WHEN ${c} IS NOT NULL THEN ${WHOLE} ELSE 0 END`]);
  const gate = gateSql(c, category, nameKind);
  if (gate !== null && nameKind) single.push([nameKind, 'gate', gate]);
  let place = plan.outcomes.reduce((next, o) => Math.max(next, o.place + 1), 0);
  for (const [kind, role, sql] of single) {
    plan.code = `${plan.code} + (${sql}) * ${3 ** place}`;
    plan.outcomes.push({ kind, role, place, digit: WHOLE, where: `(${sql}) = ${WHOLE}` });
    place += 1;
  }
  return plan;
}

/** True when the column needs a place in the table's counting pass. */
export function needsScan(plan: ColumnPlan): boolean {
  return plan.nameKind !== null || plan.outcomes.length > 0;
}
