/**
 * The cohort form (CohortSpec, workers/engine/api-cohorts.ts): dataset, entry domain and concept ids (with
 * descendants), first or all occurrences, prior/post observation, age and sex rules, exit.
 * The age and sex rules are the first inclusion rules holding `age` / `sex` (new ones are named so). Concept ids
 * are those of the entry's code set, inline or named in `codeSets`.
 */
import { asObject, numberOrNull, objectAt, setOrDelete, stringList, type FieldDef, type FormModel, type Spec } from './form-model.js';

export interface CohortFields extends Record<string, string | number | boolean | string[] | number[] | null> {
  dataset: string | null;
  domain: string | null;
  concepts: number[];
  descendants: boolean;
  occurrence: string;
  priorDays: number | null;
  postDays: number | null;
  ageMin: number | null;
  ageMax: number | null;
  sex: string[];
  exit: string;
  exitDays: number | null;
}

export const EVENT_DOMAINS = ['condition', 'drug', 'measurement', 'procedure', 'visit', 'observation', 'death'] as const;
const EXITS = ['observationEnd', 'fixed', 'drugExposure'] as const;

type Concept = number | { id: number; descendants?: boolean; exclude?: boolean };

function conceptsOf(codes: unknown): Concept[] {
  const list = asObject(codes)['concepts'];
  return Array.isArray(list) ? list as Concept[] : [];
}

function rules(spec: Spec): Spec[] {
  return Array.isArray(spec['inclusion']) ? spec['inclusion'] as Spec[] : [];
}

function ruleWith(spec: Spec, key: 'age' | 'sex'): Spec | undefined {
  return rules(spec).find((rule) => rule[key] !== undefined);
}

/** Puts (or, when `criterion` is null, removes) the rule holding `key`, keeping the other rules in order. */
function setRule(spec: Spec, key: 'age' | 'sex', criterion: unknown): void {
  const list = rules(spec);
  const index = list.findIndex((rule) => rule[key] !== undefined);
  if (criterion === null) {
    if (index >= 0) list.splice(index, 1);
  } else if (index >= 0) {
    list[index]![key] = criterion;
  } else {
    list.push({ name: key, [key]: criterion });
  }
  setOrDelete(spec, [], 'inclusion', list);
}

/**
 * The code set the entry's ids live in: the entry's inline codes, or the spec's `codeSets` entry the entry
 * names (so a named set shows, and is edited, in place). `null` for a name with no such set.
 */
function entryCodeSet(spec: Spec): { codes: Spec; write(next: Spec | null): void } | null {
  const entry = asObject(spec['entry']);
  if (typeof entry['codes'] === 'string') {
    const name = entry['codes'];
    const sets = asObject(spec['codeSets']);
    if (!(name in sets)) return null;
    return { codes: asObject(sets[name]), write: (next) => { objectAt(spec, ['codeSets'])[name] = next ?? {}; } };
  }
  return { codes: asObject(entry['codes']), write: (next) => setOrDelete(spec, ['entry'], 'codes', next) };
}

function writeConcepts(spec: Spec, fields: CohortFields): void {
  const target = entryCodeSet(spec) ?? { codes: {}, write: (next: Spec | null) => setOrDelete(spec, ['entry'], 'codes', next) };
  const excluded = conceptsOf(target.codes).filter((c) => typeof c === 'object' && c.exclude);
  const chosen: Concept[] = fields.concepts.map((id) => fields.descendants ? { id, descendants: true } : id);
  const concepts = [...chosen, ...excluded];
  const next: Spec = { ...target.codes };
  if (concepts.length > 0) next['concepts'] = concepts; else delete next['concepts'];
  target.write(Object.keys(next).length > 0 ? next : null);
}

function writeAge(spec: Spec, fields: CohortFields): void {
  const age: Spec = {};
  if (fields.ageMin !== null) age['min'] = fields.ageMin;
  if (fields.ageMax !== null) age['max'] = fields.ageMax;
  setRule(spec, 'age', Object.keys(age).length > 0 ? age : null);
}

function writeExit(spec: Spec, fields: CohortFields): void {
  if (fields.exit === 'fixed') { spec['exit'] = { type: 'fixed', days: fields.exitDays ?? 365 }; return; }
  if (fields.exit !== 'drugExposure') { spec['exit'] = { type: 'observationEnd' }; return; }
  // Codes and offset of an earlier drug-exposure exit stay (the form does not show them).
  const { codes, offsetDays } = asObject(spec['exit']);
  spec['exit'] = { type: 'drugExposure', ...(codes !== undefined ? { codes } : {}), gapDays: fields.exitDays ?? 30, ...(offsetDays !== undefined ? { offsetDays } : {}) };
}

