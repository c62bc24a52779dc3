import { annotateRecord, mostSevere, type AnnotationLayout } from './annotations.js';
import { checkFormatCounts } from './format-checks.js';
import { CallText } from './call-text.js';
import { NEWLINE, TAB } from './vcf-bytes.js';
import { COUNTS_PER_ROW, GenotypeScanner, type FormatLayout, type RecordTarget } from './genotype-scanner.js';
import type { InfoColumn } from './info-columns.js';
import { InfoReader, splitInfo } from './info-values.js';
import { LineNotes } from './line-notes.js';
import { VcfLineError, type LineProblem } from './vcf-errors.js';
import { VariantBatchBuilder, type VariantBatch } from './variant-batch.js';

/** Everything a parser needs from the header; plain data, so a worker thread can be given it. */
export interface ParserConfig {
  samples: string[];
  infoColumns: InfoColumn[];
  annotationLayouts: AnnotationLayout[];
  /** VCF 4.3+: text INFO values are percent-decoded. */
  percentEncoded: boolean;
  /** Declared Number of each FORMAT key. */
  formatNumbers: Record<string, string>;
  /** Check FORMAT value counts in every record (small files) rather than in the first lines of each batch. */
  checkEveryRecord: boolean;
}

/** Records at the start of each batch whose FORMAT values are all checked (checkFormatCounts reads every byte). */
const CHECKED_LINES_PER_BATCH = 4;

const FLOAT_WORDS: Record<string, number> = { nan: Number.NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity };
const POSITION = /^\d+$/;

/** Reads VCF data lines (bytes) into variant batches. One per thread; not re-entrant. */
export class VcfLineParser {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly scanner: GenotypeScanner;
  private readonly columnOfKey: Map<string, number>;
  private readonly layouts = new Map<string, FormatLayout & { keys: string[] }>();
  private readonly annotationColumns: { layout: AnnotationLayout; column: number }[];
  /** Output bytes per input byte in the last batch (sizes the next batch's buffers). */
  private bytesPerInputByte: { packed: number; callText: number } | null = null;
  private readonly target: RecordTarget = {
    packed: new Uint8Array(0), packedAt: 0, counts: new Int32Array(0), countsAt: 0, calls: new CallText(), textEnds: [], callCounts: [],
  };

  constructor(private readonly config: ParserConfig) {
    this.scanner = new GenotypeScanner(config.samples);
    this.columnOfKey = new Map(config.infoColumns.map((c, i) => [c.key, i]));
    this.annotationColumns = config.annotationLayouts
      .map((layout) => ({ layout, column: this.columnOfKey.get(layout.source) ?? -1 }))
      .filter((a) => a.column >= 0);
  }

  /** Parses the lines in `text[start, end)` (whole lines; the last may lack its newline). */
  parse(text: Uint8Array, start: number, end: number): VariantBatch {
    const notes = new LineNotes();
    const batch = new VariantBatchBuilder(this.config.infoColumns.length, this.config.samples.length, this.expectedSizes(end - start));
    const info = new InfoReader(this.config.percentEncoded, notes);
    let lineIndex = 0;
    let problem: LineProblem | null = null;
    this.scanner.badNumbers = 0;
    let p = start;
    while (p < end) {
      let lineEnd = text.indexOf(NEWLINE, p);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      let contentEnd = lineEnd;
      if (contentEnd > p && text[contentEnd - 1] === 13) contentEnd--;
      try {
        this.parseLine(text, p, contentEnd, lineIndex, batch, info, notes);
      } catch (error) {
        if (!(error instanceof VcfLineError)) throw error;
        problem = { lineIndex, ...error.problem };
        break;
      }
      lineIndex++;
      p = lineEnd + 1;
    }
    if (this.scanner.badNumbers > 0) notes.add('bad-dp-gq', 0, '', this.scanner.badNumbers);
    this.bytesPerInputByte = { packed: batch.packed.length / (end - start || 1), callText: batch.calls.length / (end - start || 1) };
    return batch.finish(lineIndex, notes, problem);
  }

