/**
 * The signal-screen form (SignalSpec, workers/engine/api-signals.ts): dataset, drug and event filters, drug
 * roles, minimum count, the signal threshold of each measure (PRR, ROR, IC, EBGM) and the sort order.
 * The engine computes all four measures on every screen; what a user chooses per measure is the rule that
 * flags a pair. An empty threshold keeps the engine's default rule; a PRR or ROR threshold written here
 * keeps the rule's other parts (χ², N) as they were, or the usual values (Evans: χ² ≥ 4, N ≥ 3).
 */
import { asObject, numberOrNull, objectAt, setOrDelete, stringList, type FieldDef, type FormModel, type Spec } from './form-model.js';

export interface SignalsFields extends Record<string, string | number | boolean | string[] | number[] | null> {
  dataset: string | null;
  drugs: string[];
  events: string[];
  roles: string;
  minCount: number | null;
  prr: number | null;
  ror: number | null;
  ic: number | null;
  ebgm: number | null;
  orderBy: string;
}

/** Sort choices; an `orderBy` the spec holds that is not among them is offered as well. */
export const SIGNAL_SORTS = ['', 'n DESC', 'prr DESC', 'ror_lo DESC', 'ic025 DESC', 'eb05 DESC', 'ebgm DESC'] as const;

/** Which part of `thresholds.<measure>` the form's number is, and the rule's other parts when new. */
const THRESHOLD_PARTS = {
  prr: { part: 'prr', others: { chisq: 4, n: 3 } },
  ror: { part: 'lower', others: { n: 3 } },
  ic: { part: 'ic025', others: {} },
  ebgm: { part: 'eb05', others: {} },
} as const;

type Measure = keyof typeof THRESHOLD_PARTS;

function writeThreshold(measure: Measure) {
  return (spec: Spec, fields: SignalsFields): void => {
    const value = fields[measure];
    if (value === null) { setOrDelete(spec, ['thresholds'], measure, null); return; }
    const { part, others } = THRESHOLD_PARTS[measure];
    const rule = { ...others, ...asObject(asObject(spec['thresholds'])[measure]), [part]: value };
    objectAt(spec, ['thresholds'])[measure] = rule;
  };
}

function readThreshold(spec: Spec, measure: Measure): number | null {
  return numberOrNull(asObject(asObject(spec['thresholds'])[measure])[THRESHOLD_PARTS[measure].part]);
}

const fields: FieldDef[] = [
  { key: 'dataset', label: 'view.form.dataset', type: 'select', source: { datasets: ['faers', 'reports'] } },
  { key: 'drugs', label: 'view.form.signals.drugs', type: 'list', hint: 'view.form.listHint' },
  { key: 'events', label: 'view.form.signals.events', type: 'list', hint: 'view.form.listHint' },
  { key: 'roles', label: 'view.form.signals.roles', type: 'select', options: ['suspect', 'primary', 'all'],
    optionLabels: { suspect: 'view.form.signals.suspect', primary: 'view.form.signals.primary', all: 'view.form.signals.allRoles' } },
  { key: 'minCount', label: 'view.form.signals.minCount', type: 'number' },
  { key: 'prr', label: 'view.form.signals.prr', type: 'number', hint: 'view.form.signals.defaultRule' },
  { key: 'ror', label: 'view.form.signals.ror', type: 'number', hint: 'view.form.signals.defaultRule' },
  { key: 'ic', label: 'view.form.signals.ic', type: 'number', hint: 'view.form.signals.defaultRule' },
  { key: 'ebgm', label: 'view.form.signals.ebgm', type: 'number', hint: 'view.form.signals.defaultRule' },
  { key: 'orderBy', label: 'view.form.signals.orderBy', type: 'select', options: SIGNAL_SORTS,
    optionLabels: { '': 'view.form.signals.defaultSort' } },
];

export const SIGNALS_FORM: FormModel<SignalsFields> = {
  kind: 'signals',
  fields,
  read: (spec) => ({
    dataset: typeof spec['dataset'] === 'string' ? spec['dataset'] : null,
    drugs: stringList(spec['drugs']),
    events: stringList(spec['events']),
    roles: typeof spec['roles'] === 'string' ? spec['roles'] : 'suspect',
    minCount: numberOrNull(spec['minCount']),
    prr: readThreshold(spec, 'prr'),
    ror: readThreshold(spec, 'ror'),
    ic: readThreshold(spec, 'ic'),
    ebgm: readThreshold(spec, 'ebgm'),
    orderBy: typeof spec['orderBy'] === 'string' ? spec['orderBy'] : '',
  }),
  write: {
    dataset: (spec, f) => setOrDelete(spec, [], 'dataset', f.dataset),
    drugs: (spec, f) => setOrDelete(spec, [], 'drugs', f.drugs),
    events: (spec, f) => setOrDelete(spec, [], 'events', f.events),
    roles: (spec, f) => setOrDelete(spec, [], 'roles', f.roles),
    minCount: (spec, f) => setOrDelete(spec, [], 'minCount', f.minCount),
    prr: writeThreshold('prr'),
    ror: writeThreshold('ror'),
    ic: writeThreshold('ic'),
    ebgm: writeThreshold('ebgm'),
    orderBy: (spec, f) => setOrDelete(spec, [], 'orderBy', f.orderBy),
  },
  template: (dataset) => ({ dataset, minCount: 3, orderBy: 'n DESC', limit: 1000 }),
};
