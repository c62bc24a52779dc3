import type { Transform } from '../workers/engine/api.js';
import { UsageError } from './usage-error.js';

export const TRANSFORM_HELP = `  --transform T     a de-identification transform (repeatable), applied before anything is kept:
                      drop:COL                 remove the column
                      hash:COL                 keyed hash (HMAC-SHA-256, the workspace's secret)
                      shift-dates:PERSON:COL[,COL…][:DAYS]
                                               one random offset per person within ±DAYS
                                               (default: the policy's) on every listed date
                      age-bands:COL[:WIDTH[:TOP]]  ages → 0-4, 5-9, … and TOP+ (default 5, 90)
                      truncate:COL:N           keep the first N characters (postcodes)
                      generalize-date:COL:year|month
                      suppress-rare:COL[:MIN]  values held by fewer than MIN rows (default 5) → null
                    prefix COL with TABLE. for a table other than the dataset's first`;

function whole(text: string | undefined, what: string, command: string, min: number): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${what} must be a whole number ≥ ${min}, not ${text}`, command);
  return value;
}

/** `gibleed.person.year` → `{ table: 'gibleed.person', column: 'year' }`; a bare name has no table. */
function splitColumn(text: string | undefined, spec: string, command: string): { column: string; table?: string } {
  if (!text) throw new UsageError(`--transform ${spec} names no column`, command);
  const dot = text.lastIndexOf('.');
  return dot < 0 ? { column: text } : { column: text.slice(dot + 1), table: text.slice(0, dot) };
}

/** Parses one `--transform` value (see TRANSFORM_HELP). */
export function parseTransform(spec: string, command: string): Transform {
  const [kind, ...rest] = spec.split(':');
  switch (kind) {
    case 'drop': return { kind: 'drop', ...splitColumn(rest[0], spec, command) };
    case 'hash': return { kind: 'hash', ...splitColumn(rest[0], spec, command) };
    case 'shift-dates': {
      const person = splitColumn(rest[0], spec, command);
      const columns = (rest[1] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
      if (columns.length === 0) throw new UsageError(`--transform ${spec} needs PERSON:COL[,COL…], e.g. shift-dates:person_id:visit_date`, command);
      const maxDays = whole(rest[2], 'the days of shift-dates', command, 1);
      return { kind: 'shiftDates', person: person.column, columns, ...(person.table ? { table: person.table } : {}), ...(maxDays ? { maxDays } : {}) };
    }
    case 'age-bands': {
      const width = whole(rest[1], 'the band width', command, 1);
      const topCode = whole(rest[2], 'the top code', command, 1);
      return { kind: 'ageBands', ...splitColumn(rest[0], spec, command), ...(width ? { width } : {}), ...(topCode ? { topCode } : {}) };
    }
    case 'truncate': {
      const keep = whole(rest[1], 'the characters to keep', command, 1);
      if (keep === undefined) throw new UsageError(`--transform ${spec} needs the characters to keep, e.g. truncate:postcode:3`, command);
      return { kind: 'truncate', ...splitColumn(rest[0], spec, command), keep };
    }
    case 'generalize-date': {
      if (rest[1] !== 'year' && rest[1] !== 'month') throw new UsageError(`--transform ${spec} needs :year or :month`, command);
      return { kind: 'generalizeDate', ...splitColumn(rest[0], spec, command), to: rest[1] };
    }
    case 'suppress-rare': {
      const minCount = whole(rest[1], 'the minimum count', command, 1);
      return { kind: 'suppressRare', ...splitColumn(rest[0], spec, command), ...(minCount ? { minCount } : {}) };
    }
    default:
      throw new UsageError(`--transform ${spec}: unknown transform ${kind ?? ''}; use drop, hash, shift-dates, age-bands, truncate, generalize-date or suppress-rare`, command);
  }
}

export function parseTransforms(specs: string[] | undefined, command: string): Transform[] | undefined {
  return specs && specs.length > 0 ? specs.map((s) => parseTransform(s, command)) : undefined;
}

/** `drop of main.patients.name (1,000 rows)` — one line per applied transform. */
export function describeTransform(transform: Transform, table: string): string {
  const columns = transform.kind === 'shiftDates' ? `${transform.columns.join(', ')} by ${transform.person}` : transform.column;
  return `${transform.kind} ${table}.${columns}`;
}
