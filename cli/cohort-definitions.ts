import type { CohortSpec } from '../workers/engine/api.js';
import { isPmwError, PmwError } from '../workers/engine/errors.js';
import { checkCohortSpec } from '../workers/analysis/cohort/cohort-spec.js';
import { readJsonObject } from './json-file.js';
import { UsageError } from './usage-error.js';

const EXAMPLE = '{ "dataset": "gibleed", "entry": { "domain": "drug", "codes": { "concepts": [{ "id": 1118084, "descendants": true }] } } }';

/**
 * Reads a cohort definition file; `--dataset` fills in (or replaces) its dataset, so one definition can be
 * run on several datasets.
 */
export async function readCohortDefinition(command: string, path: string | undefined, dataset: string | undefined, option = 'definition'): Promise<CohortSpec> {
  if (!path) throw new UsageError(`the ${option} file (a cohort definition, JSON) is required`, command);
  const spec = await readJsonObject(path, 'cohort definition', EXAMPLE);
  if (dataset) spec.dataset = dataset;
  if (typeof spec.dataset !== 'string') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `cohort definition ${path} names no dataset`, hint: 'add "dataset": "NAME" to the file or pass --dataset NAME', file: path });
  }
  try {
    checkCohortSpec(spec);
  } catch (error) {
    if (isPmwError(error)) throw new PmwError({ ...error.toData(), message: error.message.replace(/^cohort definition/, `cohort definition ${path}`), file: path });
    throw error;
  }
  return spec as unknown as CohortSpec;
}

/**
 * Errors the engine raises about a definition name its role (`target cohort definition, entry.codes: …`);
 * here they also name the file.
 */
export async function namingFiles<T>(files: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isPmwError(error) || error.file) throw error;
    for (const [role, file] of Object.entries(files)) {
      const prefix = `${role} cohort definition`;
      if (file && error.message.startsWith(prefix)) {
        throw new PmwError({ ...error.toData(), message: `${prefix} ${file}${error.message.slice(prefix.length)}`, file });
      }
    }
    throw error;
  }
}
