import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsvOptions } from '../workers/engine/api.js';

/** One bundled sample file and how to import it. */
export interface SampleImport {
  path: string;
  /** Dataset and table name, e.g. `omop_person`, `faers_demo24q1`. */
  name: string;
  csv: CsvOptions;
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

/** How each kind of sample folder is imported; FAERS quarterly files are `$`-separated Latin-1 text. */
const SAMPLE_KINDS: { folder: string; extension: RegExp; prefix: string; csv: CsvOptions }[] = [
  { folder: 'omop', extension: /\.csv(\.gz)?$/i, prefix: 'omop_', csv: {} },
  { folder: 'faers', extension: /\.txt(\.gz)?$/i, prefix: 'faers_', csv: { delimiter: '$', encoding: 'latin-1' } },
];

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
