import type { CodeSet, CohortExit, CohortSpec, EventCriterion, EventDomain, InclusionRule } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

export const EVENT_DOMAINS: readonly EventDomain[] = ['condition', 'drug', 'measurement', 'procedure', 'visit', 'observation', 'death'];
const SEXES = ['male', 'female', 'unknown'] as const;
/** No analysis window reaches further than this (days), so a typo such as 36500 is caught, not run. */
const MAX_DAYS = 200 * 366;

/** A code set after checking, with the place in the spec it came from (for messages). */
export interface CheckedCodeSet {
  /** `codeSets.celecoxib` or `inclusion[1].occurrence.codes`. */
  path: string;
  concepts: { id: number; descendants: boolean; exclude: boolean }[];
  sourceCodes: string[];
}

export interface CheckedCriterion {
  path: string;
  domain: EventDomain;
  /** Absent only for `death` with no codes (any death). */
  codes: CheckedCodeSet | null;
  value: { gt?: number; gte?: number; lt?: number; lte?: number; unit?: number } | null;
}

export type CheckedRule =
  | { name: string; kind: 'age'; min: number | null; max: number | null }
  | { name: string; kind: 'sex'; sexes: ('male' | 'female' | 'unknown')[] }
  | { name: string; kind: 'occurrence'; criterion: CheckedCriterion; window: CheckedWindow; atLeast: number; atMost: number | null }
  | { name: string; kind: 'genotype'; dataset: string; variantIds: number[]; rsids: string[]; gene: string | null; impact: string[]; maxAf: number | null; minAltCount: number; carrier: boolean };

/** A window with open ends as null. */
export interface CheckedWindow {
  start: number | null;
  end: number | null;
}

export type CheckedExit =
  | { type: 'observationEnd' }
  | { type: 'fixed'; days: number }
  | { type: 'drugExposure'; codes: CheckedCodeSet; gapDays: number; offsetDays: number };

export interface CheckedCohortSpec {
  dataset: string;
  name: string;
  entry: CheckedCriterion;
  occurrence: 'first' | 'all';
  priorDays: number;
  postDays: number;
  rules: CheckedRule[];
  exit: CheckedExit;
  censor: CheckedCriterion[];
}

function bad(path: string, message: string, hint: string): PmwError {
  return new PmwError({ code: 'BAD_REQUEST', message: `cohort definition, ${path}: ${message}`, hint });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(path: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw bad(`${path}.${key}`, 'is not a field of this part of a cohort definition', `the fields here are: ${allowed.join(', ')}`);
  }
}

function wholeDays(path: string, value: unknown, fallback: number | null, min = -MAX_DAYS): number {
  if (value === undefined && fallback !== null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_DAYS) {
    throw bad(path, `must be a whole number of days${min === 0 ? ', 0 or more' : ''} (got ${JSON.stringify(value)})`, `write it as e.g. ${min === 0 ? 365 : -365}`);
  }
  return value;
}

function count(path: string, value: unknown, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw bad(path, `must be a whole number, 0 or more (got ${JSON.stringify(value)})`, 'e.g. 1 for "at least once", 0 with atMost for "never"');
  }
  return value;
}

function finiteOrAbsent(path: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(path, `must be a number (got ${JSON.stringify(value)})`, 'write the threshold as a plain number, e.g. 7.5');
  return value;
}

