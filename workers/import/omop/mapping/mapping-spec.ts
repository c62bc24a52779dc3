import { PmwError } from '../../../engine/errors.js';
import { lineAndColumn } from '../../../db/duckdb-errors.js';

/** What a mapped column holds: it decides the type the file is read with. */
export type FieldKind = 'id' | 'text' | 'date' | 'integer' | 'number';

/** The sections of a mapping file, each naming one plain file and which of its columns mean what. */
export const SECTIONS = {
  persons: { required: { file: 'file', id: 'id' }, optional: { sex: 'text', birthDate: 'date', birthYear: 'integer' } },
  observationPeriods: { required: { file: 'file', person: 'id', start: 'date', end: 'date' }, optional: {} },
  visits: { required: { file: 'file', person: 'id', start: 'date' }, optional: { end: 'date', code: 'text' } },
  conditions: { required: { file: 'file', person: 'id', date: 'date', code: 'text' }, optional: { endDate: 'date' } },
  drugs: { required: { file: 'file', person: 'id', start: 'date', code: 'text' }, optional: { end: 'date', daysSupply: 'integer', quantity: 'number' } },
  measurements: { required: { file: 'file', person: 'id', date: 'date', code: 'text' }, optional: { value: 'text', unit: 'text' } },
  deaths: { required: { file: 'file', person: 'id', date: 'date' }, optional: { cause: 'text' } },
} as const satisfies Record<string, { required: Record<string, FieldKind | 'file'>; optional: Record<string, FieldKind> }>;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

/** One section as given: the file (relative to the imported folder) and field → column name. */
export interface MappedSection {
  section: SectionName;
  file: string;
  /** Field (`person`, `date`, …) → the file's column. */
  columns: Map<string, string>;
}

export type SexValue = 'male' | 'female' | 'unknown' | number;

export interface OmopMapping {
  /** Sections present, persons first. */
  sections: MappedSection[];
  /** Folded source value → gender; absent: M/male/man and F/female/woman in any case. */
  sexValues: Map<string, SexValue> | null;
  /** strptime format of every date column (DuckDB `dateformat`), e.g. `%d/%m/%Y`; absent: ISO dates. */
  dateFormat: string | null;
}

const TOP_LEVEL = new Set([...SECTION_NAMES, 'sexValues', 'dateFormat', 'description']);

/**
 * Parses and checks a mapping file's text. Every mistake is refused with its JSON path (`conditions.code`)
 * and what would be right; files and columns are checked later, against the folder.
 */
export function parseMapping(text: string, mappingPath: string): OmopMapping {
  const fail = (message: string, hint: string, at?: { line: number; column: number }) =>
    new PmwError({ code: 'BAD_REQUEST', message: `mapping file ${mappingPath}: ${message}`, hint, file: mappingPath, ...at });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String((error as Error).message))?.[1] ?? NaN);
    const at = Number.isFinite(position) ? lineAndColumn(text, position) : undefined;
    throw fail(`is not valid JSON (${(error as Error).message})`, 'fix the JSON syntax (docs/omop-mapping.md has an example)', at);
  }
  if (!isObject(json)) throw fail('must be a JSON object with a persons section', 'see docs/omop-mapping.md');
  for (const key of Object.keys(json)) {
    if (!TOP_LEVEL.has(key)) throw fail(`${key} is not a section of a mapping`, `the sections are ${[...TOP_LEVEL].join(', ')}`);
  }
  if (json.persons === undefined) throw fail('has no persons section', 'a mapping needs persons: { "file": …, "id": … } (docs/omop-mapping.md)');
  const sections: MappedSection[] = [];
  for (const section of SECTION_NAMES) {
    const value = json[section];
    if (value !== undefined) sections.push(checkedSection(section, value, fail));
  }
  return { sections, sexValues: checkedSexValues(json.sexValues, fail), dateFormat: checkedDateFormat(json.dateFormat, fail) };
}

type Fail = (message: string, hint: string) => PmwError;

function checkedSection(section: SectionName, value: unknown, fail: Fail): MappedSection {
  const { required, optional } = SECTIONS[section];
  const allowed = [...Object.keys(required), ...Object.keys(optional)];
  if (!isObject(value)) throw fail(`${section} must be an object naming a file and its columns`, `e.g. "${section}": { ${allowed.slice(0, 3).map((f) => `"${f}": "…"`).join(', ')} }`);
  const columns = new Map<string, string>();
  for (const [field, column] of Object.entries(value)) {
    if (!allowed.includes(field)) throw fail(`${section}.${field} is not a field of ${section}`, `its fields are ${allowed.join(', ')}`);
    if (typeof column !== 'string' || column.trim() === '') throw fail(`${section}.${field} must be a non-empty string`, field === 'file' ? 'give the file name, relative to the imported folder' : 'give the name of a column of the file');
    if (field !== 'file') columns.set(field, column);
  }
  const missing = Object.keys(required).filter((field) => !(field in value));
  if (missing.length > 0) throw fail(`${section} has no ${missing.join(', ')}`, `${section} needs ${Object.keys(required).join(', ')}`);
  if (section === 'persons' && columns.has('birthDate') && columns.has('birthYear')) {
    throw fail('persons has both birthDate and birthYear', 'give one of them: birthDate (a date column) or birthYear (a year column)');
  }
  return { section, file: String(value.file), columns };
}

function checkedSexValues(value: unknown, fail: Fail): Map<string, SexValue> | null {
  if (value === undefined) return null;
  const hint = 'e.g. "sexValues": { "1": "male", "2": "female", "9": "unknown" } (or an OMOP gender concept id)';
  if (!isObject(value)) throw fail('sexValues must be an object from a value of the sex column to male, female or unknown', hint);
  const values = new Map<string, SexValue>();
  for (const [key, sex] of Object.entries(value)) {
    const valid = sex === 'male' || sex === 'female' || sex === 'unknown' || (typeof sex === 'number' && Number.isSafeInteger(sex));
    if (!valid) throw fail(`sexValues.${key} must be male, female, unknown or a concept id, not ${JSON.stringify(sex)}`, hint);
    values.set(key.trim().toLowerCase(), sex as SexValue);
  }
  return values;
}

function checkedDateFormat(value: unknown, fail: Fail): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !value.includes('%')) {
    throw fail(`dateFormat must be a strptime format such as "%d/%m/%Y", not ${JSON.stringify(value)}`, 'use %Y (year), %m (month), %d (day); leave it out for YYYY-MM-DD');
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind of a mapped field, for the type its column is read with. */
export function fieldKind(section: SectionName, field: string): FieldKind {
  const { required, optional } = SECTIONS[section];
  const kind = (required as Record<string, string>)[field] ?? (optional as Record<string, string>)[field];
  return kind === 'file' || kind === undefined ? 'text' : (kind as FieldKind);
}
