import { Worker } from 'node:worker_threads';
import { copyOf, runParseJob, type JobResult, type ParseJob } from './parse-job.js';
import type { WorkerReply, WorkerRequest } from './parse-worker.js';
import { VcfLineParser, type ParserConfig } from './record-parser.js';

/** Where jobs are parsed: in this thread (small files), or by worker threads in parallel. */
export interface ParsePool {
  run(job: ParseJob): Promise<JobResult>;
  close(): Promise<void>;
}

/** A job failed in a way that is about the file's bytes (BGZF data that does not inflate). */
export class InflateError extends Error {}

export class InlineParsePool implements ParsePool {
  private readonly parser: VcfLineParser;

  constructor(config: ParserConfig) {
    this.parser = new VcfLineParser(config);
  }

  async run(job: ParseJob): Promise<JobResult> {
    try {
      return runParseJob(this.parser, job);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw new InflateError((error as Error).message);
      throw error;
    }
  }

  async close(): Promise<void> {}
}

/**
 * Running from TypeScript sources (tests, tsx) a worker must register tsx before importing its entry:
 * loaders registered in the parent do not reach worker threads. Built JavaScript needs none.
 */
function startParseWorker(): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true });
}

interface Pending {
  job: ParseJob;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

/**
 * Jobs posted to one worker before its earlier ones are answered. The importing thread blocks for a second
 * or more while DuckDB flushes the appenders (compressing and writing row groups); a worker that holds
 * only its current job would then sit idle, so each keeps a backlog in its message queue.
 */
export const JOBS_QUEUED_PER_WORKER = 8;

/** Worker threads taking jobs in turn; results come back in any order, each to its own promise. */
export class WorkerParsePool implements ParsePool {
  private readonly workers: Worker[] = [];
  /** Jobs posted to each worker and not answered yet. */
  private readonly posted = new Map<Worker, number>();
  private readonly queue: (Pending & { id: number })[] = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(config: ParserConfig, readonly threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = startParseWorker();
      worker.postMessage({ type: 'init', config } satisfies WorkerRequest);
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
      this.posted.set(worker, 0);
    }
  }

  run(job: ParseJob): Promise<JobResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** The worker with the fewest jobs posted, when it has room for another. */
  private leastBusy(): Worker | null {
    let best: Worker | null = null;
    for (const worker of this.workers) if (best === null || this.posted.get(worker)! < this.posted.get(best)!) best = worker;
    return best !== null && this.posted.get(best)! < JOBS_QUEUED_PER_WORKER ? best : null;
  }

  private dispatch(): void {
    for (let worker = this.leastBusy(); worker !== null && this.queue.length > 0; worker = this.leastBusy()) {
      const { id, job, resolve, reject } = this.queue.shift()!;
      this.running.set(id, { job, resolve, reject });
      this.posted.set(worker, this.posted.get(worker)! + 1);
      // Only a buffer the job owns may be moved; a view into a shared one (a read buffer, Node's Buffer pool) is copied.
      const bytes = job.ownsBuffer && job.bytes.byteOffset === 0 ? job.bytes : copyOf(job.bytes, 0, job.bytes.length);
      worker.postMessage({ type: 'job', id, job: { ...job, bytes } } satisfies WorkerRequest, [bytes.buffer as ArrayBuffer]);
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.running.get(reply.id);
    this.running.delete(reply.id);
    this.posted.set(worker, this.posted.get(worker)! - 1);
    if (pending) {
      if ('result' in reply) pending.resolve(reply.result);
      else pending.reject(reply.compression ? new InflateError(reply.error) : new Error(reply.error));
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