function checkCodeSet(path: string, value: unknown): CheckedCodeSet {
  if (!isObject(value)) throw bad(path, 'must be a code set: { "concepts": [...], "sourceCodes": [...] }', 'list concept ids, source-code patterns, or both');
  onlyKeys(path, value, ['concepts', 'sourceCodes']);
  const concepts: CheckedCodeSet['concepts'] = [];
  if (value.concepts !== undefined) {
    if (!Array.isArray(value.concepts)) throw bad(`${path}.concepts`, 'must be a list', 'e.g. [{ "id": 1118084, "descendants": true }]');
    value.concepts.forEach((item: unknown, i: number) => {
      const at = `${path}.concepts[${i}]`;
      const entry = typeof item === 'number' ? { id: item } : item;
      if (!isObject(entry)) throw bad(at, 'must be a concept id or { "id": …, "descendants": true }', 'e.g. { "id": 192671, "descendants": true }');
      onlyKeys(at, entry, ['id', 'descendants', 'exclude']);
      if (typeof entry.id !== 'number' || !Number.isSafeInteger(entry.id) || entry.id < 0) {
        throw bad(`${at}.id`, `must be a concept id, a whole number (got ${JSON.stringify(entry.id)})`, 'look the concept up in the concept table');
      }
      for (const flag of ['descendants', 'exclude'] as const) {
        if (entry[flag] !== undefined && typeof entry[flag] !== 'boolean') throw bad(`${at}.${flag}`, 'must be true or false', `drop it or write "${flag}": true`);
      }
      concepts.push({ id: entry.id, descendants: entry.descendants === true, exclude: entry.exclude === true });
    });
  }
  const sourceCodes: string[] = [];
  if (value.sourceCodes !== undefined) {
    if (!Array.isArray(value.sourceCodes)) throw bad(`${path}.sourceCodes`, 'must be a list of patterns', 'e.g. ["K25%", "K92.2"]');
    value.sourceCodes.forEach((code: unknown, i: number) => {
      if (typeof code !== 'string' || code.trim() === '') throw bad(`${path}.sourceCodes[${i}]`, 'must be a non-empty code or pattern', 'e.g. "K25%" (ICD-10) or "M01AH%" (ATC)');
      sourceCodes.push(code.trim());
    });
  }
  if (!concepts.some((c) => !c.exclude) && sourceCodes.length === 0) {
    throw bad(path, 'is empty: it includes no concept and no source code', 'add at least one concept id (not excluded) or a source-code pattern');
  }
  return { path, concepts, sourceCodes };
}

const IMPACTS = ['HIGH', 'MODERATE', 'LOW', 'MODIFIER'];

/** A genotype rule: carriers (or not) of listed variants, or of qualifying variants of a gene, in a VCF dataset. */
function genotypeRule(path: string, value: unknown): Omit<Extract<CheckedRule, { kind: 'genotype' }>, 'name'> {
  if (!isObject(value)) throw bad(path, 'must be { "dataset": …, and "variants" or "gene" }', 'e.g. { "dataset": "vcf", "variants": ["rs4244285"] }');
  onlyKeys(path, value, ['dataset', 'variants', 'gene', 'impact', 'maxAf', 'minAltCount', 'carrier']);
  if (typeof value.dataset !== 'string' || value.dataset.trim() === '') throw bad(`${path}.dataset`, 'is required: the VCF dataset holding the genotypes', 'e.g. "dataset": "vcf"');
  const variants = value.variants ?? [];
  if (!Array.isArray(variants)) throw bad(`${path}.variants`, 'must be a list of variant ids or rsids', 'e.g. ["rs4244285", 1043]');
  const variantIds: number[] = [];
  const rsids: string[] = [];
  variants.forEach((v: unknown, i: number) => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) variantIds.push(v);
    else if (typeof v === 'string' && v.trim() !== '') rsids.push(v.trim());
    else throw bad(`${path}.variants[${i}]`, `must be a variant id (a whole number) or an rsid (got ${JSON.stringify(v)})`, 'e.g. "rs4244285"');
  });
  const gene = value.gene === undefined ? null : value.gene;
  if (gene !== null && (typeof gene !== 'string' || gene.trim() === '')) throw bad(`${path}.gene`, 'must be a gene symbol', 'e.g. "CYP2C19"');
  if ((variantIds.length + rsids.length === 0) === (gene === null)) throw bad(path, 'needs either "variants" or "gene" (one of them)', 'list variants, or name a gene with an impact filter');
  const impact = value.impact ?? [];
  if (!Array.isArray(impact) || impact.some((x) => typeof x !== 'string' || !IMPACTS.includes(x.toUpperCase()))) {
    throw bad(`${path}.impact`, `must list some of ${IMPACTS.join(', ')}`, 'e.g. ["HIGH", "MODERATE"]');
  }
  if (impact.length && gene === null) throw bad(`${path}.impact`, 'applies to a gene, not to listed variants', 'add "gene" or remove "impact"');
  const maxAf = value.maxAf === undefined ? null : value.maxAf;
  if (maxAf !== null && (typeof maxAf !== 'number' || !(maxAf > 0 && maxAf <= 1))) throw bad(`${path}.maxAf`, 'must be a frequency above 0 and at most 1', 'e.g. 0.01 for rare variants');
  const minAltCount = count(`${path}.minAltCount`, value.minAltCount, 1) as number;
  if (minAltCount < 1) throw bad(`${path}.minAltCount`, 'must be at least 1', '1 = carriers, 2 = homozygous');
  if (value.carrier !== undefined && typeof value.carrier !== 'boolean') throw bad(`${path}.carrier`, 'must be true or false', 'false selects persons who do not carry');
  return {
    kind: 'genotype', dataset: value.dataset.trim(), variantIds, rsids, gene: gene === null ? null : (gene as string).trim(),
    impact: (impact as string[]).map((x) => x.toUpperCase()), maxAf: maxAf as number | null, minAltCount, carrier: value.carrier !== false,
  };
}

