/**
 * A form over an analysis spec: flat fields the form shows, `read` (spec → fields) and one writer per field
 * (fields → the part of the spec that field owns). Only changed fields are written back, into a copy of the
 * spec, so whatever the form cannot show (named code sets, censoring events, MGPS starts…) survives form edits.
 * Pure data and functions: the DOM side is form-view.ts.
 */
import type { DatasetKind } from '../../workers/engine/api.js';
import type { AnalysisKind } from '../notebook/notebook.js';
import type { MessageKey } from '../i18n/i18n.js';

export type FieldValue = string | number | boolean | string[] | number[] | null;
export type Fields = Record<string, FieldValue>;
export type Spec = Record<string, unknown>;

export type FieldType =
  /** One line of text; `null` when empty. */
  | 'text'
  /** A number; `null` when empty. */
  | 'number'
  | 'checkbox'
  /** One of `options` (or of the datasets / cohort cells named by `source`). */
  | 'select'
  /** Any of `options`, as checkboxes. */
  | 'multi'
  /** Comma-separated text → string[]. */
  | 'list'
  /** Comma-separated whole numbers → number[]. */
  | 'numberList';

export interface FieldDef {
  key: string;
  label: MessageKey;
  type: FieldType;
  options?: readonly string[];
  /** Labels of options that are words rather than data (`first` → "First event only"); others show as they are. */
  optionLabels?: Record<string, MessageKey>;
  /** Choices filled when the form is mounted: datasets of these kinds, or the notebook's earlier cohort cells. */
  source?: { datasets: DatasetKind[] } | { cells: AnalysisKind };
  /** Shown only when this holds for the current fields. */
  visible?: (fields: Fields) => boolean;
  hint?: MessageKey;
}

export interface FormModel<F extends Fields = Fields> {
  kind: AnalysisKind;
  fields: FieldDef[];
  read(spec: Spec): F;
  write: { [K in keyof F]: (spec: Spec, fields: F) => void };
  /** The spec of a new cell of this kind. */
  template(dataset: string): Spec;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The spec after the form moved from `previous` to `next`: the writers of the changed fields, on a copy. */
export function applyFormChange<F extends Fields>(spec: Spec, model: FormModel<F>, previous: F, next: F): Spec {
  const result = structuredClone(spec);
  for (const key of Object.keys(model.write) as (keyof F)[]) {
    if (!sameValue(previous[key] as FieldValue, next[key] as FieldValue)) model.write[key](result, next);
  }
  return result;
}

/** The object at `path` inside `spec`, created (as `{}`) where missing or not an object. */
export function objectAt(spec: Spec, path: string[]): Spec {
  let node = spec;
  for (const key of path) {
    const child = node[key];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
    node = node[key] as Spec;
  }
  return node;
}

/** Sets `key` on the object at `path`, or deletes it when `value` is empty; drops objects left empty on the way. */
export function setOrDelete(spec: Spec, path: string[], key: string, value: unknown): void {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (!empty) { objectAt(spec, path)[key] = value; return; }
  const chain: Spec[] = [spec];
  for (const step of path) {
    const child = chain[chain.length - 1]![step];
    if (child === null || typeof child !== 'object') return;
    chain.push(child as Spec);
  }
  delete chain[chain.length - 1]![key];
  for (let depth = path.length; depth > 0; depth--) {
    if (Object.keys(chain[depth]!).length > 0) break;
    delete chain[depth - 1]![path[depth - 1]!];
  }
}

/** A value read from a spec: numbers as numbers, else null. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function asObject(value: unknown): Spec {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Spec : {};
}
