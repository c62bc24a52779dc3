/**
 * A ResultPage's columns as Plot channel arrays, without row objects: numbers stay in a Float64Array (NaN for
 * NULL, which Plot leaves undrawn), BIGINT and DECIMAL become numbers, DATE and TIMESTAMP text becomes Dates.
 * Each array carries `label` (the column name), which Plot uses for axis labels and tooltips.
 */
import type { ResultColumn, ResultPage } from '../../workers/engine/api.js';

export type ChannelArray = (Float64Array | (Date | null)[] | (string | boolean | null)[]) & { label?: string };

const TEMPORAL = /^(DATE|TIMESTAMP)/i;
const NUMERIC_TEXT = /^(DECIMAL|NUMERIC|HUGEINT|UHUGEINT|UBIGINT)/i;

export function isTemporalColumn(column: ResultColumn): boolean {
  return column.data.kind === 'string' && TEMPORAL.test(column.type);
}

export function columnByName(page: ResultPage, name: string): ResultColumn | undefined {
  return page.columns.find((c) => c.name === name) ?? page.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

export function channelArray(column: ResultColumn): ChannelArray {
  const data = column.data;
  let values: ChannelArray;
  switch (data.kind) {
    case 'number':
      values = Float64Array.from(data.values, (v, i) => (data.valid[i] ? v : NaN));
      break;
    case 'bigint':
      values = Float64Array.from(data.values, (v, i) => (data.valid[i] ? Number(v) : NaN));
      break;
    case 'boolean':
      values = Array.from(data.values, (v, i) => (data.valid[i] ? v === 1 : null));
      break;
    case 'json':
      values = data.values.map((v) => (v == null ? null : JSON.stringify(v)));
      break;
    case 'string':
      if (TEMPORAL.test(column.type)) values = data.values.map(parseInstant);
      else if (NUMERIC_TEXT.test(column.type)) values = Float64Array.from(data.values, (v) => (v == null ? NaN : Number(v)));
      else values = data.values.slice();
      break;
  }
  values.label = column.name;
  return values;
}

/** DuckDB's text of a DATE or TIMESTAMP (`2020-01-31`, `2020-01-31 12:00:00[.123][+01]`) as a Date, read as UTC. */
function parseInstant(text: string | null): Date | null {
  if (text == null) return null;
  const iso = text.includes(' ') ? text.replace(' ', 'T') : text.length === 10 ? `${text}T00:00:00` : text;
  const zoned = /([+-]\d{2}(:?\d{2})?|Z)$/.test(iso.slice(10)) ? iso.replace(/([+-]\d{2})$/, '$1:00') : `${iso}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The midpoints of two edge arrays (numbers or Dates), for lines and areas over bins. */
export function midpoints(lower: ChannelArray, upper: ChannelArray): ChannelArray {
  const n = lower.length;
  if (lower instanceof Float64Array && upper instanceof Float64Array) {
    return Float64Array.from({ length: n }, (_, i) => (lower[i]! + upper[i]!) / 2);
  }
  return Array.from({ length: n }, (_, i) => {
    const a = lower[i] as Date | null;
    const b = upper[i] as Date | null;
    return a && b ? new Date((a.getTime() + b.getTime()) / 2) : null;
  });
}
