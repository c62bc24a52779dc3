import { DuckDBTypeId, type DuckDBResultReader, type DuckDBValue } from '@duckdb/node-api';
import type { ColumnValues, ResultColumn } from '../engine/api.js';

type Kind = ColumnValues['kind'];

const NUMBER_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE,
]);
const JSON_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.LIST, DuckDBTypeId.STRUCT, DuckDBTypeId.MAP, DuckDBTypeId.ARRAY, DuckDBTypeId.UNION,
]);

/** How a DuckDB type crosses to the UI. DECIMAL stays text so that no digit is lost on the way. */
export function columnKind(typeId: DuckDBTypeId): Kind {
  if (NUMBER_TYPES.has(typeId)) return 'number';
  if (typeId === DuckDBTypeId.BIGINT) return 'bigint';
  if (typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  if (JSON_TYPES.has(typeId)) return 'json';
  return 'string';
}

/** Turns rows [start, start + count) of a read result into typed columns; pages are bounded, so the arrays are too. */
export function readColumns(reader: DuckDBResultReader, start: number, count: number): ResultColumn[] {
  const end = Math.min(reader.currentRowCount, start + count);
  const raw = reader.getColumns();
  let json: unknown[][] | null = null;
  return reader.columnNames().map((name, index) => {
    const typeId = reader.columnTypeId(index);
    const type = reader.columnType(index).toString();
    const values = (raw[index] ?? []).slice(start, end);
    const kind = columnKind(typeId);
    if (kind === 'json') json ??= reader.getColumnsJson();
    const data = toColumnValues(kind, values, kind === 'json' ? (json?.[index] ?? []).slice(start, end) : []);
    return { name, type, data };
  });
}

function toColumnValues(kind: Kind, values: DuckDBValue[], jsonValues: unknown[]): ColumnValues {
  const n = values.length;
  switch (kind) {
    case 'number': {
      const out = new Float64Array(n);
      const valid = new Uint8Array(n);
      values.forEach((v, i) => { if (v !== null) { out[i] = Number(v); valid[i] = 1; } });
      return { kind, values: out, valid };
    }
    case 'bigint': {
      const out = new BigInt64Array(n);
      const valid = new Uint8Array(n);
      values.forEach((v, i) => { if (v !== null) { out[i] = BigInt(v as bigint); valid[i] = 1; } });
      return { kind, values: out, valid };
    }
    case 'boolean': {
      const out = new Uint8Array(n);
      const valid = new Uint8Array(n);
      values.forEach((v, i) => { if (v !== null) { out[i] = v ? 1 : 0; valid[i] = 1; } });
      return { kind, values: out, valid };
    }
    case 'json':
      return { kind, values: jsonValues };
    case 'string':
      return { kind, values: values.map((v) => (v === null ? null : String(v))) };
  }
}

/** The value at `row` as plain JS (null, number, bigint, boolean, string or JSON), for printing and tests. */
export function cellValue(column: ResultColumn, row: number): unknown {
  const data = column.data;
  switch (data.kind) {
    case 'number':
    case 'bigint':
      return data.valid[row] ? data.values[row] : null;
    case 'boolean':
      return data.valid[row] ? data.values[row] === 1 : null;
    case 'string':
    case 'json':
      return data.values[row] ?? null;
  }
}
