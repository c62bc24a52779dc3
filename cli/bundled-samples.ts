import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsvOptions } from '../workers/engine/api.js';

/** One bundled sample (a file, or a folder of FAERS quarters) and how to import it. */
export interface SampleImport {
  path: string;
  /** Dataset name, e.g. `omop_person`, `faers`. */
  name: string;
  csv: CsvOptions;
  /** `faers`: the folder is one FAERS dataset (deduplicated reports, drugs, events). */
  kind?: 'faers';
}

export interface SamplePlan {
  /** False when the samples folder does not exist yet (it is generated). */
  found: boolean;
  imports: SampleImport[];
  /** What was skipped and why, one line each. */
  notes: string[];
}

/** `samples/small` next to this checkout, or `PMW_SAMPLES_DIR`. */
export function samplesDirectory(env: Record<string, string | undefined>): string {
  return env.PMW_SAMPLES_DIR || fileURLToPath(new URL('../samples/small', import.meta.url));
}

/** Folders whose files are imported one table each (OMOP tables until the OMOP importer exists). */
const SAMPLE_KINDS: { folder: string; extension: RegExp; prefix: string; csv: CsvOptions }[] = [
  { folder: 'omop', extension: /\.csv(\.gz)?$/i, prefix: 'omop_', csv: {} },
];

/** Folders imported whole, as one dataset of their kind. */
const SAMPLE_DATASETS: Record<string, SampleImport['kind']> = { faers: 'faers' };

const NOT_YET: Record<string, string> = {
  vcf: 'VCF import arrives with the genomics work',
};

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() === true;
}

/** `PERSON.csv` → `omop_person`, `DEMO24Q1.txt.gz` → `faers_demo24q1`. */
export function sampleTableName(prefix: string, fileName: string): string {
  const stem = fileName.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '');
  return `${prefix}${stem.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, '_')}`;
}

/** Looks through the samples folder and lists what `pmw start` can import and what it skips. */
export async function planSampleImports(directory: string): Promise<SamplePlan> {
  if (!(await isDirectory(directory))) return { found: false, imports: [], notes: [] };
  const imports: SampleImport[] = [];
  const notes: string[] = [];
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const datasetKind = SAMPLE_DATASETS[entry.name];
    if (datasetKind) {
      imports.push({ path: join(directory, entry.name), name: entry.name, csv: {}, kind: datasetKind });
      continue;
    }
    const kind = SAMPLE_KINDS.find((k) => k.folder === entry.name);
    if (!kind) {
      notes.push(`skipped ${entry.name}/: ${NOT_YET[entry.name] ?? 'not a kind of sample pmw start imports'}`);
      continue;
    }
    const files = (await readdir(join(directory, entry.name))).filter((f) => kind.extension.test(f)).sort();
    for (const file of files) {
      imports.push({ path: join(directory, entry.name, file), name: sampleTableName(kind.prefix, file), csv: kind.csv });
    }
  }
  return { found: true, imports, notes };
}
