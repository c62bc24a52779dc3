/** Reading and building columnar result pages (ResultPage) without turning them into row objects wholesale. */
import type { ResultColumn, ResultPage } from '../../workers/engine/api.js';

/** One value: number, bigint, boolean, string, a JSON value, or null. */
export function pageValue(column: ResultColumn, row: number): unknown {
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

/** A column of doubles (NaN stays a number; `null` entries are missing). */
export function numberColumn(name: string, values: ArrayLike<number | null>, type = 'DOUBLE'): ResultColumn {
  const numbers = new Float64Array(values.length);
  const valid = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) { numbers[i] = value; valid[i] = 1; }
  }
  return { name, type, data: { kind: 'number', values: numbers, valid } };
}

export function stringColumn(name: string, values: (string | null)[]): ResultColumn {
  return { name, type: 'VARCHAR', data: { kind: 'string', values } };
}

/** A whole page held in memory, e.g. a Kaplan–Meier curve or Table 1. */
export function memoryPage(columns: ResultColumn[], taskId = ''): ResultPage {
  const rowCount = columns.length === 0 ? 0 : columnLength(columns[0]!);
  return { taskId, columns, rowCount, offset: 0, hasMore: false, totalRows: rowCount, elapsedMs: 0 };
}

function columnLength(column: ResultColumn): number {
  return column.data.values.length;
}
