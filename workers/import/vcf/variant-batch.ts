import type { Annotation } from './annotations.js';
import { CallText } from './call-text.js';
import { COUNTS_PER_ROW } from './genotype-scanner.js';
import { GrowableArray } from './growable-array.js';
import type { InfoValue } from './info-values.js';
import type { LineNote, LineNotes } from './line-notes.js';
import type { LineProblem } from './vcf-errors.js';

/**
 * What parsing a run of data lines produced: one row per ALT allele (multi-allelic records split), the
 * packed genotype bytes of each row, its sparse calls, and the repaired problems. Plain data and typed
 * arrays only, so it crosses from a parse worker to the writer without copying the big parts.
 */
export interface VariantBatch {
  rows: number;
  /** Lines read (data, blank and stray `#` lines): the next batch's lines are numbered after these. */
  lines: number;
  /** Per row: 0-based index of its line among this batch's lines. */
  lineIndex: Int32Array;
  chrom: string[];
  pos: Int32Array;
  rsid: (string | null)[];
  ref: string[];
  alt: (string | null)[];
  qual: Float64Array;
  qualValid: Uint8Array;
  filter: (string | null)[];
  alleleIndex: Int16Array;
  nAlleles: Int16Array;
  /** Seven numbers per row: ac, an, n_hom_ref, n_het, n_hom_alt, n_missing, n_half. */
  counts: Int32Array;
  /** Per INFO column, per row. */
  info: InfoValue[][];
  undeclaredInfo: { row: number; key: string; value: string }[];
  annotations: { row: number; annotation: Annotation }[];
  /** Per row, its most severe annotation. */
  mostSevere: (Annotation | null)[];
  /** `rows × samples` bytes, row-major (docs/vcf.md). */
  packed: Uint8Array;
  /** The sparse calls as text tokens (`sample_idx:GT:DP:GQ`, space-separated per row; see CallText). */
  callText: Uint8Array;
  /** Per row, where its tokens start in `callText` (length rows + 1). */
  callTextStart: Int32Array;
  /** Per row, how many sparse calls it has. */
  callCount: Int32Array;
  /** Where each piece of a row's tokens starts in `callText` (a `genotype_calls` row each; CALLS_PER_PIECE). */
  callPieces: Int32Array;
  /** Chromosomes in the order their runs of records appear, and the last position seen. */
  chromRuns: string[];
  firstPos: number;
  lastPos: number;
  notes: LineNote[];
  /** Set when a line could not be read; the rows before it are complete. */
  problem: LineProblem | null;
}

/** Collects the rows of one batch. */
export class VariantBatchBuilder {
  rows = 0;
  readonly lineIndex = new GrowableArray(Int32Array, 256);
  readonly chrom: string[] = [];
  readonly pos = new GrowableArray(Int32Array, 256);
  readonly rsid: (string | null)[] = [];
  readonly ref: string[] = [];
  readonly alt: (string | null)[] = [];
  readonly qual = new GrowableArray(Float64Array, 256);
  readonly qualValid = new GrowableArray(Uint8Array, 256);
  readonly filter: (string | null)[] = [];
  readonly alleleIndex = new GrowableArray(Int16Array, 256);
  readonly nAlleles = new GrowableArray(Int16Array, 256);
  readonly counts = new GrowableArray(Int32Array, 256 * COUNTS_PER_ROW);
  readonly info: InfoValue[][];
  readonly undeclaredInfo: VariantBatch['undeclaredInfo'] = [];
  readonly annotations: VariantBatch['annotations'] = [];
  readonly mostSevere: (Annotation | null)[] = [];
  readonly packed: GrowableArray<Uint8Array>;
  readonly callTextStart = new GrowableArray(Int32Array, 257);
  readonly callCount = new GrowableArray(Int32Array, 256);
  readonly calls: CallText;
  readonly chromRuns: string[] = [];
  firstPos = -1;
  lastPos = -1;

  /** `expected`: the bytes the packed calls and the call text will likely take (growing a buffer copies it). */
  constructor(infoColumns: number, readonly samples: number, expected?: { packed: number; callText: number }) {
    this.info = Array.from({ length: infoColumns }, () => []);
    this.packed = new GrowableArray(Uint8Array, Math.max(1024, samples * 64, expected?.packed ?? 0));
    this.calls = new CallText(Math.max(1 << 16, expected?.callText ?? 1 << 20));
    this.callTextStart.push(0);
  }

  finish(lines: number, notes: LineNotes, problem: LineProblem | null): VariantBatch {
    const calls = this.calls;
    return {
      rows: this.rows, lines, lineIndex: this.lineIndex.take(), chrom: this.chrom, pos: this.pos.take(), rsid: this.rsid,
      ref: this.ref, alt: this.alt, qual: this.qual.take(), qualValid: this.qualValid.take(), filter: this.filter,
      alleleIndex: this.alleleIndex.take(), nAlleles: this.nAlleles.take(), counts: this.counts.take(), info: this.info,
      undeclaredInfo: this.undeclaredInfo, annotations: this.annotations, mostSevere: this.mostSevere,
      packed: this.packed.take(), callText: calls.bytes.subarray(0, calls.length), callTextStart: this.callTextStart.take(),
      callCount: this.callCount.take(), callPieces: calls.pieces.take(),
      chromRuns: this.chromRuns, firstPos: this.firstPos, lastPos: this.lastPos, notes: notes.list(), problem,
    };
  }
}

/** The typed arrays of a batch, to transfer rather than copy between threads. */
export function batchBuffers(batch: VariantBatch): ArrayBuffer[] {
  const arrays = [batch.lineIndex, batch.pos, batch.qual, batch.qualValid, batch.alleleIndex, batch.nAlleles, batch.counts, batch.packed,
    batch.callText, batch.callTextStart, batch.callCount, batch.callPieces];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
