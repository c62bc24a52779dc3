import type { AttritionStep, Suppression } from '../../engine/api.js';
import { suppressCells, type CellEquation } from '../privacy/suppress/suppress-cells.js';
import { suppressionOf } from '../privacy/suppress/suppression-sql.js';

/** The attrition's counts as built, before anything is hidden. */
export interface CountedStep {
  step: string;
  persons: number;
  events: number;
  dropped: number;
  ruleOnly?: number;
}

const FIELDS = ['persons', 'dropped', 'events', 'ruleOnly'] as const;

/** What a reader of the attrition knows for certain about how its counts hang together. */
export interface AttritionShape {
  /** One entry event per person (`occurrence: first`): every step's events equal its persons. */
  oneEventPerPerson: boolean;
  /** The step of the first inclusion rule: its rule-alone count equals its persons (alone is together). */
  firstRuleStep: number | null;
}

/**
 * Hides small attrition counts (suppress-cells.ts) with the counts that would give them away:
 * each step's persons are the next step's persons plus those it dropped (`persons[i−1] = persons[i] +
 * dropped[i]`); with one entry event per person, events equal persons; the first rule's "alone" count
 * equals its persons. Other events and rule-alone counts tie nothing together and are hidden only when
 * small. Returns the steps as shown, the Suppression, and a warning when some small count could not
 * be protected (a cohort too small to hide anything else in).
 */
export function suppressAttrition(steps: CountedStep[], shape: AttritionShape, minCellCount: number): { attrition: AttritionStep[]; suppression: Suppression; warnings: string[] } {
  const cell = (step: number, field: (typeof FIELDS)[number]) => step * FIELDS.length + FIELDS.indexOf(field);
  const values = steps.flatMap((s) => FIELDS.map((f) => s[f] ?? 0));
  const equations: CellEquation[] = [];
  steps.forEach((_, i) => {
    if (i > 0) equations.push({ total: cell(i - 1, 'persons'), parts: [cell(i, 'persons'), cell(i, 'dropped')] });
    if (shape.oneEventPerPerson) equations.push({ total: cell(i, 'events'), parts: [cell(i, 'persons')] });
  });
  if (shape.firstRuleStep !== null && steps[shape.firstRuleStep]?.ruleOnly !== undefined) {
    equations.push({ total: cell(shape.firstRuleStep, 'ruleOnly'), parts: [cell(shape.firstRuleStep, 'persons')] });
  }
  const result = suppressCells(values, equations, minCellCount);
  const shown = (step: number, field: (typeof FIELDS)[number]) => (result.hidden[cell(step, field)] ? null : values[cell(step, field)]!);
  const attrition = steps.map((s, i): AttritionStep => ({
    step: s.step,
    persons: shown(i, 'persons'),
    events: shown(i, 'events'),
    dropped: shown(i, 'dropped'),
    ...(s.ruleOnly !== undefined ? { ruleOnly: shown(i, 'ruleOnly') } : {}),
  }));
  const warnings = result.unprotected.length > 0
    ? [`the attrition has too few persons to hide its counts below ${minCellCount} completely: the shown counts still give some of them away`]
    : [];
  return { attrition, suppression: suppressionOf(minCellCount, ['persons', 'events', 'dropped', 'ruleOnly'], result.primary, result.complementary), warnings };
}
