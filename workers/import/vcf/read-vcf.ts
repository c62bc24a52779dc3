import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Task } from '../../db/tasks.js';
import { HeaderLines } from './header-lines.js';
import type { LineNote } from './line-notes.js';
import type { JobResult, ParseJob } from './parse-job.js';
import { InflateError, InlineParsePool, JOBS_QUEUED_PER_WORKER, WorkerParsePool, type ParsePool } from './parse-pool.js';
import { VcfLineParser, type ParserConfig } from './record-parser.js';
import { compressionError, detectCompression, readSourceChunks, type VcfCompression } from './vcf-chunks.js';
import { vcfFormatError } from './vcf-errors.js';
import type { VcfHeader } from './vcf-header.js';
import type { VariantBatch } from './variant-batch.js';
import { gunzipSync } from 'node:zlib';

/** Files smaller than this are parsed in the importing thread: starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 8 << 20;

export interface VcfReadHooks {
  /** Called once with the header lines; returns the parser configuration (what the tables will hold). */
  onHeader(lines: string[]): Promise<{ header: VcfHeader; config: ParserConfig }>;
  /** Called for each parsed batch in file order; `firstLine` is the file line number of its first line. */
  onBatch(batch: VariantBatch, firstLine: number): void;
}

export interface VcfReadSummary {
  compression: VcfCompression;
  sha256: string;
  bytes: number;
  lines: number;
  /** Repaired problems with the file line where each was first seen. */
  notes: (LineNote & { line: number })[];
  bgzfEndMarker: boolean;
  parseThreads: number;
}

/**
 * Reads a VCF file once from start to end: hashes the bytes, reads the header, then parses the data lines
 * (in worker threads for larger files) and hands the batches over in file order.
 */
export async function readVcf(task: Task, path: string, hooks: VcfReadHooks): Promise<VcfReadSummary> {
  const size = (await stat(path)).size;
  const compression = await detectCompression(path);
  const hash = createHash('sha256');
  let bytesRead = 0;
  const compressed = { bgzfEndMarker: false };
  const onRaw = (bytes: Uint8Array) => {
    hash.update(bytes);
    bytesRead += bytes.length;
    task.report('reading', size > 0 ? bytesRead / size : null, `reading ${path.split('/').pop()}`);
  };
  const header = new HeaderLines(path);
  const reader = new OrderedBatches(hooks);
  let pool: ParsePool | null = null;
  let threads = 0;
  try {
    for await (const chunk of readSourceChunks(path, compression, onRaw, compressed)) {
      task.throwIfCancelled();
      if (!pool) {
        const text = chunk.bgzf ? inflate(path, chunk.bytes) : chunk.bytes;
        const data = header.feed(text);
        if (data === null) continue;
        threads = size < WORKER_THRESHOLD_BYTES ? 0 : Math.max(1, Math.min(4, availableParallelism()));
        const config = { ...(await hooks.onHeader(header.lines)).config, checkEveryRecord: threads === 0 };
        pool = threads === 0 ? new InlineParsePool(config) : new WorkerParsePool(config, threads);
        reader.start(config, header.lines.length + 1);
        await reader.submit(pool, { bgzf: false, bytes: data, startsAtLineStart: true }, task);
        continue;
      }
      await reader.submit(pool, { ...chunk, startsAtLineStart: false }, task);
    }
    if (!pool) {
      header.finish();
      if (header.endedWithoutNewline) reader.noteMissingNewline(header.lines.length);
      const { config } = await hooks.onHeader(header.lines);
      reader.start({ ...config, checkEveryRecord: true }, header.lines.length + 1);
    } else {
      await reader.drain(task);
    }
    reader.finishLastLine();
  } catch (error) {
    if (error instanceof InflateError) throw compressionError(path, `has a BGZF block that does not inflate (${error.message})`);
    if (error instanceof LineProblemError) throw vcfFormatError(path, error.line, error.message, error.hint);
    throw error;
  } finally {
    await pool?.close();
  }
  return {
    compression, sha256: hash.digest('hex'), bytes: bytesRead, lines: reader.nextLine - 1, notes: reader.notes(),
    bgzfEndMarker: compressed.bgzfEndMarker, parseThreads: threads,
  };
}

