import type { InfoColumn } from './info-columns.js';
import type { LineNotes } from './line-notes.js';

export type InfoScalar = number | string | boolean | null;
export type InfoValue = InfoScalar | (number | string | null)[];

/** The INFO keys of one record: the raw text of each declared column (`true` for a bare key) and the rest. */
export interface RecordInfo {
  raw: (string | true | undefined)[];
  undeclared: [string, string][];
}

const SPECIAL_FLOATS: Record<string, number> = {
  nan: Number.NaN, '+nan': Number.NaN, '-nan': Number.NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity,
  infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity,
};
const INTEGER = /^[-+]?\d+$/;

/** `%3B` → `;` (VCF 4.3 percent-encoding); text with a bad escape is kept as written. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits an INFO column (`AC=1;DB;AF=0.5`) into the values of the declared columns and the undeclared keys. */
export function splitInfo(text: string, columnOfKey: Map<string, number>, columnCount: number): RecordInfo {
  const raw: (string | true | undefined)[] = new Array(columnCount);
  const undeclared: [string, string][] = [];
  if (text === '.' || text === '') return { raw, undeclared };
  for (const entry of text.split(';')) {
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    const key = eq < 0 ? entry : entry.slice(0, eq);
    const index = columnOfKey.get(key);
    if (index === undefined) undeclared.push([key, eq < 0 ? '' : entry.slice(eq + 1)]);
    else if (raw[index] === undefined) raw[index] = eq < 0 ? true : entry.slice(eq + 1);
  }
  return { raw, undeclared };
}

/** Reads INFO values into their column types, with what does not fit noted per key. */
export class InfoReader {
  constructor(private readonly percentEncoded: boolean, private readonly notes: LineNotes) {}

  /** The value of `column` for ALT `alt` (1-based; 0 for a record without ALT) of a record with `nAlt` ALTs. */
  valueFor(column: InfoColumn, raw: string | true | undefined, alt: number, nAlt: number, lineIndex: number): InfoValue {
    if (column.type === 'Flag') {
      if (typeof raw === 'string') this.notes.add(`info-flag-value:${column.key}`, lineIndex, raw);
      return raw !== undefined;
    }
    if (raw === undefined) return null;
    if (raw === true) {
      this.notes.add(`info-no-value:${column.key}`, lineIndex);
      return null;
    }
    if (column.number === '1' && column.type !== 'Integer' && column.type !== 'Float') {
      if (raw.includes(',')) this.notes.add(`info-count:${column.key}`, lineIndex, `${column.number}/${raw.split(',').length}/${nAlt}`);
      return this.element(column, raw, lineIndex);
    }
    const values = raw === '.' && column.number === '1' ? ['.'] : raw.split(',');
    const picked = this.pick(column.number, values, alt, nAlt);
    if (picked === null) {
      this.notes.add(`info-count:${column.key}`, lineIndex, `${column.number}/${values.length}/${nAlt}`);
      return null;
    }
    if (!column.list) {
      if (picked.length !== 1) {
        this.notes.add(`info-count:${column.key}`, lineIndex, `${column.number}/${values.length}/${nAlt}`);
        return null;
      }
      return this.element(column, picked[0]!, lineIndex);
    }
    return picked.map((v) => this.element(column, v, lineIndex) as number | string | null);
  }

  /** The values of this ALT: Number=A one, R [REF, ALT], G the genotype subset; null when the count is wrong. */
  private pick(number: string, values: string[], alt: number, nAlt: number): string[] | null {
    if (number === 'A') {
      if (values.length === 1 && values[0] === '.') return values;
      return values.length === nAlt && alt > 0 ? [values[alt - 1]!] : null;
    }
    if (number === 'R') {
      if (values.length !== nAlt + 1) return values.length === 1 && values[0] === '.' ? values : null;
      return nAlt <= 1 ? values : [values[0]!, values[alt]!];
    }
    if (number === 'G') {
      if (nAlt <= 1) return values;
      const alleles = nAlt + 1;
      const corner = (alt * (alt + 1)) / 2;
      if (values.length === (alleles * (alleles + 1)) / 2) return [values[0]!, values[corner]!, values[corner + alt]!];
      if (values.length === alleles) return [values[0]!, values[alt]!];
      return values.length === 1 && values[0] === '.' ? values : null;
    }
    return values;
  }

  private element(column: InfoColumn, text: string, lineIndex: number): InfoScalar {
    if (text === '.' || text === '') return null;
    if (column.type === 'Integer') {
      const value = INTEGER.test(text) ? Number(text) : Number.NaN;
      // -2^31 to -2^31+7 are reserved by the specification (BCF's missing and end-of-vector markers).
      if (Number.isInteger(value) && value >= -2147483640 && value <= 2147483647) return value;
      this.notes.add(`info-bad-value:${column.key}`, lineIndex, text);
      return null;
    }
    if (column.type === 'Float') {
      const special = SPECIAL_FLOATS[text.toLowerCase()];
      if (special !== undefined) return special;
      const value = Number(text);
      if (Number.isNaN(value) || text.trim() !== text) {
        this.notes.add(`info-bad-value:${column.key}`, lineIndex, text);
        return null;
      }
      return value;
    }
    const decoded = this.percentEncoded ? percentDecode(text) : text;
    if (column.type === 'Character' && [...decoded].length !== 1) this.notes.add(`info-bad-value:${column.key}`, lineIndex, text);
    return decoded;
  }
}
