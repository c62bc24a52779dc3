import type { ResultPage } from '../../workers/engine/api.js';
import { cellValue } from '../../workers/db/columnar.js';

export interface TabularColumn {
  name: string;
  /** Numbers are right-aligned in tables. */
  numeric: boolean;
}

/**
 * What every output format renders: columns and a cell reader. A ResultPage stays columnar underneath,
 * so printing a page never builds row objects.
 */
export interface Tabular {
  columns: TabularColumn[];
  rowCount: number;
  /** Plain JS value of a cell: null, number, bigint, boolean, string, or a JSON value. */
  value(row: number, column: number): unknown;
}

/** Types that arrive as text to keep every digit, but are numbers all the same. */
const NUMERIC_TEXT_TYPE = /^(HUGEINT|UHUGEINT|UBIGINT|DECIMAL)\b/i;

export function tabularFromPage(page: ResultPage): Tabular {
  return {
    columns: page.columns.map((c) => ({
      name: c.name,
      numeric: c.data.kind === 'number' || c.data.kind === 'bigint' || NUMERIC_TEXT_TYPE.test(c.type),
    })),
    rowCount: page.rowCount,
    value: (row, column) => cellValue(page.columns[column]!, row),
  };
}

/** Rows held as arrays (catalog, audit, profile listings); a column is numeric when it is declared so. */
export function tabularFromRows(columns: TabularColumn[], rows: unknown[][]): Tabular {
  return { columns, rowCount: rows.length, value: (row, column) => rows[row]?.[column] ?? null };
}

/** Shorthand for `tabularFromRows`: names ending in `#` are numeric (`rows#`). */
export function tabularFromNamedRows(names: string[], rows: unknown[][]): Tabular {
  const columns = names.map((name) => (name.endsWith('#') ? { name: name.slice(0, -1), numeric: true } : { name, numeric: false }));
  return tabularFromRows(columns, rows);
}

/**
 * The same table with non-integer numbers shown to `digits` significant digits, for screens whose
 * measures would otherwise print 17 digits each. Only for reading in a terminal: CSV, JSON and exports
 * keep every digit.
 */
export function roundedTabular(data: Tabular, digits: number): Tabular {
  return {
    ...data,
    value: (row, column) => {
      const value = data.value(row, column);
      return typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(digits)) : value;
    },
  };
}
