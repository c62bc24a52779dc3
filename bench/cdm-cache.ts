import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as duckdbVersion } from '@duckdb/node-api';
import { runChildScript } from './child-script.js';
import { sizeLabel } from './format.js';
import { CDM_FORMAT_VERSION, type CdmManifest } from './generate-cdm.js';

const GENERATOR = fileURLToPath(new URL('./generate-cdm.ts', import.meta.url));

export interface CachedCdm {
  /** The folder to import: one Parquet file per table. */
  folder: string;
  manifest: CdmManifest;
  /** True when an earlier run's CDM was found and used as it was. */
  reused: boolean;
}

/**
 * The generated CDM of `persons` persons in `dataDir`: reused when its manifest matches the size, seed,
 * format version and DuckDB version (DuckDB's hash() draws the values), otherwise generated. The generator
 * runs in a process of its own, so its memory does not count in this process's peak RSS.
 */
export async function cachedCdm(dataDir: string, persons: number, seed: number): Promise<CachedCdm> {
  const folder = join(dataDir, `cdm-${sizeLabel(persons)}`);
  const found = await readManifest(folder);
  const matches = found !== null && found.formatVersion === CDM_FORMAT_VERSION && found.persons === persons &&
    found.seed === seed && found.duckdb === duckdbVersion();
  if (matches && (await stat(folder).catch(() => null))?.isDirectory()) return { folder, manifest: found, reused: true };

  await runChildScript(GENERATOR, [folder, String(persons), String(seed)], 'the CDM generator');
  const manifest = await readManifest(folder);
  if (!manifest) throw new Error(`the CDM generator finished without writing ${folder}.json`);
  return { folder, manifest, reused: false };
}

/** Deletes a generated CDM and its manifest. */
export async function removeCdm(folder: string): Promise<void> {
  await Promise.all([rm(folder, { recursive: true, force: true }), rm(`${folder}.json`, { force: true })]);
}

async function readManifest(folder: string): Promise<CdmManifest | null> {
  const text = await readFile(`${folder}.json`, 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as CdmManifest);
}