const fields: FieldDef[] = [
  { key: 'dataset', label: 'view.form.dataset', type: 'select', source: { datasets: ['omop'] } },
  { key: 'domain', label: 'view.form.cohort.domain', type: 'select', options: EVENT_DOMAINS },
  { key: 'concepts', label: 'view.form.cohort.concepts', type: 'numberList', hint: 'view.form.cohort.conceptsHint' },
  { key: 'descendants', label: 'view.form.cohort.descendants', type: 'checkbox' },
  { key: 'occurrence', label: 'view.form.cohort.occurrence', type: 'select', options: ['first', 'all'],
    optionLabels: { first: 'view.form.cohort.first', all: 'view.form.cohort.all' } },
  { key: 'priorDays', label: 'view.form.cohort.priorDays', type: 'number' },
  { key: 'postDays', label: 'view.form.cohort.postDays', type: 'number' },
  { key: 'ageMin', label: 'view.form.cohort.ageMin', type: 'number' },
  { key: 'ageMax', label: 'view.form.cohort.ageMax', type: 'number' },
  { key: 'sex', label: 'view.form.cohort.sex', type: 'multi', options: ['male', 'female', 'unknown'],
    optionLabels: { male: 'view.form.cohort.male', female: 'view.form.cohort.female', unknown: 'view.form.cohort.unknown' } },
  { key: 'exit', label: 'view.form.cohort.exit', type: 'select', options: EXITS,
    optionLabels: { observationEnd: 'view.form.cohort.exitObservationEnd', fixed: 'view.form.cohort.exitFixed', drugExposure: 'view.form.cohort.exitDrug' } },
  { key: 'exitDays', label: 'view.form.cohort.exitDays', type: 'number', visible: (f) => f['exit'] !== 'observationEnd' },
];

export const COHORT_FORM: FormModel<CohortFields> = {
  kind: 'cohort',
  fields,
  read(spec) {
    const entry = asObject(spec['entry']);
    const concepts = conceptsOf(entryCodeSet(spec)?.codes).filter((c) => !(typeof c === 'object' && c.exclude));
    const observation = asObject(spec['observation']);
    const age = asObject(ruleWith(spec, 'age')?.['age']);
    const exit = asObject(spec['exit']);
    const exitType = typeof exit['type'] === 'string' ? exit['type'] : 'observationEnd';
    return {
      dataset: typeof spec['dataset'] === 'string' ? spec['dataset'] : null,
      domain: typeof entry['domain'] === 'string' ? entry['domain'] : null,
      concepts: concepts.map((c) => typeof c === 'number' ? c : c.id),
      descendants: concepts.some((c) => typeof c === 'object' && c.descendants === true),
      occurrence: entry['occurrence'] === 'all' ? 'all' : 'first',
      priorDays: numberOrNull(observation['priorDays']),
      postDays: numberOrNull(observation['postDays']),
      ageMin: numberOrNull(age['min']),
      ageMax: numberOrNull(age['max']),
      sex: stringList(ruleWith(spec, 'sex')?.['sex']),
      exit: exitType,
      exitDays: numberOrNull(exitType === 'fixed' ? exit['days'] : exit['gapDays']),
    };
  },
  write: {
    dataset: (spec, f) => setOrDelete(spec, [], 'dataset', f.dataset),
    domain: (spec, f) => setOrDelete(spec, ['entry'], 'domain', f.domain),
    concepts: writeConcepts,
    descendants: writeConcepts,
    occurrence: (spec, f) => { objectAt(spec, ['entry'])['occurrence'] = f.occurrence; },
    priorDays: (spec, f) => setOrDelete(spec, ['observation'], 'priorDays', f.priorDays),
    postDays: (spec, f) => setOrDelete(spec, ['observation'], 'postDays', f.postDays),
    ageMin: writeAge,
    ageMax: writeAge,
    sex: (spec, f) => setRule(spec, 'sex', f.sex.length > 0 ? f.sex : null),
    exit: writeExit,
    exitDays: writeExit,
  },
  template: (dataset) => ({ dataset, entry: { domain: 'condition', codes: { concepts: [] }, occurrence: 'first' }, observation: { priorDays: 365 } }),
};
