import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChunkedWriter } from './chunked-writer.js';
import { drugVocabulary } from './drug-vocabulary.js';
import { eventVocabulary } from './event-vocabulary.js';
import { QUARTERS } from './faers-calendar.js';
import { drawCase, type FaersVocabulary } from './faers-case.js';
import { FAERS_HEADERS, writeVersion, type FaersFileKind, type QuarterSink } from './faers-lines.js';
import { versionsInQuarter } from './faers-schedule.js';
import { hash2 } from './hash.js';
import { Prng } from './prng.js';
import { ZipfTable } from './zipf.js';

/** Bumped whenever the files change shape or content, so a cached extract of the old shape is not reused. */
const FORMAT_VERSION = 1;
const SALT_CASE = 0xca5e;
/** Versions written between checks for a full chunk. */
const FLUSH_EVERY = 256;

/** What was written; `kept*` are the rows of the versions dedup keeps (one per case). */
export interface FaersCounts {
  reports: number;
  /** DEMO rows: every version of every case. */
  versions: number;
  drugRows: number;
  eventRows: number;
  outcomeRows: number;
  keptDrugRows: number;
  keptEventRows: number;
  keptOutcomeRows: number;
  bytes: number;
}

export interface GeneratedFaers {
  /** The folder to import: one subfolder per quarter, `2023Q1/ASCII/DEMO23Q1.txt` and so on. */
  folder: string;
  counts: FaersCounts;
  /** True when an earlier run's extract was found and used as it was. */
  reused: boolean;
}

/** Where the extract for this size and seed lives in the cache folder (its counts in `<folder>.json`). */
export function cachedFaersPath(dataDir: string, reports: number, seed: number): string {
  return join(dataDir, `faers-${reports}r-seed${seed}-v${FORMAT_VERSION}`);
}

/**
 * A synthetic FAERS extract of 8 quarters (2023Q1–2024Q4) with `reports` cases after deduplication:
 * reused from `dataDir` when present, otherwise generated there, every file streamed in ~1 MB chunks.
 */
export async function generateFaers(dataDir: string, reports: number, seed: number): Promise<GeneratedFaers> {
  const folder = cachedFaersPath(dataDir, reports, seed);
  const manifest = `${folder}.json`;
  const cached = await readFile(manifest, 'utf8').catch(() => null);
  if (cached !== null && (await stat(folder).catch(() => null))?.isDirectory()) {
    return { folder, counts: JSON.parse(cached) as FaersCounts, reused: true };
  }

  const partial = `${folder}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    const counts = await writeExtract(partial, reports, seed);
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
    await writeFile(manifest, JSON.stringify(counts, null, 2));
    return { folder, counts, reused: false };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes an extract and its counts. */
export async function removeFaers(folder: string): Promise<void> {
  await Promise.all([rm(folder, { recursive: true, force: true }), rm(`${folder}.json`, { force: true })]);
}

function vocabulary(seed: number): FaersVocabulary {
  const r = new Prng(seed);
  const drugs = drugVocabulary(r);
  const events = eventVocabulary(r);
  return {
    drugs,
    // A few drugs and events are common, most are rare.
    drugPopularity: new ZipfTable(drugs.length, 1, 3),
    events,
    eventFrequency: new ZipfTable(events.length, 1.05, 10),
  };
}

async function writeExtract(root: string, reports: number, seed: number): Promise<FaersCounts> {
  const vocab = vocabulary(seed);
  const counts: FaersCounts = {
    reports, versions: 0, drugRows: 0, eventRows: 0, outcomeRows: 0, keptDrugRows: 0, keptEventRows: 0, keptOutcomeRows: 0, bytes: 0,
  };
  for (const [q, quarter] of QUARTERS.entries()) {
    const dir = join(root, quarter.label, 'ASCII');
    await mkdir(dir, { recursive: true });
    const kinds = Object.keys(FAERS_HEADERS) as FaersFileKind[];
    const writers = Object.fromEntries(kinds.map((kind) => [kind, new ChunkedWriter(join(dir, `${kind}${quarter.fileTag}.txt`))])) as Record<FaersFileKind, ChunkedWriter>;
    const sink: QuarterSink = writers;
    for (const kind of kinds) writers[kind].add(FAERS_HEADERS[kind]);
    let written = 0;
    for (const version of versionsInQuarter(q, reports, seed)) {
      const rows = writeVersion(sink, drawCase(new Prng(hash2(version.caseIndex, seed, SALT_CASE)), vocab), version);
      counts.versions += 1;
      counts.drugRows += rows.drug;
      counts.eventRows += rows.event;
      counts.outcomeRows += rows.outcome;
      if (!version.superseded) {
        counts.keptDrugRows += rows.drug;
        counts.keptEventRows += rows.event;
        counts.keptOutcomeRows += rows.outcome;
      }
      if (++written % FLUSH_EVERY === 0) for (const kind of kinds) await writers[kind].flushIfFull();
    }
    for (const kind of kinds) await writers[kind].close();
    counts.bytes += kinds.reduce((sum, kind) => sum + writers[kind].bytes, 0);
  }
  return counts;
}
