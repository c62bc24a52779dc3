import { DOUBLE, DuckDBDataChunk, DuckDBDoubleVector, type DuckDBConnection, type DuckDBVector } from '@duckdb/node-api';

/** Rows a chunk carries; DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/**
 * Reads numeric columns of a result straight into Float64Arrays, chunk by chunk: a screen over millions
 * of pairs never turns into millions of JS values in arrays. NULL becomes NaN.
 */
export async function readFloat64Columns(
  connection: DuckDBConnection,
  sql: string,
  rowCount: number,
): Promise<Float64Array[]> {
  const result = await connection.stream(sql);
  const columns = Array.from({ length: result.columnCount }, () => new Float64Array(rowCount));
  let offset = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    if (offset + chunk.rowCount > rowCount) throw new Error(`expected ${rowCount} rows, got more`);
    for (let c = 0; c < columns.length; c++) copyVector(chunk.getColumnVector(c), chunk.rowCount, columns[c]!, offset);
    offset += chunk.rowCount;
  }
  if (offset !== rowCount) throw new Error(`expected ${rowCount} rows, got ${offset}`);
  return columns;
}

/**
 * DOUBLE vectors are copied as one block from DuckDB's memory (the node API keeps that view private, so
 * we reach for it and fall back to item-by-item reads if it ever moves); NULLs are then set to NaN.
 */
function copyVector(vector: DuckDBVector, rows: number, target: Float64Array, offset: number): void {
  const items = doubleItems(vector);
  if (items && items.length >= rows) {
    target.set(items.subarray(0, rows), offset);
    const validity = (vector as unknown as { validity: { itemValid(i: number): boolean } }).validity;
    for (let r = 0; r < rows; r++) if (!validity.itemValid(r)) target[offset + r] = NaN;
    return;
  }
  for (let r = 0; r < rows; r++) {
    const value = vector.getItem(r);
    target[offset + r] = value === null ? NaN : Number(value);
  }
}

function doubleItems(vector: DuckDBVector): Float64Array | null {
  const items = vector instanceof DuckDBDoubleVector ? (vector as unknown as { items?: Float64Array }).items : undefined;
  return items instanceof Float64Array ? items : null;
}

/** The write-side twin of `copyVector`, on a fresh (all-valid) vector: one block copy, then NaN cells set NULL. */
function fillVector(vector: DuckDBVector, source: Float64Array): void {
  const items = doubleItems(vector);
  if (items && items.length >= source.length) {
    items.set(source);
    for (let r = 0; r < source.length; r++) if (Number.isNaN(source[r]!)) vector.setItem(r, null);
    return;
  }
  for (let r = 0; r < source.length; r++) {
    const value = source[r]!;
    vector.setItem(r, Number.isNaN(value) ? null : value);
  }
}

/**
 * Appends Float64Array columns as DOUBLE rows to an existing table whose columns are exactly these, in
 * order. NaN is stored as NULL.
 */
export async function appendFloat64Columns(
  connection: DuckDBConnection,
  table: string,
  columns: Float64Array[],
  where: { schema?: string; catalog?: string } = {},
): Promise<void> {
  const rowCount = columns[0]?.length ?? 0;
  const appender = await connection.createAppender(table, where.schema ?? null, where.catalog ?? null);
  try {
    const types = columns.map(() => DOUBLE);
    for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, rowCount - start);
      // A fresh chunk each time: its validity starts all-valid, so only NULLs need marking.
      const chunk = DuckDBDataChunk.create(types, rows);
      for (let c = 0; c < columns.length; c++) {
        const vector = chunk.getColumnVector(c);
        fillVector(vector, columns[c]!.subarray(start, start + rows));
        vector.flush();
      }
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
