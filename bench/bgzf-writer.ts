import { open, type FileHandle } from 'node:fs/promises';
import { gzip, type ZlibOptions } from 'node:zlib';

/**
 * BGZF, the blocked gzip of bgzip, htslib and tabix (SAM/BAM format specification, §4.1 "The BGZF
 * compression format"): a series of gzip members of at most 64 KiB each, every member carrying an extra
 * field `BC` that holds its own size, and a fixed empty member at the end.
 */

/** Uncompressed bytes per block, as bgzip uses (htslib's `BGZF_BLOCK_SIZE`, 0xff00): room for deflate's worst case under 64 KiB. */
export const BGZF_BLOCK_DATA_BYTES = 0xff00;

/** The 28-byte end-of-file marker, an empty block (§4.1.2). */
export const BGZF_EOF = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');

/** gzip header bytes before any optional field: ID1 ID2 CM FLG MTIME(4) XFL OS. */
const GZIP_HEADER_BYTES = 10;
/** XLEN (2), then the `BC` subfield: SI1 SI2 SLEN (2) BSIZE (2). */
const BGZF_EXTRA_BYTES = 8;
const FLAG_EXTRA = 0x04;
/** Blocks being compressed at once; libuv's thread pool (4 threads by default) runs them in parallel. */
const BLOCKS_IN_FLIGHT = 32;
/** Compressed bytes collected before one write to the file. */
const WRITE_BYTES = 4 << 20;

/**
 * Turns one gzip member as zlib writes it (a 10-byte header without optional fields, deflate data, CRC32,
 * ISIZE) into a BGZF block: the FEXTRA flag set and the `BC` subfield with BSIZE, the block's size minus 1,
 * inserted after the header. The deflate data and trailer are kept as they are.
 */
export function bgzfBlockFromGzip(member: Buffer): Buffer {
  if (member[0] !== 0x1f || member[1] !== 0x8b || member[3] !== 0) throw new Error('expected a gzip member without optional header fields');
  const block = Buffer.allocUnsafe(member.length + BGZF_EXTRA_BYTES);
  member.copy(block, 0, 0, GZIP_HEADER_BYTES);
  block[3] = FLAG_EXTRA;
  block.writeUInt16LE(6, 10);
  block[12] = 0x42; // 'B'
  block[13] = 0x43; // 'C'
  block.writeUInt16LE(2, 14);
  block.writeUInt16LE(block.length - 1, 16);
  member.copy(block, GZIP_HEADER_BYTES + BGZF_EXTRA_BYTES, GZIP_HEADER_BYTES);
  return block;
}

function gzipAsync(data: Buffer, options: ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => gzip(data, options, (error, result) => (error ? reject(error) : resolve(result))));
}

/** What a finished BGZF file holds. */
export interface BgzfTotals {
  /** Uncompressed bytes. */
  textBytes: number;
  /** Bytes on disk, the end-of-file block included. */
  fileBytes: number;
  /** Data blocks, without the end-of-file block. */
  blocks: number;
}

/**
 * Writes a BGZF file as a stream: bytes are copied into 0xff00-byte blocks, each full block is compressed
 * on libuv's thread pool while the caller makes more text, and compressed blocks are written in order.
 * At most `BLOCKS_IN_FLIGHT` blocks wait, so memory stays a few MB whatever the file's size.
 */
export class BgzfWriter {
  private block = Buffer.allocUnsafe(BGZF_BLOCK_DATA_BYTES);
  private used = 0;
  private readonly compressing: Promise<Buffer>[] = [];
  private compressed: Buffer[] = [];
  private compressedBytes = 0;
  private readonly totals: BgzfTotals = { textBytes: 0, fileBytes: 0, blocks: 0 };

  private constructor(private readonly file: FileHandle, private readonly zlibOptions: ZlibOptions) {}

  /** Creates (or truncates) `path`; `level` is zlib's, bgzip's default 6 unless told. */
  static async create(path: string, level = 6): Promise<BgzfWriter> {
    return new BgzfWriter(await open(path, 'w'), { level });
  }

  /** Copies `bytes[start, end)` in; waits only when enough blocks are already being compressed. */
  async write(bytes: Uint8Array, start = 0, end = bytes.length): Promise<void> {
    let from = start;
    while (from < end) {
      const take = Math.min(end - from, BGZF_BLOCK_DATA_BYTES - this.used);
      this.block.set(bytes.subarray(from, from + take), this.used);
      this.used += take;
      from += take;
      if (this.used === BGZF_BLOCK_DATA_BYTES) await this.sealBlock();
    }
  }

  /** Compresses what is left, writes every block and the end-of-file marker, and closes the file. */
  async close(): Promise<BgzfTotals> {
    try {
      if (this.used > 0) await this.sealBlock();
      while (this.compressing.length > 0) await this.collectOldest();
      this.compressed.push(BGZF_EOF);
      this.compressedBytes += BGZF_EOF.length;
      await this.writeCompressed();
    } finally {
      await this.file.close();
    }
    return { ...this.totals };
  }

  private async sealBlock(): Promise<void> {
    const data = this.used === BGZF_BLOCK_DATA_BYTES ? this.block : this.block.subarray(0, this.used);
    this.totals.textBytes += this.used;
    this.totals.blocks++;
    const pending = gzipAsync(data, this.zlibOptions).then(bgzfBlockFromGzip);
    pending.catch(() => undefined); // awaited in order by collectOldest; this only keeps it from counting as unhandled meanwhile
    this.compressing.push(pending);
    this.block = Buffer.allocUnsafe(BGZF_BLOCK_DATA_BYTES);
    this.used = 0;
    while (this.compressing.length >= BLOCKS_IN_FLIGHT) await this.collectOldest();
  }

  private async collectOldest(): Promise<void> {
    const block = await this.compressing.shift()!;
    this.compressed.push(block);
    this.compressedBytes += block.length;
    if (this.compressedBytes >= WRITE_BYTES) await this.writeCompressed();
  }

  private async writeCompressed(): Promise<void> {
    const blocks = this.compressed;
    const bytes = this.compressedBytes;
    this.compressed = [];
    this.compressedBytes = 0;
    const { bytesWritten } = await this.file.writev(blocks);
    if (bytesWritten !== bytes) throw new Error(`short write: ${bytesWritten} of ${bytes} bytes (is the disk full?)`);
    this.totals.fileBytes += bytes;
  }
}