function inflate(path: string, bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw compressionError(path, `has a BGZF block that does not inflate (${(error as Error).message})`);
  }
}

/** A data line the parser refused, with its line number in the file. */
class LineProblemError extends Error {
  constructor(readonly line: number, message: string, readonly hint: string) {
    super(message);
  }
}

/**
 * Jobs in flight per parse thread (~1 MB of BGZF each, a few MB once parsed): enough for every worker to
 * keep its backlog (JOBS_QUEUED_PER_WORKER) while results wait to be appended, few enough to bound memory.
 */
const JOBS_AHEAD_PER_THREAD = 2 * JOBS_QUEUED_PER_WORKER;

/**
 * Keeps the jobs in submission order: results are taken oldest first, the line split between two jobs
 * is joined and parsed here, and every batch is numbered by the lines before it.
 */
class OrderedBatches {
  private readonly inFlight: Promise<JobResult>[] = [];
  private pending: Uint8Array[] = [];
  private parser: VcfLineParser | null = null;
  private readonly collected: (LineNote & { line: number })[] = [];
  nextLine = 1;

  constructor(private readonly hooks: VcfReadHooks) {}

  start(config: ParserConfig, firstDataLine: number): void {
    this.parser = new VcfLineParser(config);
    this.nextLine = firstDataLine;
  }

  async submit(pool: ParsePool, job: ParseJob, task: Task): Promise<void> {
    const result = pool.run(job);
    result.catch(() => undefined);
    this.inFlight.push(result);
    const limit = pool instanceof WorkerParsePool ? JOBS_AHEAD_PER_THREAD * pool.threads : 1;
    while (this.inFlight.length >= limit) {
      task.throwIfCancelled();
      this.take(await this.inFlight.shift()!);
    }
  }

  async drain(task: Task): Promise<void> {
    while (this.inFlight.length > 0) {
      task.throwIfCancelled();
      this.take(await this.inFlight.shift()!);
    }
  }

  noteMissingNewline(line: number): void {
    this.collected.push({ kind: 'no-final-newline', count: 1, lineIndex: 0, detail: '', line });
  }

  /** The last line when the file does not end with a newline. */
  finishLastLine(): void {
    if (this.pending.length === 0) return;
    const line = Buffer.concat(this.pending);
    this.pending = [];
    if (line.length === 0) return;
    this.noteMissingNewline(this.nextLine);
    this.accept(this.parser!.parse(line, 0, line.length));
  }

  notes(): (LineNote & { line: number })[] {
    const merged = new Map<string, LineNote & { line: number }>();
    for (const note of this.collected) {
      const seen = merged.get(note.kind);
      if (seen) seen.count += note.count;
      else merged.set(note.kind, { ...note });
    }
    return [...merged.values()];
  }

  private take(result: JobResult): void {
    if (result.head === null) {
      this.pending.push(result.tail);
      return;
    }
    if (result.head.length > 0 || this.pending.length > 0) {
      const line = Buffer.concat([...this.pending, result.head]);
      this.pending = [];
      this.accept(this.parser!.parse(line, 0, line.length));
    }
    if (result.batch) this.accept(result.batch);
    if (result.tail.length > 0) this.pending.push(result.tail);
  }

  private accept(batch: VariantBatch): void {
    const firstLine = this.nextLine;
    for (const note of batch.notes) this.collected.push({ ...note, line: firstLine + note.lineIndex });
    if (batch.rows > 0) this.hooks.onBatch(batch, firstLine);
    if (batch.problem) throw new LineProblemError(firstLine + batch.problem.lineIndex, batch.problem.message, batch.problem.hint);
    this.nextLine += batch.lines;
  }
}