  /**
   * The output buffers' sizes for `inputBytes` of text, from the last batch's ratios plus a tenth: buffers
   * that double as they fill allocate and copy about three times what they keep, and each batch's buffers
   * are moved to the importing thread, so none is reused.
   */
  private expectedSizes(inputBytes: number): { packed: number; callText: number } | undefined {
    const ratios = this.bytesPerInputByte;
    if (!ratios) return undefined;
    // The scanner asks for room for a whole record's tokens before writing them (GenotypeScanner, `ensure`).
    const record = this.config.samples.length * 16 + (1 << 16);
    return { packed: Math.ceil(ratios.packed * inputBytes * 1.1), callText: Math.ceil(ratios.callText * inputBytes * 1.1) + record };
  }

  private parseLine(b: Uint8Array, start: number, end: number, lineIndex: number, batch: VariantBatchBuilder, info: InfoReader, notes: LineNotes): void {
    if (start === end) {
      notes.add('blank-line', lineIndex);
      return;
    }
    if (b[start] === 35) {
      notes.add('header-line-in-data', lineIndex);
      return;
    }
    const tabs: number[] = [];
    for (let q = b.indexOf(TAB, start); q >= 0 && q < end && tabs.length < 9; q = b.indexOf(TAB, q + 1)) tabs.push(q);
    if (tabs.length < 7) {
      throw new VcfLineError({ message: `the line has ${tabs.length + 1} fields; a VCF record has at least 8 (CHROM to INFO), separated by tabs`, hint: 'check that the fields are separated by tabs and that the line is complete' });
    }
    const text = (i: number) => this.decoder.decode(b.subarray(i === 0 ? start : tabs[i - 1]! + 1, i < tabs.length ? tabs[i]! : end));
    const chrom = text(0);
    const posText = text(1);
    if (!POSITION.test(posText) || Number(posText) > 2147483647) {
      throw new VcfLineError({ message: `POS ${JSON.stringify(posText.slice(0, 40))} is not a position (a whole number from 0 to 2,147,483,647)`, hint: 'the second field of a record is its 1-based position' });
    }
    const pos = Number(posText);
    const id = text(2);
    const ref = text(3);
    const altText = text(4);
    const qual = this.qualOf(text(5), lineIndex, notes);
    const filter = text(6);
    const alts = altText === '.' || altText === '' ? [] : altText.split(',');
    if (ref === '' || ref === '.') notes.add('no-ref', lineIndex);
    this.noteOrder(batch, chrom, pos, lineIndex, notes);
    const record = splitInfo(text(7), this.columnOfKey, this.config.infoColumns.length);
    const rows = Math.max(alts.length, 1);
    const firstRow = batch.rows;
    const samples = this.config.samples.length;
    const layout = this.genotypeColumns(b, tabs, end, samples, lineIndex, notes);
    const target = this.target;
    target.packedAt = batch.packed.reserve(rows * samples);
    target.packed = batch.packed.data;
    target.countsAt = batch.counts.reserve(rows * COUNTS_PER_ROW);
    target.counts = batch.counts.data;
    target.calls = batch.calls;
    const callsBefore = batch.calls.count;
    this.scanner.scanRecord(b, layout ? tabs[8]! + 1 : end, end, layout, alts.length, target);
    if (this.scanner.altlessAlleles > 0) {
      notes.add('gt-without-alt', lineIndex);
      this.scanner.altlessAlleles = 0;
    }
    if (layout && (this.config.checkEveryRecord || lineIndex < CHECKED_LINES_PER_BATCH)) {
      checkFormatCounts(b, tabs[8]! + 1, end, layout.keys, this.config.formatNumbers, alts.length + 1, lineIndex, notes);
    }
    const perAlt = this.annotations(record.raw, ref, alts, lineIndex, notes);
    for (let j = 0; j < rows; j++) {
      const row = firstRow + j;
      batch.rows++;
      batch.lineIndex.push(lineIndex);
      batch.chrom.push(chrom);
      batch.pos.push(pos);
      batch.rsid.push(id === '.' ? null : id);
      batch.ref.push(ref);
      batch.alt.push(alts[j] ?? null);
      batch.qual.push(qual ?? 0);
      batch.qualValid.push(qual === null ? 0 : 1);
      batch.filter.push(filter === '.' ? null : filter);
      batch.alleleIndex.push(alts.length === 0 ? 0 : j + 1);
      batch.nAlleles.push(alts.length + 1);
      batch.callTextStart.push(target.textEnds[j]!);
      batch.callCount.push(target.callCounts[j]! - (j === 0 ? callsBefore : target.callCounts[j - 1]!));
      this.config.infoColumns.forEach((column, c) => batch.info[c]!.push(info.valueFor(column, record.raw[c], alts.length === 0 ? 0 : j + 1, alts.length, lineIndex)));
      for (const [key, value] of record.undeclared) batch.undeclaredInfo.push({ row, key, value });
      const annotations = perAlt[j] ?? [];
      for (const annotation of annotations) batch.annotations.push({ row, annotation });
      batch.mostSevere.push(mostSevere(annotations));
    }
  }

