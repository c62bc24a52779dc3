import {
  BIGINT, BLOB, BOOLEAN, DOUBLE, INTEGER, LIST, SMALLINT, VARCHAR, DuckDBListValue,
  type DuckDBAppender, type DuckDBConnection, type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
import { BulkChunk, CHUNK_ROWS } from './bulk-chunk.js';
import { COUNTS_PER_ROW } from './genotype-scanner.js';
import type { InfoColumn } from './info-columns.js';
import type { InfoValue } from './info-values.js';
import type { VariantBatch } from './variant-batch.js';

const VARIANT_TYPES: DuckDBType[] = [
  INTEGER, VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, DOUBLE, VARCHAR, SMALLINT, SMALLINT, BIGINT,
  VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER,
];
const FIRST_COUNT_COLUMN = 16;
const PACKED_TYPES: DuckDBType[] = [INTEGER, BLOB];
const CALLS_TYPES: DuckDBType[] = [INTEGER, VARCHAR];

/** Totals the writer keeps as it goes. */
export interface WrittenCounts {
  /** Data lines with a record (before splitting). */
  records: number;
  multiallelicRecords: number;
  variants: number;
  sparseCalls: number;
  annotations: number;
}

/**
 * Appends parsed batches to the tables of one VCF dataset (created beforehand, inside the import's
 * transaction). Variant ids are given in the order batches arrive, which is file order.
 */
export class VcfTableWriter {
  readonly counts: WrittenCounts = { records: 0, multiallelicRecords: 0, variants: 0, sparseCalls: 0, annotations: 0 };
  readonly undeclaredInfo = new Map<string, { variantId: number; value: string }[]>();
  private readonly variantChunk: BulkChunk;
  private readonly packedChunk = new BulkChunk(PACKED_TYPES);
  private readonly callsChunk = new BulkChunk(CALLS_TYPES);

  private constructor(
    private readonly infoColumns: readonly InfoColumn[],
    private readonly samples: number,
    private readonly variant: DuckDBAppender,
    private readonly packed: DuckDBAppender,
    private readonly calls: DuckDBAppender,
    private readonly annotation: DuckDBAppender,
  ) {
    this.variantChunk = new BulkChunk([...VARIANT_TYPES, ...infoColumns.map(infoType)]);
  }

  static async open(connection: DuckDBConnection, schema: string, infoColumns: readonly InfoColumn[], samples: number): Promise<VcfTableWriter> {
    const appender = (table: string) => connection.createAppender(table, schema);
    return new VcfTableWriter(infoColumns, samples, await appender('variant'), await appender('genotype_packed'),
      await appender('genotype_calls'), await appender('annotation'));
  }

  /** Appends one batch whose first line is line `firstLine` of the file. */
  write(batch: VariantBatch, firstLine: number): void {
    for (let from = 0; from < batch.rows; from += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, batch.rows - from);
      this.writeVariants(batch, from, rows, firstLine);
      this.writePacked(batch, from, rows);
    }
    this.writeCalls(batch);
    for (const { row, annotation: a } of batch.annotations) {
      const values = [a.source, a.gene, a.consequence, a.impact, a.feature, a.biotype, a.hgvsC, a.hgvsP];
      this.annotation.appendInteger(this.counts.variants + row);
      for (const value of values) {
        if (value === null) this.annotation.appendNull();
        else this.annotation.appendVarchar(value);
      }
      this.annotation.endRow();
    }
    for (const { row, key, value } of batch.undeclaredInfo) {
      const list = this.undeclaredInfo.get(key) ?? [];
      list.push({ variantId: this.counts.variants + row, value });
      this.undeclaredInfo.set(key, list);
    }
    for (let r = 0; r < batch.rows; r++) {
      if (batch.alleleIndex[r]! > 1) continue;
      this.counts.records++;
      if (batch.nAlleles[r]! > 2) this.counts.multiallelicRecords++;
    }
    this.counts.annotations += batch.annotations.length;
    this.counts.variants += batch.rows;
  }

  private writeVariants(batch: VariantBatch, from: number, rows: number, firstLine: number): void {
    const chunk = this.variantChunk.reset(rows);
    const firstId = this.counts.variants + from;
    const at = (i: number) => from + i;
    chunk.setFixed(0, Int32Array.from({ length: rows }, (_, i) => firstId + i));
    chunk.setStrings(1, (i) => batch.chrom[at(i)]!);
    chunk.setFixed(2, batch.pos.subarray(from));
    chunk.setStrings(3, (i) => batch.ref[at(i)]!);
    chunk.setStrings(4, (i) => batch.alt[at(i)]!);
    chunk.setStrings(5, (i) => batch.rsid[at(i)]!);
    chunk.setFixed(6, batch.qual.subarray(from));
    chunk.setNulls(6, (i) => batch.qualValid[at(i)] === 1);
    chunk.setStrings(7, (i) => batch.filter[at(i)]!);
    chunk.setFixed(8, batch.alleleIndex.subarray(from));
    chunk.setFixed(9, batch.nAlleles.subarray(from));
    const lines = BigInt64Array.from({ length: rows }, (_, i) => BigInt(firstLine + batch.lineIndex[at(i)]!));
    chunk.setFixed(10, lines);
    const severe = (i: number) => batch.mostSevere[at(i)] ?? null;
    chunk.setStrings(11, (i) => severe(i)?.gene ?? null);
    chunk.setStrings(12, (i) => severe(i)?.consequence ?? null);
    chunk.setStrings(13, (i) => severe(i)?.impact ?? null);
    chunk.setStrings(14, (i) => severe(i)?.hgvsC ?? null);
    chunk.setStrings(15, (i) => severe(i)?.hgvsP ?? null);
    for (let k = 0; k < COUNTS_PER_ROW; k++) {
      chunk.setFixed(FIRST_COUNT_COLUMN + k, Int32Array.from({ length: rows }, (_, i) => batch.counts[at(i) * COUNTS_PER_ROW + k]!));
    }
    this.infoColumns.forEach((column, c) => {
      const values = batch.info[c]!.slice(from, from + rows).map((v) => infoValue(v, column));
      chunk.chunk.setColumnValues(VARIANT_TYPES.length + c, values);
    });
    chunk.appendTo(this.variant);
  }

  private writePacked(batch: VariantBatch, from: number, rows: number): void {
    const chunk = this.packedChunk.reset(rows);
    const firstId = this.counts.variants + from;
    const n = this.samples;
    chunk.setFixed(0, Int32Array.from({ length: rows }, (_, i) => firstId + i));
    chunk.setBytes(1, batch.packed, (i) => (from + i) * n, (i) => (from + i + 1) * n);
    chunk.appendTo(this.packed);
  }

  /** `genotype_calls` rows: each variant's tokens in pieces of at most CALLS_PER_PIECE. */
  private writeCalls(batch: VariantBatch): void {
    const pieces = batch.callPieces;
    const variantOf = new Int32Array(pieces.length);
    const ends = new Int32Array(pieces.length);
    let row = 0;
    for (let i = 0; i < pieces.length; i++) {
      while (batch.callTextStart[row + 1]! <= pieces[i]!) row++;
      variantOf[i] = this.counts.variants + row;
      const rowEnd = batch.callTextStart[row + 1]!;
      // A piece ends before the space that starts the next piece of the same row, else at the row's end.
      ends[i] = i + 1 < pieces.length && pieces[i + 1]! < rowEnd ? pieces[i + 1]! - 1 : rowEnd;
    }
    for (let from = 0; from < pieces.length; from += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, pieces.length - from);
      const chunk = this.callsChunk.reset(rows);
      chunk.setFixed(0, variantOf.subarray(from));
      chunk.setBytes(1, batch.callText, (i) => pieces[from + i]!, (i) => ends[from + i]!);
      chunk.appendTo(this.calls);
    }
    for (let r = 0; r < batch.rows; r++) this.counts.sparseCalls += batch.callCount[r]!;
  }

  /** Flushes and closes the appenders (before the transaction commits). */
  close(): void {
    for (const appender of [this.variant, this.packed, this.calls, this.annotation]) appender.closeSync();
  }
}

function infoType(column: InfoColumn): DuckDBType {
  const scalar: Record<InfoColumn['type'], DuckDBType> = { Integer: INTEGER, Float: DOUBLE, Flag: BOOLEAN, String: VARCHAR, Character: VARCHAR };
  const type = scalar[column.type];
  return column.list ? LIST(type) : type;
}

function infoValue(value: InfoValue, column: InfoColumn): DuckDBValue {
  if (value === null) return null;
  if (Array.isArray(value)) return new DuckDBListValue(value);
  if (column.type === 'Flag') return value as boolean;
  return value as DuckDBValue;
}

