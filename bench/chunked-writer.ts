import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** About 1 MB per write. */
const CHUNK_BYTES = 1 << 20;

/**
 * ASCII text collected into ~1 MB buffers and written through a file stream that is allowed to fall
 * behind by one chunk at most: `flushIfFull` waits for the disk (backpressure), so a file is never built
 * in memory. Lines are copied into the buffer as they come (building one long string of many small ones
 * kept the garbage collector busy for most of the run).
 */
export class ChunkedWriter {
  private readonly out: WriteStream;
  private readonly failed: Promise<never>;
  private buffer = Buffer.allocUnsafe(2 * CHUNK_BYTES);
  private used = 0;
  /** Bytes written so far. */
  bytes = 0;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.failed = once(this.out, 'error').then(([error]) => { throw error; });
    this.failed.catch(() => undefined);
  }

  /** Adds ASCII text (one byte per character); nothing is written until `flushIfFull` or `close`. */
  add(text: string): void {
    if (this.used + text.length > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(2 * (this.used + text.length));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used, 'latin1');
  }

  /** Writes the collected bytes once they reach a chunk, waiting while the stream's buffer is full. */
  async flushIfFull(): Promise<void> {
    if (this.used >= CHUNK_BYTES) await this.write();
  }

  /** Writes what is left and waits until the file is closed. */
  async close(): Promise<void> {
    await this.write();
    this.out.end();
    await Promise.race([once(this.out, 'close'), this.failed]);
  }

  private async write(): Promise<void> {
    const full = this.buffer.subarray(0, this.used);
    this.bytes += this.used;
    this.buffer = Buffer.allocUnsafe(2 * CHUNK_BYTES);
    this.used = 0;
    if (!this.out.write(full)) await Promise.race([once(this.out, 'drain'), this.failed]);
  }
}