class SpecChecker {
  private readonly named = new Map<string, CheckedCodeSet>();

  constructor(codeSets: unknown) {
    if (codeSets === undefined) return;
    if (!isObject(codeSets)) throw bad('codeSets', 'must be an object of named code sets', 'e.g. { "celecoxib": { "concepts": [{ "id": 1118084, "descendants": true }] } }');
    for (const [name, set] of Object.entries(codeSets)) this.named.set(name, checkCodeSet(`codeSets.${name}`, set));
  }

  codes(path: string, value: unknown): CheckedCodeSet {
    if (typeof value === 'string') {
      const set = this.named.get(value);
      if (!set) {
        const names = [...this.named.keys()];
        throw bad(path, `names the code set "${value}", which codeSets does not define`, names.length ? `defined code sets: ${names.join(', ')}` : 'define it under "codeSets", or write the code set inline');
      }
      return set;
    }
    return checkCodeSet(path, value);
  }

  criterion(path: string, value: unknown, extra: readonly string[] = []): CheckedCriterion {
    if (!isObject(value)) throw bad(path, 'must be an event criterion: { "domain": …, "codes": … }', `domains: ${EVENT_DOMAINS.join(', ')}`);
    onlyKeys(path, value, ['domain', 'codes', 'value', ...extra]);
    const domain = value.domain;
    if (typeof domain !== 'string' || !EVENT_DOMAINS.includes(domain as EventDomain)) {
      throw bad(`${path}.domain`, `must be one of ${EVENT_DOMAINS.join(', ')} (got ${JSON.stringify(domain)})`, 'e.g. "domain": "drug"');
    }
    let codes: CheckedCodeSet | null = null;
    if (value.codes !== undefined) codes = this.codes(`${path}.codes`, value.codes);
    else if (domain !== 'death') throw bad(`${path}.codes`, `is required for ${domain} events`, 'name a code set of "codeSets" or write one inline');
    let threshold: CheckedCriterion['value'] = null;
    if (value.value !== undefined) {
      if (domain !== 'measurement' && domain !== 'observation') throw bad(`${path}.value`, `applies to measurement and observation events only, not ${domain}`, 'remove "value" or change the domain');
      if (!isObject(value.value)) throw bad(`${path}.value`, 'must be an object such as { "gt": 7 }', 'use gt, gte, lt, lte and unit');
      onlyKeys(`${path}.value`, value.value, ['gt', 'gte', 'lt', 'lte', 'unit']);
      const v = value.value;
      threshold = {};
      for (const op of ['gt', 'gte', 'lt', 'lte', 'unit'] as const) {
        const n = finiteOrAbsent(`${path}.value.${op}`, v[op]);
        if (n !== undefined) threshold[op] = n;
      }
      const lowest = Math.max(threshold.gt ?? -Infinity, threshold.gte ?? -Infinity);
      const highest = Math.min(threshold.lt ?? Infinity, threshold.lte ?? Infinity);
      const empty = lowest > highest || (lowest === highest && (threshold.gt !== undefined || threshold.lt !== undefined));
      if (empty) throw bad(`${path}.value`, 'no value can satisfy these thresholds', 'check the direction of gt/lt');
    }
    return { path, domain: domain as EventDomain, codes, value: threshold };
  }

  window(path: string, value: unknown): CheckedWindow {
    if (!isObject(value)) throw bad(path, 'must be { "start": days, "end": days } relative to index', 'e.g. { "start": -365, "end": -1 } for the year before index');
    onlyKeys(path, value, ['start', 'end']);
    const start = value.start === undefined || value.start === null ? null : wholeDays(`${path}.start`, value.start, null);
    const end = value.end === undefined || value.end === null ? null : wholeDays(`${path}.end`, value.end, null);
    if (start === null && end === null) throw bad(path, 'needs a start, an end or both', 'e.g. { "end": -1 } for any time before index');
    if (start !== null && end !== null && start > end) throw bad(path, `is impossible: it starts ${start} and ends ${end} days from index`, 'the start must not come after the end; days before index are negative');
    return { start, end };
  }

