/**
 * The `quality` and `privacy` cells (docs/notebooks.md): their specs are the notebook's own, so they are checked
 * here before the Engine is called.
 *
 * - `quality`: `{ "dataset": "gibleed" }` → Engine.quality.
 * - `privacy`: `{ "dataset": "gibleed", "table"?: "gibleed.person", "kAnonymity"?: { "quasiIdentifiers": [...],
 *   "k"?: 5 } }` → Engine.scanPrivacy of the dataset (or that one table) and, when `kAnonymity` is given,
 *   Engine.kAnonymity over the same table (the dataset's main table when none is named).
 */
import type { KAnonymityResult, KAnonymitySpec, PrivacyScan, Progress, QualityReport } from '../../workers/engine/api.js';
import type { NotebookEngine } from './notebook.js';
import { NotebookError } from './notebook-error.js';

/** What a privacy cell produced: the scan, and the k-anonymity report when the spec asked for one. */
export interface PrivacyCellResult {
  scan: PrivacyScan;
  kAnonymity: KAnonymityResult | null;
}

const FIELDS = { quality: ['dataset'], privacy: ['dataset', 'table', 'kAnonymity'] } as const;
const EXAMPLE = { quality: '{ "dataset": "gibleed" }', privacy: '{ "dataset": "gibleed", "kAnonymity": { "quasiIdentifiers": ["year_of_birth", "gender_concept_id"] } }' };

function badSpec(message: string, hint: string): NotebookError {
  return new NotebookError({ code: 'BAD_REQUEST', message, hint });
}

/** Refuses fields the kind does not know (a typo must not pass for a setting) and a missing dataset. */
function checkSpec(kind: 'quality' | 'privacy', spec: Record<string, unknown>): { dataset: string; table?: string } {
  const known: readonly string[] = [...FIELDS[kind], 'taskId'];
  const unknown = Object.keys(spec).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw badSpec(`the ${kind} spec has no field ${unknown.map((key) => JSON.stringify(key)).join(', ')}`, `its fields are ${FIELDS[kind].join(', ')}, e.g. ${EXAMPLE[kind]}`);
  }
  if (typeof spec.dataset !== 'string' || spec.dataset.trim() === '') {
    throw badSpec(`the ${kind} spec needs "dataset", the name of a dataset`, `e.g. ${EXAMPLE[kind]}`);
  }
  if (spec.table !== undefined && typeof spec.table !== 'string') {
    throw badSpec('"table" must be the name of one table of the dataset', 'e.g. "table": "gibleed.person", or leave it out to scan every table');
  }
  return { dataset: spec.dataset, ...(typeof spec.table === 'string' ? { table: spec.table } : {}) };
}

function kAnonymitySpec(value: unknown, dataset: string, table: string | undefined, taskId: string): KAnonymitySpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badSpec('"kAnonymity" must be an object', 'e.g. "kAnonymity": { "quasiIdentifiers": ["year_of_birth", "gender_concept_id"], "k": 5 }');
  }
  const { quasiIdentifiers, k, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw badSpec(`"kAnonymity" has no field ${Object.keys(rest).map((key) => JSON.stringify(key)).join(', ')}`, 'its fields are quasiIdentifiers and k');
  if (!Array.isArray(quasiIdentifiers) || quasiIdentifiers.length === 0 || !quasiIdentifiers.every((column) => typeof column === 'string')) {
    throw badSpec('"kAnonymity.quasiIdentifiers" must list one or more column names', 'e.g. ["year_of_birth", "gender_concept_id"]');
  }
  return { dataset, quasiIdentifiers, taskId, ...(table !== undefined ? { table } : {}), ...(k !== undefined ? { k: k as number } : {}) };
}

export async function runQuality(engine: NotebookEngine, spec: Record<string, unknown>, taskId: string, onProgress: (p: Progress) => void): Promise<QualityReport> {
  return engine.quality(checkSpec('quality', spec).dataset, { taskId }, onProgress);
}

export async function runPrivacy(engine: NotebookEngine, spec: Record<string, unknown>, taskId: string, onProgress: (p: Progress) => void): Promise<PrivacyCellResult> {
  const { dataset, table } = checkSpec('privacy', spec);
  // Checked before anything runs, so a wrong k-anonymity spec does not cost a scan first.
  const kSpec = spec.kAnonymity === undefined ? null : kAnonymitySpec(spec.kAnonymity, dataset, table, taskId);
  const scan = await engine.scanPrivacy(dataset, { taskId, ...(table !== undefined ? { table } : {}) }, onProgress);
  const kAnonymity = kSpec ? await engine.kAnonymity(kSpec, onProgress) : null;
  return { scan, kAnonymity };
}
