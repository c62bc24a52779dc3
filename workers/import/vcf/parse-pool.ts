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

/** Worker threads taking jobs in turn; results come back in any order, each to its own promise. */
export class WorkerParsePool implements ParsePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: (Pending & { id: number })[] = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(config: ParserConfig, threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = startParseWorker();
      worker.postMessage({ type: 'init', config } satisfies WorkerRequest);
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(job: ParseJob): Promise<JobResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const { id, job, resolve, reject } = this.queue.shift()!;
      this.running.set(id, { job, resolve, reject });
      // Only a buffer the job owns may be moved; a view into a shared one (a read buffer, Node's Buffer pool) is copied.
      const bytes = job.ownsBuffer && job.bytes.byteOffset === 0 ? job.bytes : copyOf(job.bytes, 0, job.bytes.length);
      worker.postMessage({ type: 'job', id, job: { ...job, bytes } } satisfies WorkerRequest, [bytes.buffer as ArrayBuffer]);
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.running.get(reply.id);
    this.running.delete(reply.id);
    this.idle.push(worker);
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
