import duckdb from '@duckdb/node-bindings';
import { DuckDBDataChunk, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';

/** DuckDB's vector size: the most rows one data chunk holds. */
export const CHUNK_ROWS = 2048;

type FixedArray = Int32Array | Int16Array | Uint8Array | Float64Array | BigInt64Array;

/**
 * A data chunk filled column by column with whole typed arrays (a memory copy per column) instead of a
 * call per value: @duckdb/node-api's `setItem` path moves ~3.5M values/s, too slow for the ~54M sparse
 * calls of a 2,504-sample cohort. Uses node-api's own binding layer (`@duckdb/node-bindings`, the version
 * node-api pins) for the copies.
 */
export class BulkChunk {
  readonly chunk: DuckDBDataChunk;
  rows = 0;

  constructor(types: readonly DuckDBType[]) {
    this.chunk = DuckDBDataChunk.create(types);
  }

  /** Empties the chunk for `rows` new rows (a chunk is reused: creating one per batch costs more than filling it). */
  reset(rows: number): this {
    if (rows > CHUNK_ROWS) throw new Error(`a data chunk holds at most ${CHUNK_ROWS} rows`);
    this.chunk.reset();
    this.chunk.rowCount = rows;
    this.rows = rows;
    return this;
  }

  private vector(column: number): duckdb.Vector {
    return duckdb.data_chunk_get_vector(this.chunk.chunk, column);
  }

  /** A fixed-width column from the first `rows` values of `values`. */
  setFixed(column: number, values: FixedArray): void {
    copyInto(this.vector(column), values, this.rows);
  }

  /** Marks the rows where `valid(row)` is false as NULL. */
  setNulls(column: number, valid: (row: number) => boolean): void {
    writeValidity(this.vector(column), this.rows, valid);
  }

  /** A VARCHAR or BLOB column: row `i` is `bytes[starts[i], ends[i])`; `null` where `isNull(i)`. */
  setBytes(column: number, bytes: Uint8Array, start: (row: number) => number, end: (row: number) => number, isNull?: (row: number) => boolean): void {
    const vector = this.vector(column);
    for (let i = 0; i < this.rows; i++) {
      if (isNull?.(i)) continue;
      duckdb.vector_assign_string_element_len(vector, i, bytes.subarray(start(i), end(i)));
    }
    if (isNull) writeValidity(vector, this.rows, (i) => !isNull(i));
  }

  /** A VARCHAR column from JS strings (null is NULL). */
  setStrings(column: number, values: (row: number) => string | null): void {
    const vector = this.vector(column);
    let nulls = false;
    for (let i = 0; i < this.rows; i++) {
      const value = values(i);
      if (value === null) nulls = true;
      else duckdb.vector_assign_string_element(vector, i, value);
    }
    if (nulls) writeValidity(vector, this.rows, (i) => values(i) !== null);
  }

  appendTo(appender: DuckDBAppender): void {
    appender.appendDataChunk(this.chunk);
  }
}

function copyInto(vector: duckdb.Vector, values: FixedArray, count: number): void {
  const bytes = count * values.BYTES_PER_ELEMENT;
  if (bytes > 0) duckdb.copy_data_to_vector(vector, 0, values.buffer as ArrayBuffer, values.byteOffset, bytes);
}

function writeValidity(vector: duckdb.Vector, count: number, valid: (row: number) => boolean): void {
  const words = new BigUint64Array(Math.ceil(count / 64));
  const bits = new Uint32Array(words.buffer);
  for (let i = 0; i < count; i++) if (valid(i)) bits[i >>> 5]! |= 1 << (i & 31);
  duckdb.vector_ensure_validity_writable(vector);
  if (words.byteLength > 0) duckdb.copy_data_to_vector_validity(vector, 0, words.buffer, 0, words.byteLength);
}