  rule(path: string, value: unknown): CheckedRule {
    if (!isObject(value)) throw bad(path, 'must be an inclusion rule: { "name": …, and one of age, sex, occurrence }', 'e.g. { "name": "adults", "age": { "min": 18 } }');
    onlyKeys(path, value, ['name', 'description', 'age', 'sex', 'occurrence', 'genotype']);
    if (typeof value.name !== 'string' || value.name.trim() === '') throw bad(`${path}.name`, 'is required: a short name shown in the attrition table', 'e.g. "no prior GI bleed"');
    const name = value.name.trim();
    const kinds = (['age', 'sex', 'occurrence', 'genotype'] as const).filter((k) => value[k] !== undefined);
    if (kinds.length !== 1) throw bad(path, `must have exactly one of age, sex, occurrence, genotype (has ${kinds.length ? kinds.join(', ') : 'none'})`, 'split it into one rule per criterion');
    if (value.genotype !== undefined) return { name, ...genotypeRule(`${path}.genotype`, value.genotype) };
    if (value.age !== undefined) {
      if (!isObject(value.age)) throw bad(`${path}.age`, 'must be { "min": years, "max": years }', 'e.g. { "min": 18 }');
      onlyKeys(`${path}.age`, value.age, ['min', 'max']);
      const min = count(`${path}.age.min`, value.age.min, null);
      const max = count(`${path}.age.max`, value.age.max, null);
      if (min === null && max === null) throw bad(`${path}.age`, 'needs min, max or both', 'e.g. { "min": 18, "max": 64 }');
      if (min !== null && max !== null && min > max) throw bad(`${path}.age`, `is impossible: min ${min} is above max ${max}`, 'swap them');
      return { name, kind: 'age', min, max };
    }
    if (value.sex !== undefined) {
      const list = Array.isArray(value.sex) ? value.sex : [value.sex];
      if (list.length === 0 || list.some((s) => !SEXES.includes(s as (typeof SEXES)[number]))) {
        throw bad(`${path}.sex`, `must list some of ${SEXES.join(', ')} (got ${JSON.stringify(value.sex)})`, 'e.g. ["female"]');
      }
      return { name, kind: 'sex', sexes: [...new Set(list as (typeof SEXES)[number][])] };
    }
    const at = `${path}.occurrence`;
    const criterion = this.criterion(at, value.occurrence, ['window', 'atLeast', 'atMost']);
    const occurrence = value.occurrence as Record<string, unknown>;
    const window = this.window(`${at}.window`, occurrence.window);
    const atMost = count(`${at}.atMost`, occurrence.atMost, null);
    const atLeast = count(`${at}.atLeast`, occurrence.atLeast, atMost === 0 ? 0 : 1) as number;
    if (atMost !== null && atLeast > atMost) throw bad(at, `is impossible: at least ${atLeast} and at most ${atMost}`, 'for "never", write "atMost": 0 alone');
    if (atLeast === 0 && atMost === null) throw bad(at, 'is always true: at least 0 events, no upper limit', 'write "atLeast": 1 (or more), or "atMost": 0 for absence');
    return { name, kind: 'occurrence', criterion, window, atLeast, atMost };
  }

  exit(value: unknown, entry: CheckedCriterion): CheckedExit {
    if (value === undefined) return { type: 'observationEnd' };
    if (!isObject(value)) throw bad('exit', 'must be { "type": "observationEnd" | "fixed" | "drugExposure", … }', 'e.g. { "type": "fixed", "days": 365 }');
    const exit = value as Partial<CohortExit> & Record<string, unknown>;
    switch (exit.type) {
      case 'observationEnd':
        onlyKeys('exit', value, ['type']);
        return { type: 'observationEnd' };
      case 'fixed':
        onlyKeys('exit', value, ['type', 'days']);
        return { type: 'fixed', days: wholeDays('exit.days', exit.days, null, 0) };
      case 'drugExposure': {
        onlyKeys('exit', value, ['type', 'codes', 'gapDays', 'offsetDays']);
        let codes: CheckedCodeSet;
        if (exit.codes !== undefined) codes = this.codes('exit.codes', exit.codes);
        else if (entry.domain === 'drug' && entry.codes) codes = entry.codes;
        else throw bad('exit.codes', 'is required when the entry event is not a drug', 'name the drugs whose continuous exposure ends the cohort');
        return { type: 'drugExposure', codes, gapDays: wholeDays('exit.gapDays', exit.gapDays, 0, 0), offsetDays: wholeDays('exit.offsetDays', exit.offsetDays, 0, 0) };
      }
      default:
        throw bad('exit.type', `must be observationEnd, fixed or drugExposure (got ${JSON.stringify(exit.type)})`, 'e.g. { "type": "drugExposure", "gapDays": 30 }');
    }
  }
}

