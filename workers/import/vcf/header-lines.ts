import { vcfFormatError } from './vcf-errors.js';

const NEWLINE = 10;
const HASH = 35;
/** A header this large is not a VCF header (or has no `#CHROM` line). */
const MAX_HEADER_BYTES = 256 << 20;

/**
 * Collects the header lines from the start of the decompressed text, chunk by chunk, until the `#CHROM`
 * line; what follows it is the first data.
 */
export class HeaderLines {
  readonly lines: string[] = [];
  private partial: Uint8Array[] = [];
  private partialBytes = 0;
  private readonly decoder = new TextDecoder('utf-8');
  done = false;
  /** The `#CHROM` line was the file's last and had no newline. */
  endedWithoutNewline = false;

  constructor(private readonly path: string) {}

  /** Takes the next text; once `#CHROM` is read, returns the bytes after it (the data), else null. */
  feed(text: Uint8Array): Uint8Array | null {
    let p = 0;
    while (p < text.length) {
      const newline = text.indexOf(NEWLINE, p);
      if (newline < 0) {
        this.keepPartial(text.subarray(p));
        return null;
      }
      const line = this.takeLine(text.subarray(p, newline));
      p = newline + 1;
      if (this.acceptLine(line)) {
        this.done = true;
        return text.subarray(p);
      }
    }
    return null;
  }

  /** At the end of the file: a last line without newline may be the `#CHROM` line. */
  finish(): void {
    if (this.partialBytes > 0 && this.acceptLine(this.takeLine(new Uint8Array(0)))) {
      this.done = true;
      this.endedWithoutNewline = true;
      return;
    }
    if (this.lines.length === 0) throw vcfFormatError(this.path, null, 'holds no lines', 'the file is empty; export the VCF again');
    throw vcfFormatError(this.path, this.lines.length, 'the file ends before the #CHROM line (the header line naming the columns and samples)', 'the file may be truncated, or it is not a VCF');
  }

  private keepPartial(bytes: Uint8Array): void {
    this.partial.push(new Uint8Array(bytes));
    this.partialBytes += bytes.length;
    if (this.partialBytes > MAX_HEADER_BYTES) {
      throw vcfFormatError(this.path, this.lines.length + 1, `line ${this.lines.length + 1} is longer than 256 MB and not a VCF header line`, 'this does not look like a VCF file');
    }
  }

  private takeLine(end: Uint8Array): string {
    const bytes = this.partialBytes === 0 ? end : Buffer.concat([...this.partial, end]);
    this.partial = [];
    this.partialBytes = 0;
    const line = this.decoder.decode(bytes);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** Records a header line; true when it is `#CHROM`. Fails on a data line or binary before it. */
  private acceptLine(line: string): boolean {
    const lineNo = this.lines.length + 1;
    if (line.includes('\0')) throw vcfFormatError(this.path, lineNo, 'holds NUL bytes: this is a binary file, not a VCF', 'choose the .vcf or .vcf.gz file itself (a BCF must be converted: bcftools view -Oz)');
    if (line.charCodeAt(0) !== HASH) {
      if (lineNo === 1) throw vcfFormatError(this.path, 1, `does not start a VCF header (##fileformat=VCFv4.x): ${JSON.stringify(line.slice(0, 60))}`, 'this does not look like a VCF file');
      throw vcfFormatError(this.path, lineNo, 'a record comes before the #CHROM line', 'the header must end with the #CHROM line naming the columns; the file may be damaged');
    }
    this.lines.push(line);
    return line.startsWith('#CHROM');
  }
}
