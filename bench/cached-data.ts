import { formatMs } from './format.js';

/** Generated input found in or written to the cache folder. */
export interface CachedData {
  folder: string;
  manifest: { generatedMs: number };
  /** True when an earlier run's data was found and used as it was. */
  reused: boolean;
}

/** Where the data came from: reused (and how long it once took to make) or generated now, and whether it stays. */
export function cachedDataLine(data: CachedData, generationMs: number, keep: boolean): string {
  return data.reused
    ? `data: reusing ${data.folder} (generated in ${formatMs(data.manifest.generatedMs)} by an earlier run)`
    : `data: generated ${data.folder} in ${formatMs(generationMs)} in a child process${keep ? ' (kept for the next run)' : ' (deleted after the run; --keep keeps it)'}`;
}
