/**
 * How an analysis cell's JSON spec names earlier cells (docs/notebooks.md, "Dependencies"):
 * - a cohort field (`target`, `comparator`, `outcome`; association `phenotype.cases` / `.controls`; pgx
 *   `crossTab.exposure` / `.outcome`) given as a string is the name of a cohort cell;
 * - `{ "$ref": "name" }` anywhere in the spec is the same, written out.
 * The runtime puts `{ cohortTable, dataset, name }` of that cohort cell's result in their place.
 */
import type { AnalysisKind } from './notebook.js';

const COHORT_FIELDS: Partial<Record<AnalysisKind, string[][]>> = {
  characterize: [['target'], ['comparator']],
  incidence: [['target'], ['outcome']],
  survival: [['target'], ['outcome'], ['comparator']],
  association: [['phenotype', 'cases'], ['phenotype', 'controls']],
  pgx: [['crossTab', 'exposure'], ['crossTab', 'outcome']],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks the spec and replaces each reference by `resolve(name)`; returns a new value, the spec is left alone. */
export function replaceSpecReferences(kind: AnalysisKind, spec: unknown, resolve: (name: string) => unknown): unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string' && Object.keys(value).length === 1) return resolve(value.$ref);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
  };
  const replaced = walk(spec);
  for (const path of COHORT_FIELDS[kind] ?? []) {
    let holder: unknown = replaced;
    for (const key of path.slice(0, -1)) holder = isObject(holder) ? holder[key] : undefined;
    const last = path.at(-1)!;
    if (isObject(holder) && typeof holder[last] === 'string') holder[last] = resolve(holder[last]);
  }
  return replaced;
}

/** The cell names a spec refers to, in the order met. */
export function specReferences(kind: AnalysisKind, spec: unknown): string[] {
  const names: string[] = [];
  replaceSpecReferences(kind, spec, (name) => { if (!names.includes(name)) names.push(name); return null; });
  return names;
}
