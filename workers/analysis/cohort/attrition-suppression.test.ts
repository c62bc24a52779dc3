import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortSpec } from '../../engine/api.js';
import { cellsDeterminedBySystem, cellsPinnedByEquation } from '../privacy/suppress/testing.js';
import type { CellEquation, CellKind } from '../privacy/suppress/suppress-cells.js';
import { suppressAttrition, type AttritionShape, type CountedStep } from './attrition-suppression.js';
import { buildCohort } from './build-cohort.js';
import { checkCohortSpec } from './cohort-spec.js';
import { gibleedConnection, rows } from './testing.js';

const FIELDS = ['persons', 'dropped', 'events', 'ruleOnly'] as const;

/**
 * Independent of the code under test: the kinds a reader can tell from the shown attrition (null with a
 * value in 1…min − 1 is small, other nulls complementary) and the equations a reader knows.
 */
function readerView(steps: CountedStep[], shown: ReturnType<typeof suppressAttrition>['attrition'], shape: AttritionShape, min: number) {
  const values = steps.flatMap((s) => FIELDS.map((f) => s[f] ?? 0));
  const kinds: CellKind[] = steps.flatMap((s, i) => FIELDS.map((f): CellKind => {
    if (shown[i]![f] !== null) return 'shown';
    return (s[f] ?? 0) < min ? 'primary' : 'complementary';
  }));
  const at = (i: number, f: (typeof FIELDS)[number]) => i * FIELDS.length + FIELDS.indexOf(f);
  const equations: CellEquation[] = steps.flatMap((_, i) => [
    ...(i > 0 ? [{ total: at(i - 1, 'persons'), parts: [at(i, 'persons'), at(i, 'dropped')] }] : []),
    ...(shape.oneEventPerPerson ? [{ total: at(i, 'events'), parts: [at(i, 'persons')] }] : []),
  ]);
  if (shape.firstRuleStep !== null) equations.push({ total: at(shape.firstRuleStep, 'ruleOnly'), parts: [at(shape.firstRuleStep, 'persons')] });
  return { values, kinds, equations };
}

function expectNothingRevealed(steps: CountedStep[], shown: ReturnType<typeof suppressAttrition>['attrition'], shape: AttritionShape, min: number): void {
  const { values, kinds, equations } = readerView(steps, shown, shape, min);
  for (const equation of equations) expect(cellsPinnedByEquation(values, kinds, equation, min, Math.max(...values) + 1)).toEqual([]);
  expect(cellsDeterminedBySystem(kinds, equations)).toEqual([]);
}

describe('suppressAttrition on hand-made counts', () => {
  const steps: CountedStep[] = [
    { step: 'entry', persons: 120, events: 120, dropped: 0 },
    { step: 'observed', persons: 100, events: 100, dropped: 20 },
    { step: 'adults', persons: 3, events: 3, dropped: 97, ruleOnly: 3 },
    { step: 'no bleed', persons: 2, events: 2, dropped: 1, ruleOnly: 90 },
  ];
  const shape: AttritionShape = { oneEventPerPerson: true, firstRuleStep: 2 };

  it('hides the small counts and the persons dropped beside them, and keeps the rest', () => {
    const { attrition, suppression } = suppressAttrition(steps, shape, 5);
    expect(attrition.map((s) => [s.persons, s.dropped, s.events, 'ruleOnly' in s ? s.ruleOnly : 'none'])).toEqual([
      [120, 0, 120, 'none'],
      [100, 20, 100, 'none'],
      // 3 is small; 100 − 97 would give it away, so the 97 goes too
      [null, null, null, null],
      // 2 and 1 small; 90 alone ties nothing
      [null, null, null, 90],
    ]);
    // small: persons 3, 2; dropped 1; events 3, 2; rule-alone 3 — complementary: the dropped 97
    expect(suppression).toEqual({ minCellCount: 5, columns: ['persons', 'events', 'dropped', 'ruleOnly'], primary: 6, complementary: 1 });
    expectNothingRevealed(steps, attrition, shape, 5);
  });

  it('shows everything with a minimum of 0', () => {
    const { attrition, suppression } = suppressAttrition(steps, shape, 0);
    expect(attrition[2]).toEqual({ step: 'adults', persons: 3, events: 3, dropped: 97, ruleOnly: 3 });
    expect(suppression).toEqual({ minCellCount: 0, columns: [], primary: 0, complementary: 0 });
  });
});

