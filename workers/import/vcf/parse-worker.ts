/**
 * A parse worker thread: given the parser configuration once, then jobs (BGZF blocks or text), it answers
 * each with its parsed lines, moving the typed arrays back instead of copying them.
 */
import { parentPort } from 'node:worker_threads';
import { runParseJob, type JobResult, type ParseJob } from './parse-job.js';
import { VcfLineParser, type ParserConfig } from './record-parser.js';
import { batchBuffers } from './variant-batch.js';

export type WorkerRequest = { type: 'init'; config: ParserConfig } | { type: 'job'; id: number; job: ParseJob };
export type WorkerReply = { id: number; result: JobResult } | { id: number; error: string; compression: boolean };

if (!parentPort) throw new Error('parse-worker.ts must run as a worker thread');
const port = parentPort;
let parser: VcfLineParser | null = null;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'init') {
    parser = new VcfLineParser(request.config);
    return;
  }
  try {
    const result = runParseJob(parser!, request.job);
    const buffers = result.batch ? batchBuffers(result.batch) : [];
    port.postMessage({ id: request.id, result } satisfies WorkerReply, buffers);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const compression = /^Z_|unexpected end of file|incorrect header|invalid/i.test(`${(error as NodeJS.ErrnoException).code ?? ''} ${message}`);
    port.postMessage({ id: request.id, error: message, compression } satisfies WorkerReply);
  }
});
