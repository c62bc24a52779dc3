import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChildScript } from './child-script.js';
import { sizeLabel } from './format.js';
import { MANIFEST_FILE, PHENOTYPE_FILE, PLINK_PHENOTYPE_FILE, VCF_FILE, VCF_FORMAT_VERSION, type VcfManifest } from './generate-vcf.js';

const GENERATOR = fileURLToPath(new URL('./generate-vcf.ts', import.meta.url));

export interface CachedVcf {
  folder: string;
  /** The BGZF-compressed VCF. */
  vcf: string;
  /** Phenotypes for pmw (sample, case/control). */
  phenotype: string;
  /** The same phenotypes for PLINK's `--pheno`. */
  plinkPhenotype: string;
  manifest: VcfManifest;
  /** True when an earlier run's files were found and used as they were. */
  reused: boolean;
}

/**
 * The generated VCF of `samples` × `records` in `dataDir/vcf-<samples>x<records>` (`vcf-2504x100k`):
 * reused when its manifest matches the size, seed and format version, otherwise generated in a child
 * process, so the generator's memory does not count in this process's peak RSS.
 */
export async function cachedVcf(dataDir: string, samples: number, records: number, seed: number): Promise<CachedVcf> {
  const folder = join(dataDir, `vcf-${samples}x${sizeLabel(records)}`);
  const found = await readManifest(folder);
  const matches = found !== null && found.formatVersion === VCF_FORMAT_VERSION && found.samples === samples &&
    found.records === records && found.seed === seed;
  if (matches && (await stat(join(folder, VCF_FILE)).catch(() => null))?.size === found.fileBytes) {
    return { ...paths(folder), manifest: found, reused: true };
  }

  await runChildScript(GENERATOR, [folder, String(samples), String(records), String(seed)], 'the VCF generator');
  const manifest = await readManifest(folder);
  if (!manifest) throw new Error(`the VCF generator finished without writing ${join(folder, MANIFEST_FILE)}`);
  return { ...paths(folder), manifest, reused: false };
}

/** Deletes a generated VCF folder. */
export async function removeVcf(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

function paths(folder: string): Pick<CachedVcf, 'folder' | 'vcf' | 'phenotype' | 'plinkPhenotype'> {
  return { folder, vcf: join(folder, VCF_FILE), phenotype: join(folder, PHENOTYPE_FILE), plinkPhenotype: join(folder, PLINK_PHENOTYPE_FILE) };
}

async function readManifest(folder: string): Promise<VcfManifest | null> {
  const text = await readFile(join(folder, MANIFEST_FILE), 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as VcfManifest);
}
