import type { CohortSpec, DayWindow, TimeAtRisk } from '../workers/engine/api.js';
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

/**
 * `--tar START,END`: days from the cohort start, or from its end when written `end`, `end+N`, `end-N`
 * (`start+N` is accepted too). `1,365` is the first year after index; `0,end` the whole cohort era.
 */
export function parseTimeAtRisk(command: string, text: string): TimeAtRisk {
  const parts = text.split(',').map((p) => p.trim().toLowerCase());
  const bound = (part: string | undefined): { days: number; anchor: 'cohortStart' | 'cohortEnd' } => {
    const match = /^(?:(start|end)\s*)?([+-]?\s*\d+)?$/.exec(part ?? '');
    if (!part || !match || (match[1] === undefined && match[2] === undefined)) {
      throw new UsageError(`--tar must be START,END in days, e.g. 1,365 or 0,end (got ${JSON.stringify(text)})`, command);
    }
    return { days: match[2] ? Number(match[2].replace(/\s+/g, '')) : 0, anchor: match[1] === 'end' ? 'cohortEnd' : 'cohortStart' };
  };
  if (parts.length !== 2) throw new UsageError(`--tar must be START,END in days, e.g. 1,365 or 0,end (got ${JSON.stringify(text)})`, command);
  const start = bound(parts[0]);
  const end = bound(parts[1]);
  return { start: start.days, end: end.days, startAnchor: start.anchor, endAnchor: end.anchor };
}

/** `-365,0` → a day window; either end may be left empty (`,0`). */
export function parseDayWindow(command: string, option: string, text: string | undefined): DayWindow | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*([+-]?\d+)?\s*,\s*([+-]?\d+)?\s*$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    throw new UsageError(`--${option} must be START,END in days relative to index, e.g. -365,0 (got ${JSON.stringify(text)})`, command);
  }
  return { ...(match[1] !== undefined ? { start: Number(match[1]) } : {}), ...(match[2] !== undefined ? { end: Number(match[2]) } : {}) };
}