/** Checks a cohort definition as received (from JSON) and returns it with every default filled in. */
export function checkCohortSpec(input: unknown): CheckedCohortSpec {
  if (!isObject(input)) throw bad('(top)', 'must be a JSON object', 'see docs/cohorts.md for the format');
  const spec = input as Partial<CohortSpec> & Record<string, unknown>;
  onlyKeys('(top)', spec, ['dataset', 'name', 'description', 'codeSets', 'entry', 'observation', 'inclusion', 'exit', 'censor', 'minCellCount', 'taskId']);
  if (typeof spec.dataset !== 'string' || spec.dataset.trim() === '') throw bad('dataset', 'is required: the name of an OMOP dataset of the workspace', 'e.g. "dataset": "gibleed" (pmw catalog lists them)');
  const checker = new SpecChecker(spec.codeSets);
  if (spec.entry === undefined) throw bad('entry', 'is required: the events that put a person in the cohort', 'e.g. { "domain": "drug", "codes": "celecoxib" }');
  const entry = checker.criterion('entry', spec.entry, ['occurrence']);
  const occurrence = (spec.entry as unknown as Record<string, unknown>).occurrence ?? 'first';
  if (occurrence !== 'first' && occurrence !== 'all') throw bad('entry.occurrence', `must be "first" or "all" (got ${JSON.stringify(occurrence)})`, '"first": each person\'s earliest event ever; "all": every event');
  let priorDays = 0;
  let postDays = 0;
  if (spec.observation !== undefined) {
    if (!isObject(spec.observation)) throw bad('observation', 'must be { "priorDays": n, "postDays": n }', 'e.g. { "priorDays": 365 }');
    onlyKeys('observation', spec.observation, ['priorDays', 'postDays']);
    priorDays = wholeDays('observation.priorDays', spec.observation.priorDays, 0, 0);
    postDays = wholeDays('observation.postDays', spec.observation.postDays, 0, 0);
  }
  if (spec.inclusion !== undefined && !Array.isArray(spec.inclusion)) throw bad('inclusion', 'must be a list of rules', 'e.g. [{ "name": "adults", "age": { "min": 18 } }]');
  const rules = (spec.inclusion ?? []).map((rule: InclusionRule, i: number) => checker.rule(`inclusion[${i}]`, rule));
  const names = new Set<string>();
  for (const rule of rules) {
    if (names.has(rule.name)) throw bad('inclusion', `has two rules named "${rule.name}"`, 'give each rule its own name: the attrition table shows them');
    names.add(rule.name);
  }
  const exit = checker.exit(spec.exit, entry);
  if (spec.censor !== undefined && !Array.isArray(spec.censor)) throw bad('censor', 'must be a list of event criteria', 'e.g. [{ "domain": "death" }]');
  const censor = (spec.censor ?? []).map((c: EventCriterion, i: number) => checker.criterion(`censor[${i}]`, c));
  const name = typeof spec.name === 'string' && spec.name.trim() !== '' ? spec.name.trim() : 'cohort';
  return { dataset: spec.dataset, name, entry, occurrence, priorDays, postDays, rules, exit, censor };
}

/** Every code set the spec uses, once each (named sets are shared by reference). */
export function codeSetsOf(spec: CheckedCohortSpec): CheckedCodeSet[] {
  const sets = new Set<CheckedCodeSet>();
  const add = (c: CheckedCriterion): void => { if (c.codes) sets.add(c.codes); };
  add(spec.entry);
  for (const rule of spec.rules) if (rule.kind === 'occurrence') add(rule.criterion);
  if (spec.exit.type === 'drugExposure') sets.add(spec.exit.codes);
  spec.censor.forEach(add);
  return [...sets];
}

export type { CodeSet };
