import { createWriteStream } from 'node:fs';
import { mkdir, rm, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PmwError } from '../../workers/engine/errors.js';
import { sendJson } from './security-headers.js';
import { checkBatchId, sanitizeUploadName } from './upload-name.js';

/**
 * `POST /api/upload?name=FILE&batch=ID` streams the body to `<uploads>/<batch>/<name>` and answers
 * `{ path, folder }`: the file, and the batch folder a multi-file import (OMOP, FAERS quarters) reads.
 * An existing file is never overwritten; a transfer that breaks off leaves nothing behind.
 */
export async function receiveUpload(request: IncomingMessage, response: ServerResponse, url: URL, uploads: string): Promise<void> {
  const batch = checkBatchId(url.searchParams.get('batch'));
  const name = sanitizeUploadName(url.searchParams.get('name') ?? '');
  const folder = join(uploads, batch);
  const path = join(folder, name);
  await mkdir(folder, { recursive: true });
  const file = createWriteStream(path, { flags: 'wx' });
  const opened = new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    request.resume();
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new PmwError({ code: 'DATASET_EXISTS', message: `${name} was already uploaded in batch ${batch}`, hint: 'start a new batch, or give the file another name' });
    }
    throw error;
  }
  try {
    await pipeline(request, file);
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw new PmwError({ code: 'CANCELLED', message: `the upload of ${name} broke off`, hint: 'nothing was kept; upload it again' });
  }
  sendJson(response, 201, { path, folder });
}

/** `DELETE /api/upload?batch=ID`: removes a batch (the page aborted it). */
export async function deleteUploadBatch(response: ServerResponse, url: URL, uploads: string): Promise<void> {
  const batch = checkBatchId(url.searchParams.get('batch'));
  await rm(join(uploads, batch), { recursive: true, force: true });
  sendJson(response, 200, { deleted: batch });
}
