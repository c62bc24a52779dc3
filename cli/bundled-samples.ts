import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsvOptions, VcfOptions } from '../workers/engine/api.js';

/** One bundled sample (a folder, or the cohort VCF, imported as one dataset) and how to import it. */
export interface SampleImport {
  path: string;
  /** Dataset name, e.g. `omop`, `faers`, `gibleed`. */
  name: string;
  csv: CsvOptions;
  /** `faers`: FAERS quarters (deduplicated reports, drugs, events); `omop`: an OMOP CDM folder; `vcf`: a VCF. */
  kind: 'faers' | 'omop' | 'vcf';
  /** For `vcf`: the sample → person mapping. */
  vcf?: VcfOptions;
  /** Kept in the catalog; the synthetic samples' own when absent. */
  description?: string;
  licence?: string;
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

/** `samples/gibleed` next to this checkout (committed, not generated), or `PMW_GIBLEED_DIR`. */
export function gibleedDirectory(env: Record<string, string | undefined>): string {
  return env.PMW_GIBLEED_DIR || fileURLToPath(new URL('../samples/gibleed', import.meta.url));
}

/** Folders of the samples directory imported whole, as one dataset of their kind named after the folder. */
const SAMPLE_DATASETS: Record<string, SampleImport['kind']> = { faers: 'faers', omop: 'omop' };

/** The cohort VCF of the samples folder, linked to the OMOP persons by samples.tsv (samples/README.md). */
async function cohortVcfSample(folder: string): Promise<SampleImport | string> {
  const path = join(folder, 'cohort.vcf');
  if (!(await stat(path).catch(() => null))?.isFile()) return `skipped vcf/: it has no cohort.vcf`;
  const samples = join(folder, 'samples.tsv');
  const linked = (await stat(samples).catch(() => null))?.isFile() === true;
  return { path, name: 'vcf', csv: {}, kind: 'vcf', ...(linked ? { vcf: { samples } } : {}) };
}

/** Eunomia GiBleed, a real (simulated-patient) OMOP CDM bundled as Parquet: see samples/gibleed/SOURCES.md. */
function gibleedSample(path: string): SampleImport {
  return {
    path, name: 'gibleed', csv: {}, kind: 'omop',
    description: 'Eunomia GiBleed (OHDSI): OMOP CDM v5.3, 2,694 simulated NSAID users and their GI bleeding',
    licence: 'Apache-2.0 (OHDSI Eunomia; simulated Synthea patients, no real persons)',
  };
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() === true;
}

/**
 * Looks through the samples folder and lists what `pmw start` can import and what it skips; GiBleed
 * (`gibleed`, when given) is imported whether or not the synthetic samples have been generated.
 */
export async function planSampleImports(directory: string, gibleed: string | null = null): Promise<SamplePlan> {
  const imports: SampleImport[] = [];
  const notes: string[] = [];
  const found = await isDirectory(directory);
  const entries = found ? (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name)) : [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const kind = SAMPLE_DATASETS[entry.name];
    if (kind) imports.push({ path: join(directory, entry.name), name: entry.name, csv: {}, kind });
    else if (entry.name === 'vcf') {
      const vcf = await cohortVcfSample(join(directory, entry.name));
      if (typeof vcf === 'string') notes.push(vcf);
      else imports.push(vcf);
    } else notes.push(`skipped ${entry.name}/: not a kind of sample pmw start imports`);
  }
  if (gibleed !== null) {
    if (await isDirectory(gibleed)) imports.push(gibleedSample(gibleed));
    else notes.push(`skipped gibleed: ${gibleed} does not exist`);
  }
  return { found, imports, notes };
}
