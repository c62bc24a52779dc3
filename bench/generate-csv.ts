import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ChunkedWriter } from './chunked-writer.js';
import { CLINICAL_HEADER, ClinicalRows } from './clinical-rows.js';
import { Prng } from './prng.js';

/** Bumped whenever the rows change shape, so a cached file of the old shape is not reused. */
const FORMAT_VERSION = 1;

export interface GeneratedCsv {
  path: string;
  rows: number;
  bytes: number;
  /** True when an earlier run's file was found and used as it was. */
  reused: boolean;
}

/** Where the file for these rows and seed lives in the cache folder. */
export function cachedCsvPath(dataDir: string, rows: number, seed: number): string {
  return join(dataDir, `clinical-events-${rows}r-seed${seed}-v${FORMAT_VERSION}.csv`);
}

/**
 * The synthetic clinical CSV for `rows` and `seed`: reused from `dataDir` when present, otherwise
 * generated there, streamed in ~1 MB chunks that wait for the disk (never the whole file in memory).
 */
export async function generateCsv(dataDir: string, rows: number, seed: number): Promise<GeneratedCsv> {
  const path = cachedCsvPath(dataDir, rows, seed);
  const existing = await stat(path).catch(() => null);
  if (existing?.isFile()) return { path, rows, bytes: existing.size, reused: true };

  await mkdir(dataDir, { recursive: true });
  const partial = `${path}.partial`;
  try {
    await writeRows(partial, rows, seed);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path, rows, bytes: (await stat(path)).size, reused: false };
}

async function writeRows(path: string, rows: number, seed: number): Promise<void> {
  const out = new ChunkedWriter(path);
  const generator = new ClinicalRows(new Prng(seed));
  out.add(CLINICAL_HEADER);
  for (let i = 0; i < rows; i++) {
    out.add(generator.line(i));
    if ((i & 1023) === 0) await out.flushIfFull();
  }
  await out.close();
}
