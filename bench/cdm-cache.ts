import { spawn } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as duckdbVersion } from '@duckdb/node-api';
import { CDM_FORMAT_VERSION, type CdmManifest } from './generate-cdm.js';

const GENERATOR = fileURLToPath(new URL('./generate-cdm.ts', import.meta.url));

export interface CachedCdm {
  /** The folder to import: one Parquet file per table. */
  folder: string;
  manifest: CdmManifest;
  /** True when an earlier run's CDM was found and used as it was. */
  reused: boolean;
}

/** `1m`, `100k`, `12345`: how a size names the folder (`bench/data/cdm-1m`). */
export function sizeLabel(persons: number): string {
  if (persons % 1_000_000 === 0) return `${persons / 1_000_000}m`;
  if (persons % 1_000 === 0) return `${persons / 1_000}k`;
  return String(persons);
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

  await runGenerator(folder, persons, seed);
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

/** `generate-cdm.ts` in a child Node with this process's loader flags (tsx), its output shown as it comes. */
function runGenerator(folder: string, persons: number, seed: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, GENERATOR, folder, String(persons), String(seed)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the CDM generator failed (${signal ?? `exit status ${code}`})`));
    });
  });
}
