import type { Transform } from '../../../engine/api.js';
import { transformRefused, type TransformPlace } from './transform-error.js';
import { DEFAULT_AGE_BAND_WIDTH, DEFAULT_AGE_TOP_CODE, DEFAULT_RARE_MIN_COUNT } from './generalize-sql.js';

/** The ranges a transform's numbers must lie in (whole numbers, both ends included). */
export const TRANSFORM_LIMITS = {
  width: [1, 100],
  topCode: [1, 200],
  keep: [1, 1000],
  maxDays: [1, 3650],
  minCount: [1, 2 ** 31 - 1],
} as const satisfies Record<string, readonly [number, number]>;

const KINDS = ['drop', 'hash', 'shiftDates', 'ageBands', 'truncate', 'generalizeDate', 'suppressRare'] as const;

/**
 * Checks what can be checked without the data (kind, field types, numbers in range) and returns the
 * transform with its defaults written out (width, topCode, minCount, replacement, maxDays), so what is
 * recorded says exactly what was applied.
 */
export function checkTransformShape(value: unknown, position: number, dateShiftDays: number): Transform {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const kind = fields['kind'];
  const place: TransformPlace = {
    position,
    kind: typeof kind === 'string' ? kind : 'unknown kind',
    ...(typeof fields['table'] === 'string' ? { table: fields['table'] } : {}),
    ...(typeof fields['column'] === 'string' ? { column: fields['column'] } : {}),
  };
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    throw transformRefused(place, `"${String(kind)}" is not a transform`, `use one of ${KINDS.join(', ')}`);
  }
  if (fields['table'] !== undefined && typeof fields['table'] !== 'string') {
    throw transformRefused(place, 'table must be a table name', 'give the table as text, or leave it out for the main table');
  }
  const whole = (name: keyof typeof TRANSFORM_LIMITS, given: unknown): number => {
    const [low, high] = TRANSFORM_LIMITS[name];
    if (typeof given !== 'number' || !Number.isInteger(given) || given < low || given > high) {
      throw transformRefused(place, `${name} must be a whole number from ${low} to ${high}, not ${JSON.stringify(given)}`, `change ${name}`);
    }
    return given;
  };
  if (kind === 'shiftDates') return checkShiftDatesShape(fields, place, whole(`maxDays`, fields['maxDays'] ?? dateShiftDays));
  if (typeof fields['column'] !== 'string' || fields['column'] === '') {
    throw transformRefused(place, 'column is missing', 'name the column to transform');
  }
  const base = { column: fields['column'], ...(place.table === undefined ? {} : { table: place.table }) };
  switch (kind) {
    case 'drop':
    case 'hash':
      return { kind, ...base };
    case 'ageBands':
      return { kind, ...base, width: whole('width', fields['width'] ?? DEFAULT_AGE_BAND_WIDTH), topCode: whole('topCode', fields['topCode'] ?? DEFAULT_AGE_TOP_CODE) };
    case 'truncate':
      return { kind, ...base, keep: whole('keep', fields['keep']) };
    case 'generalizeDate': {
      const to = fields['to'];
      if (to !== 'year' && to !== 'month') throw transformRefused(place, `to must be "year" or "month", not ${JSON.stringify(to)}`, 'choose year or month');
      return { kind, ...base, to };
    }
    default: {
      const replacement = fields['replacement'] ?? null;
      if (replacement !== null && typeof replacement !== 'string') {
        throw transformRefused(place, 'replacement must be text or null', 'leave it out to replace rare values with null');
      }
      return { kind: 'suppressRare', ...base, minCount: whole('minCount', fields['minCount'] ?? DEFAULT_RARE_MIN_COUNT), replacement };
    }
  }
}

function checkShiftDatesShape(fields: Record<string, unknown>, place: TransformPlace, maxDays: number): Transform {
  const { columns, person } = fields;
  if (typeof person !== 'string' || person === '') {
    throw transformRefused(place, 'person is missing', 'name the column holding the person key (e.g. person_id)');
  }
  if (!Array.isArray(columns) || columns.length === 0 || !columns.every((c): c is string => typeof c === 'string' && c !== '')) {
    throw transformRefused(place, 'columns must list at least one date column', 'name the DATE or TIMESTAMP columns to shift');
  }
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated !== undefined) throw transformRefused({ ...place, column: repeated }, 'the column is listed twice', 'list each date column once');
  if (columns.includes(person)) throw transformRefused({ ...place, column: person }, 'the person key is also listed as a date column', 'list only the date columns');
  return { kind: 'shiftDates', columns, person, maxDays, ...(place.table === undefined ? {} : { table: place.table }) };
}