  /** The FORMAT layout, or null when the record has no genotype columns (sites only, or 8 fields in a file with samples). */
  private genotypeColumns(b: Uint8Array, tabs: number[], end: number, samples: number, lineIndex: number, notes: LineNotes): (FormatLayout & { keys: string[] }) | null {
    if (tabs.length < 8) {
      if (samples > 0) notes.add('no-genotype-columns', lineIndex);
      return null;
    }
    if (samples === 0) {
      if (tabs.length > 8) throw new VcfLineError({ message: 'the line has genotype columns, but the #CHROM line names no samples', hint: 'add the sample names to the #CHROM line' });
      return null;
    }
    const format = this.decoder.decode(b.subarray(tabs[7]! + 1, tabs[8] ?? end));
    let layout = this.layouts.get(format);
    if (!layout) {
      const keys = format.split(':');
      layout = { gt: keys.indexOf('GT'), dp: keys.indexOf('DP'), gq: keys.indexOf('GQ'), keys };
      if (layout.gt > 0) notes.add('gt-not-first', lineIndex);
      this.layouts.set(format, layout);
    }
    if (tabs.length < 9) throw new VcfLineError({ message: `the line ends after the FORMAT field, the #CHROM line has ${9 + samples} fields`, hint: 'the file may be truncated, or the sample columns are missing' });
    return layout;
  }

  private annotations(raw: (string | true | undefined)[], ref: string, alts: string[], lineIndex: number, notes: LineNotes) {
    const perAlt: ReturnType<typeof annotateRecord>['perAlt'] = alts.map(() => []);
    for (const { layout, column } of this.annotationColumns) {
      const text = raw[column];
      if (typeof text !== 'string') continue;
      const result = annotateRecord(layout, text, ref, alts);
      result.perAlt.forEach((list, j) => {
        perAlt[j] = (perAlt[j] ?? []).concat(list);
      });
      if (result.unmatched > 0) notes.add(`annotation-unmatched:${layout.source}`, lineIndex);
    }
    return perAlt;
  }

  private qualOf(text: string, lineIndex: number, notes: LineNotes): number | null {
    if (text === '.') return null;
    const word = FLOAT_WORDS[text.toLowerCase()];
    if (word !== undefined) return word;
    const value = Number(text);
    if (text === '' || Number.isNaN(value)) {
      notes.add('bad-qual', lineIndex, text);
      return null;
    }
    return value;
  }

  private noteOrder(batch: VariantBatchBuilder, chrom: string, pos: number, lineIndex: number, notes: LineNotes): void {
    const runs = batch.chromRuns;
    if (runs[runs.length - 1] !== chrom) {
      if (runs.includes(chrom)) notes.add('unsorted', lineIndex, chrom);
      runs.push(chrom);
    } else if (pos < batch.lastPos) {
      notes.add('unsorted', lineIndex, chrom);
    }
    if (batch.firstPos < 0) batch.firstPos = pos;
    batch.lastPos = pos;
  }
}