describe('suppressAttrition on a GiBleed cohort with a small step', () => {
  let db: Awaited<ReturnType<typeof gibleedConnection>>;
  beforeAll(async () => { db = await gibleedConnection(); });
  afterAll(() => db.close());

  // Celecoxib new users with a year of prior observation, then aged 31 at most (a handful), then no GI bleed before.
  const spec: CohortSpec = {
    name: 'young celecoxib users', dataset: 'gibleed',
    entry: { domain: 'drug', codes: { concepts: [{ id: 1118084, descendants: true }] } },
    observation: { priorDays: 365 },
    inclusion: [
      { name: 'aged 31 at most', age: { max: 31 } },
      { name: 'no GI bleed before', occurrence: { domain: 'condition', codes: { concepts: [{ id: 192671, descendants: true }] }, window: { end: 0 }, atMost: 0 } },
    ],
  };

  it('hides exactly the counts below the minimum, and the shown counts give none of them away', async () => {
    const built = await buildCohort(db.task, 'gibleed', checkCohortSpec(spec));
    // The small step counted on its own: first celecoxib exposure, in an observation period begun ≥ 365
    // days before, aged year(index) − year_of_birth ≤ 31.
    const [young] = await rows(db.connection, `
      WITH first AS (SELECT person_id, min(drug_exposure_start_date) AS index_date FROM gibleed.drug_exposure
        WHERE drug_concept_id IN (SELECT descendant_concept_id FROM gibleed.concept_ancestor WHERE ancestor_concept_id = 1118084) GROUP BY person_id)
      SELECT count(*)::INTEGER AS persons FROM first f
      JOIN gibleed.observation_period op ON op.person_id = f.person_id AND f.index_date BETWEEN op.observation_period_start_date AND op.observation_period_end_date
      JOIN gibleed.person p ON p.person_id = f.person_id
      WHERE f.index_date - op.observation_period_start_date >= 365 AND year(f.index_date) - p.year_of_birth <= 31`);
    expect(built.attrition[3]!.persons).toBe(young!.persons);
    const min = 10;
    expect(young!.persons).toBeGreaterThan(0);
    expect(young!.persons).toBeLessThan(min);

    const { attrition, suppression } = suppressAttrition(built.attrition, built.shape, min);
    const counts = built.attrition.flatMap((s) => FIELDS.flatMap((f) => (s[f] === undefined ? [] : [s[f]!])));
    const shownCounts = attrition.flatMap((s) => FIELDS.flatMap((f) => (s[f] === undefined ? [] : [s[f]!])));
    // primary: exactly the counts from 1 to 9; nothing else but complementary cells of at least 10 is hidden
    expect(suppression.primary).toBe(counts.filter((c) => c > 0 && c < min).length);
    shownCounts.forEach((c, i) => {
      if (counts[i]! > 0 && counts[i]! < min) expect(c).toBeNull();
      if (c === null && !(counts[i]! < min)) expect(counts[i]).toBeGreaterThanOrEqual(min);
    });
    expect(suppression.complementary).toBe(shownCounts.filter((c, i) => c === null && counts[i]! >= min).length);
    expect(suppression.complementary).toBeGreaterThan(0);
    // the large counts before the small step are shown
    expect(attrition.slice(0, 3).map((s) => s.persons)).toEqual(built.attrition.slice(0, 3).map((s) => s.persons));
    expectNothingRevealed(built.attrition, attrition, built.shape, min);
  });
});
